package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.PlaybookStep;

/** A skipped step without a reason: the funnel report needs to know why steps are skipped. */
public final class SkipReasonRequiredException extends RuleViolationException {
  private final String stepKey;

  public SkipReasonRequiredException(PlaybookStep step) {
    super(
        "Say why "
            + step.numberedTitle()
            + " is skipped (for example: the customer does not know the password). A skip needs"
            + " a reason.");
    this.stepKey = step.key();
  }

  public String stepKey() {
    return stepKey;
  }
}
