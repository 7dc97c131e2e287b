package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.PlaybookStep;

/** A fix that deletes or resets something of the customer's, recorded without their agreement. */
public final class ConsentRequiredException extends RuleViolationException {
  private final String stepKey;
  private final String fixOptionKey;

  public ConsentRequiredException(PlaybookStep step, FixOption fix) {
    super(
        "\""
            + fix.label()
            + "\" at "
            + step.numberedTitle()
            + " deletes or resets something of the customer's. Ask for their agreement and"
            + " record that they gave it before recording this fix.");
    this.stepKey = step.key();
    this.fixOptionKey = fix.key();
  }

  public String stepKey() {
    return stepKey;
  }

  public String fixOptionKey() {
    return fixOptionKey;
  }
}
