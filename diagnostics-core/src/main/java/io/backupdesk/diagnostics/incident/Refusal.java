package io.backupdesk.diagnostics.incident;

import java.util.Locale;

/**
 * Why an incident, suggestion or merge command was refused. A conflict is a state that says no
 * (HTTP 409: reload and see); the rest are requests that can never work as made (HTTP 422).
 */
public enum Refusal {
  LINK_TO_RECOVERED(true),
  UNLINK_FROM_RECOVERED(true),
  ALREADY_RECOVERED(true),
  SUGGESTION_ALREADY_CONFIRMED(true),
  SUGGESTION_ALREADY_DISMISSED(true),
  SUGGESTION_NOT_CONFIRMED(true),
  INVALID_TEXT(false),
  MERGE_INTO_ITSELF(false),
  MERGE_ACROSS_CUSTOMERS(false),
  MERGE_ALREADY_MERGED(true),
  MERGE_INTO_MERGED(true),
  MERGE_INTO_CLOSED(true),
  MERGE_OPEN_DIAGNOSIS(true);

  private final boolean conflict;

  Refusal(boolean conflict) {
    this.conflict = conflict;
  }

  /** A 409 rather than a 422. */
  public boolean isConflict() {
    return conflict;
  }

  /** "link-to-recovered": the problem type's last path segment. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
