package io.backupdesk.diagnostics.order;

/**
 * What the off-policy estimate says a policy would achieve per case, from logged walks.
 *
 * @param minutes mean minutes until the case is resolved or escalated, with a 95% bootstrap
 *     interval; null when no logged walk followed an order the policy would choose
 * @param resolutionRate share of cases resolved, likewise
 * @param logged ended walks in the log (abandoned and open walks are left out)
 * @param matched logged walks whose order the policy would also choose (weight above 0)
 * @param effectiveSampleSize {@code (sum w)^2 / sum w^2}: how many equally weighted walks the
 *     estimate is worth
 */
public record PolicyValue(
    Estimate minutes,
    Estimate resolutionRate,
    int logged,
    int matched,
    double effectiveSampleSize) {

  /** Whether the log supports an estimate at all. */
  public boolean supported() {
    return minutes != null;
  }
}
