package io.backupdesk.diagnostics.order;

import java.util.Objects;

/**
 * One step as the expected-cost formula sees it: the share of all cases it ends (under one fault,
 * whatever the order), and what walking it costs when it does not end the case and when it does.
 * Costs are split into minutes and a price (risk and money, in minutes-equivalents) so that a
 * forecast can report time on its own.
 *
 * @param resolveChance unconditional probability that this step ends a case: its cause is here and
 *     the fix works (or, at the Apple-status step, an outage is found)
 * @param minutesIfNotResolved expected minutes of a walk through the step that does not end there,
 *     including the test backup after a fix that did not help
 * @param minutesIfResolved expected minutes of the walk through the step that ends there, including
 *     the test backup that proves the fix
 * @param priceIfNotResolved risk and money price of a walk through the step that does not end there
 * @param priceIfResolved risk and money price of the walk through the step that ends there
 */
public record StepFigures(
    String stepKey,
    double resolveChance,
    double minutesIfNotResolved,
    double minutesIfResolved,
    double priceIfNotResolved,
    double priceIfResolved) {

  public StepFigures {
    Objects.requireNonNull(stepKey, "stepKey");
    if (!(resolveChance >= 0 && resolveChance <= 1)) {
      throw new IllegalArgumentException(
          "Step " + stepKey + ": a resolve chance is between 0 and 1, not " + resolveChance);
    }
    requireCost(minutesIfNotResolved, "minutesIfNotResolved");
    requireCost(minutesIfResolved, "minutesIfResolved");
    requireCost(priceIfNotResolved, "priceIfNotResolved");
    requireCost(priceIfResolved, "priceIfResolved");
  }

  /** Minutes only, no prices. */
  public static StepFigures minutes(
      String stepKey, double resolveChance, double ifNotResolved, double ifResolved) {
    return new StepFigures(stepKey, resolveChance, ifNotResolved, ifResolved, 0, 0);
  }

  /** What the search weighs for every case that reaches the step: minutes plus price. */
  double walkCost() {
    return minutesIfNotResolved + priceIfNotResolved;
  }

  private void requireCost(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "Step " + stepKey + ": " + name + " must be 0 or more, not " + value);
    }
  }
}
