package io.backupdesk.diagnostics.playbook.draft;

/**
 * An edit the draft cannot take as asked (a step it does not have, a position it cannot reach, a
 * key it already uses); the message says what to do instead.
 */
public final class DraftEditException extends IllegalArgumentException {
  public DraftEditException(String message) {
    super(message);
  }
}
