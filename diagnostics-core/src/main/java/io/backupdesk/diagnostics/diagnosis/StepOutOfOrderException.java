package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.PlaybookStep;

/**
 * An outcome for a step ahead of the current one: steps are walked in the diagnosis's order, never
 * jumped, so that "reached" and "escalated after every step" mean what they say.
 */
public final class StepOutOfOrderException extends RuleViolationException {
  private final String stepKey;
  private final String currentStepKey;
  private final int currentStepNumber;
  private final int currentPosition;

  /** In the article's order, where a step's position is its number. */
  public StepOutOfOrderException(PlaybookStep requested, PlaybookStep current) {
    this(requested, current, current.number());
  }

  public StepOutOfOrderException(
      PlaybookStep requested, PlaybookStep current, int currentPosition) {
    super(
        requested.numberedTitle()
            + " is not due yet: the diagnosis is at "
            + current.numberedTitle()
            + ". Record that step first, or skip it with a reason to move on.");
    this.stepKey = requested.key();
    this.currentStepKey = current.key();
    this.currentStepNumber = current.number();
    this.currentPosition = currentPosition;
  }

  public String stepKey() {
    return stepKey;
  }

  public String currentStepKey() {
    return currentStepKey;
  }

  /** The current step's number in the article. */
  public int currentStepNumber() {
    return currentStepNumber;
  }

  /** Where the current step stands in the diagnosis's order, from 1. */
  public int currentPosition() {
    return currentPosition;
  }
}
