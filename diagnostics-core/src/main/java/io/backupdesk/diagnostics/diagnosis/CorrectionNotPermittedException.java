package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.PlaybookStep;

/**
 * A correction by someone who may not make it: an agent correcting a colleague's result, or a
 * result of a diagnosis that has ended. Supervisors may; the message says whom to ask.
 */
public final class CorrectionNotPermittedException extends DiagnosisException {
  private final String stepKey;
  private final int attempt;

  private CorrectionNotPermittedException(PlaybookStep step, int attempt, String message) {
    super(message);
    this.stepKey = step.key();
    this.attempt = attempt;
  }

  static CorrectionNotPermittedException ended(
      PlaybookStep step, int attempt, DiagnosisStatus status) {
    return new CorrectionNotPermittedException(
        step,
        attempt,
        "This diagnosis has ended (\""
            + status.label()
            + "\"), so only a supervisor can correct "
            + step.numberedTitle()
            + " now. Ask a supervisor to make the correction, with your reason.");
  }

  static CorrectionNotPermittedException notOwn(PlaybookStep step, StepResult result) {
    return new CorrectionNotPermittedException(
        step,
        result.attempt(),
        step.numberedTitle()
            + " was recorded by "
            + result.recordedBy()
            + (result.verifiedBy() == null || result.verifiedBy().equals(result.recordedBy())
                ? ""
                : " (test backup answered by " + result.verifiedBy() + ")")
            + ": only they or a supervisor can correct it. Ask one of them.");
  }

  public String stepKey() {
    return stepKey;
  }

  public int attempt() {
    return attempt;
  }
}
