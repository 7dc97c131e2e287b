package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.util.Objects;

/**
 * What a segment's cases say about one step: the share of all cases it ends (with its 95% credible
 * interval) and the share whose cause is here but whose fix fails, how often it was tried in this
 * segment's own data, and its typical minutes and shares of paid fixes, each shrunk toward the
 * parent segment.
 *
 * @param resolveChance unconditional share of the segment's cases this step ends, whatever the
 *     order; the chance at a position in an order follows from it ({@link
 *     SegmentEstimate#chanceWhenReached})
 * @param failedFixChance unconditional share of cases whose cause is here but whose fix fails its
 *     test backup: they pay the fix whatever the order and escalate after the last step
 * @param trials times the step was done in this segment's own walks
 * @param resolutions of those, times it ended the case
 * @param failedFixes of those, times a fix was applied and its test backup still failed
 * @param checkMinutes typical minutes of the step when nothing is fixed there
 * @param minutesIfResolved typical minutes when it ends the case: check, fix and test backup
 * @param minutesIfFixFails typical minutes when its fix fails: check, fix and test backup
 */
public record StepEstimate(
    String stepKey,
    Estimate resolveChance,
    double failedFixChance,
    int trials,
    int resolutions,
    int failedFixes,
    double checkMinutes,
    double minutesIfResolved,
    double minutesIfFixFails,
    double paidFixShareIfResolved,
    double paidFixShareIfFixFails) {

  public StepEstimate {
    Objects.requireNonNull(stepKey, "stepKey");
    Objects.requireNonNull(resolveChance, "resolveChance");
  }

  /** The step as the expected-cost formula sees it, priced with {@code weights}. */
  public StepFigures figures(PlaybookStep step, CostWeights weights) {
    if (!step.key().equals(stepKey)) {
      throw new IllegalArgumentException("Figures of " + stepKey + " asked for " + step.key());
    }
    double risk = weights.riskPrice(step.cost());
    return new StepFigures(
        stepKey,
        resolveChance.value(),
        checkMinutes,
        minutesIfResolved,
        risk,
        risk + paidFixShareIfResolved * weights.paidFixPrice());
  }

  /** What the failed fixes here add per case, in minutes, whatever the order. */
  double failedFixMinutes() {
    return failedFixChance * Math.max(0, minutesIfFixFails - checkMinutes);
  }

  /** What the failed fixes here add per case in money, whatever the order. */
  double failedFixPrice(CostWeights weights) {
    return failedFixChance * paidFixShareIfFixFails * weights.paidFixPrice();
  }
}
