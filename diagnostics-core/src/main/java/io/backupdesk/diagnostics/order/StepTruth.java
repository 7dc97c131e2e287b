package io.backupdesk.diagnostics.order;

import java.util.Objects;

/**
 * The truth about one step for one group of phones, as the simulator plays it.
 *
 * @param causeWeight how often this step's condition is the case's one real cause, relative to the
 *     other steps' weights and the weight of "none of them"
 * @param fixWorks the chance that the step's fix works when its condition is the cause (at the
 *     Apple-status step: that the outage is recognised); when it fails, nothing later helps and the
 *     case escalates after the last step
 * @param check the agent's minutes to check the step, paid by every case that reaches it
 * @param fix the extra minutes to apply the fix, paid when the step is the cause
 * @param testBackup the minutes of the test backup after the fix
 * @param paidFixShare the share of fixes here that add a charge to the customer's bill
 */
public record StepTruth(
    String stepKey,
    double causeWeight,
    double fixWorks,
    LogNormalMinutes check,
    LogNormalMinutes fix,
    LogNormalMinutes testBackup,
    double paidFixShare) {

  public StepTruth {
    Objects.requireNonNull(stepKey, "stepKey");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(testBackup, "testBackup");
    if (!(causeWeight >= 0) || Double.isInfinite(causeWeight)) {
      throw new IllegalArgumentException(stepKey + ": a cause weight is 0 or more");
    }
    if (!(fixWorks >= 0 && fixWorks <= 1)) {
      throw new IllegalArgumentException(stepKey + ": fix_works is a chance between 0 and 1");
    }
    if (!(paidFixShare >= 0 && paidFixShare <= 1)) {
      throw new IllegalArgumentException(stepKey + ": paid_fix_share is between 0 and 1");
    }
  }
}
