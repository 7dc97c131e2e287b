package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.PlaybookStep;

/** An outcome the step cannot have: an outage where none is checked, a fix where none exists. */
public final class OutcomeNotAllowedException extends RuleViolationException {
  private final String stepKey;
  private final StepOutcome outcome;

  public OutcomeNotAllowedException(PlaybookStep step, StepOutcome outcome) {
    super(message(step, outcome));
    this.stepKey = step.key();
    this.outcome = outcome;
  }

  private static String message(PlaybookStep step, StepOutcome outcome) {
    return switch (outcome) {
      case OUTAGE ->
          step.numberedTitle()
              + " does not check Apple's service, so it cannot find an outage. Choose another"
              + " outcome.";
      case FIXED ->
          step.numberedTitle()
              + " has nothing to fix on the customer's side. Record what the check found instead.";
      default -> step.numberedTitle() + " cannot be recorded as " + outcome.label() + ".";
    };
  }

  public String stepKey() {
    return stepKey;
  }

  public StepOutcome outcome() {
    return outcome;
  }
}
