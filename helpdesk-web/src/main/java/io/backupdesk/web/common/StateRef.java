package io.backupdesk.web.common;

/**
 * Names the resource a refused write was about, by its identity only. The API answers with the
 * resource as it is stored now ({@code currentState}), rendered by the feature that owns it.
 */
public interface StateRef {}
