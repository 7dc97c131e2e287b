package io.backupdesk.web.order;

import io.backupdesk.diagnostics.order.CostWeights;
import java.time.Instant;
import java.util.Locale;

/**
 * The settings of the learned step order as they stand: whether new diagnoses walk learned orders,
 * the share that explores, and the prices that make a step's cost more than its minutes.
 *
 * @param version changes with every change; a change naming an older one is refused (409)
 */
public record StepOrderSettings(
    boolean suggestionsOn,
    double exploreShare,
    CostWeights costs,
    int version,
    Instant updatedAt,
    String updatedBy) {

  /** The highest exploration share a setting may give: most diagnoses walk the best order. */
  public static final double MAX_EXPLORE_SHARE = 0.5;

  /** The highest price, in minutes, for risk, money or the escalation. */
  public static final double MAX_PRICE = 1000;

  /** The settings as one line for the audit trail. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "suggestions=%s, explore=%.3f, risk low/medium/high=%s/%s/%s, paid fix=%s, escalation=%s",
        suggestionsOn ? "on" : "off",
        exploreShare,
        number(costs.lowRiskPrice()),
        number(costs.mediumRiskPrice()),
        number(costs.highRiskPrice()),
        number(costs.paidFixPrice()),
        number(costs.escalationMinutes()));
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
