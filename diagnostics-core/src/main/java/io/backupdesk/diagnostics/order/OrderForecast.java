package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.Objects;

/**
 * What walking an order costs on average per case, until the case is resolved or escalated after
 * the last step.
 *
 * @param expectedSteps steps walked, the one that resolves included
 * @param expectedMinutes agent minutes, test backups and the escalation hand-over included
 * @param expectedCost minutes plus the prices for risk and money: what the best order minimises
 * @param resolutionChance share of cases some step ends (the rest escalate after every step)
 */
public record OrderForecast(
    StepOrder order,
    double expectedSteps,
    double expectedMinutes,
    double expectedCost,
    double resolutionChance) {

  public OrderForecast {
    Objects.requireNonNull(order, "order");
  }
}
