package io.backupdesk.diagnostics.ticket;

/**
 * What a line of a ticket's timeline records. The names are stored as they are (a CHECK constraint
 * of the schema lists them), so a constant is never renamed, only added.
 */
public enum TimelineKind {
  CREATED,
  ASSIGNED,
  PRIORITY_CHANGED,
  STATUS_CHANGED,
  NOTE,
  DIAGNOSIS_STARTED,
  STEP_RECORDED,
  VERIFIED,
  RESOLVED,
  ESCALATED,
  WAITING_ON_APPLE,
  ABANDONED,
  RESUMED,
  REOPENED,
  CLOSED,
  MOVED_ON,
  ORDER_CHANGED,
  CORRECTED,
  DIAGNOSIS_REOPENED,
  /** A fix's test backup still failed: kept apart from VERIFIED so it never reads as success. */
  BACKUP_STILL_FAILING,
  CUSTOMER_RENAMED,
  INCIDENT_LINKED,
  INCIDENT_UNLINKED,
  APPLE_RECOVERED,
  MERGED;

  /** Whether the line tells what a diagnosis did (and so belongs to that diagnosis). */
  public boolean aboutDiagnosis() {
    return switch (this) {
      case DIAGNOSIS_STARTED,
              STEP_RECORDED,
              VERIFIED,
              RESOLVED,
              ESCALATED,
              WAITING_ON_APPLE,
              ABANDONED,
              RESUMED,
              MOVED_ON,
              ORDER_CHANGED,
              CORRECTED,
              DIAGNOSIS_REOPENED,
              BACKUP_STILL_FAILING ->
          true;
      case CREATED,
              ASSIGNED,
              PRIORITY_CHANGED,
              STATUS_CHANGED,
              NOTE,
              REOPENED,
              CLOSED,
              CUSTOMER_RENAMED,
              INCIDENT_LINKED,
              INCIDENT_UNLINKED,
              APPLE_RECOVERED,
              MERGED ->
          false;
    };
  }
}
