package io.backupdesk.web.playbook;

import io.backupdesk.web.common.StateRef;

/** The playbook draft, which a refused edit is about (there is one). */
public record DraftRef() implements StateRef {}
