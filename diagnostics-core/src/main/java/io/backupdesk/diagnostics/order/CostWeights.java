package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.Cost;
import java.util.Objects;

/**
 * The prices, in minutes of agent time, that make a step's cost more than its minutes: a price for
 * the risk a step puts on the customer's phone (by the step's {@link Cost} level, paid whenever the
 * step is walked), a price for a fix that adds a charge to the customer's bill, and the minutes an
 * escalation costs when no step resolves the case. Prices are a supervisor's judgement, so they are
 * configuration; the web turns its configuration into this value.
 *
 * @param lowRiskPrice added for walking a step of cost {@link Cost#LOW}
 * @param mediumRiskPrice added for walking a step of cost {@link Cost#MEDIUM}
 * @param highRiskPrice added for walking a step of cost {@link Cost#HIGH}
 * @param paidFixPrice added each time a fix that costs the customer money is applied
 * @param escalationMinutes the hand-over after the last step when nothing resolved the case
 */
public record CostWeights(
    double lowRiskPrice,
    double mediumRiskPrice,
    double highRiskPrice,
    double paidFixPrice,
    double escalationMinutes) {

  /**
   * Modest prices: a risky step is worth a few minutes more to avoid, a paid fix ten, and an
   * escalation takes ten minutes of the agent's time.
   */
  public static final CostWeights DEFAULT = new CostWeights(0, 1, 3, 10, 10);

  /** Time only: no prices for risk or money (escalation still costs its minutes). */
  public static CostWeights minutesOnly(double escalationMinutes) {
    return new CostWeights(0, 0, 0, 0, escalationMinutes);
  }

  public CostWeights {
    requireNonNegative(lowRiskPrice, "lowRiskPrice");
    requireNonNegative(mediumRiskPrice, "mediumRiskPrice");
    requireNonNegative(highRiskPrice, "highRiskPrice");
    requireNonNegative(paidFixPrice, "paidFixPrice");
    requireNonNegative(escalationMinutes, "escalationMinutes");
  }

  /** The price for walking a step of this cost level. */
  public double riskPrice(Cost cost) {
    return switch (Objects.requireNonNull(cost, "cost")) {
      case LOW -> lowRiskPrice;
      case MEDIUM -> mediumRiskPrice;
      case HIGH -> highRiskPrice;
    };
  }

  private static void requireNonNegative(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "Cost weight " + name + " must be 0 or more, not " + value);
    }
  }
}
