package io.backupdesk.diagnostics.diagnosis;

/**
 * Where a diagnosis stands. Resolved, escalated and waiting on Apple are final; abandoned is a
 * pause that can be resumed.
 */
public enum DiagnosisStatus {
  IN_PROGRESS("In progress"),
  AWAITING_VERIFICATION("Awaiting verification"),
  RESOLVED("Resolved"),
  ESCALATED("Escalated"),
  WAITING_ON_APPLE("Waiting on Apple"),
  ABANDONED("Abandoned");

  private final String label;

  DiagnosisStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isEnded() {
    return this == RESOLVED || this == ESCALATED || this == WAITING_ON_APPLE;
  }
}
