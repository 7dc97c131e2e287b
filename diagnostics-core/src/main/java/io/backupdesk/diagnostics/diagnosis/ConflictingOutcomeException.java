package io.backupdesk.diagnostics.diagnosis;

/**
 * A different answer for a step that already has one: recorded outcomes are history and are never
 * overwritten (an identical repeat is accepted and changes nothing).
 */
public final class ConflictingOutcomeException extends DiagnosisException {
  private final String stepKey;
  private final StepResult recorded;

  public ConflictingOutcomeException(String stepKey, StepResult recorded, String message) {
    super(message);
    this.stepKey = stepKey;
    this.recorded = recorded;
  }

  public String stepKey() {
    return stepKey;
  }

  /** What was recorded first, so the screen can show it. */
  public StepResult recorded() {
    return recorded;
  }
}
