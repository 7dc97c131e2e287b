package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.PlaybookStep;

/** An outcome for a step ahead of the current one: steps are walked in order, never jumped. */
public final class StepOutOfOrderException extends RuleViolationException {
  private final String stepKey;
  private final String currentStepKey;
  private final int currentStepNumber;

  public StepOutOfOrderException(PlaybookStep requested, PlaybookStep current) {
    super(
        requested.numberedTitle()
            + " is not due yet: the diagnosis is at "
            + current.numberedTitle()
            + ". Record that step first, or skip it with a reason to move on.");
    this.stepKey = requested.key();
    this.currentStepKey = current.key();
    this.currentStepNumber = current.number();
  }

  public String stepKey() {
    return stepKey;
  }

  public String currentStepKey() {
    return currentStepKey;
  }

  public int currentStepNumber() {
    return currentStepNumber;
  }
}
