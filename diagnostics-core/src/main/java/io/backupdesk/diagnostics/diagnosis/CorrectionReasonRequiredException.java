package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.PlaybookStep;

/** A correction without a reason: the history must say why a recorded result was changed. */
public final class CorrectionReasonRequiredException extends RuleViolationException {
  private final String stepKey;

  public CorrectionReasonRequiredException(PlaybookStep step) {
    super(
        "Say why the result of "
            + step.numberedTitle()
            + " is corrected (for example: clicked the wrong fix). The reason is kept next to the"
            + " original in the diagnosis's history.");
    this.stepKey = step.key();
  }

  public String stepKey() {
    return stepKey;
  }
}
