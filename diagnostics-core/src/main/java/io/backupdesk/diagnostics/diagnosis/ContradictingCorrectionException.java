package io.backupdesk.diagnostics.diagnosis;

/**
 * A correction the rest of the record contradicts: a result in the middle of the walk changed into
 * one that would have stopped it, a withdrawal that is not of the latest result, or an agent's
 * escalation turned into a resolution. The message says which results to correct first.
 */
public final class ContradictingCorrectionException extends DiagnosisException {
  private final String stepKey;
  private final int attempt;

  public ContradictingCorrectionException(String stepKey, int attempt, String message) {
    super(message);
    this.stepKey = stepKey;
    this.attempt = attempt;
  }

  public String stepKey() {
    return stepKey;
  }

  public int attempt() {
    return attempt;
  }
}
