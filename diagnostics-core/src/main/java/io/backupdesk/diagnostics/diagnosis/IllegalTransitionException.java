package io.backupdesk.diagnostics.diagnosis;

/**
 * A command that the diagnosis's current status does not allow, such as an outcome after it ended.
 */
public final class IllegalTransitionException extends DiagnosisException {
  private final DiagnosisStatus currentStatus;

  public IllegalTransitionException(DiagnosisStatus currentStatus, String message) {
    super(message);
    this.currentStatus = currentStatus;
  }

  public DiagnosisStatus currentStatus() {
    return currentStatus;
  }
}
