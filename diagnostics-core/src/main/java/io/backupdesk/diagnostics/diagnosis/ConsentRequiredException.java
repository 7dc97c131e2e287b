package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.PlaybookStep;

/**
 * A fix that deletes or resets something of the customer's, or adds a charge to their bill,
 * recorded without their agreement.
 */
public final class ConsentRequiredException extends RuleViolationException {
  private final String stepKey;
  private final String fixOptionKey;

  public ConsentRequiredException(PlaybookStep step, FixOption fix) {
    super(
        "\""
            + fix.label()
            + "\" at "
            + step.numberedTitle()
            + (fix.changesData() && fix.costsMoney()
                ? " deletes or resets something of the customer's and adds a charge to their bill."
                : fix.costsMoney()
                    ? " adds a charge to the customer's bill."
                    : " deletes or resets something of the customer's.")
            + " Ask for their agreement and record that they gave it before recording this fix.");
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
