package io.backupdesk.web.playbook;

import io.backupdesk.web.common.StateRef;

/** A device model of the catalogue, by its row id: what a refused change of it was about. */
public record DeviceRef(long id) implements StateRef {}
