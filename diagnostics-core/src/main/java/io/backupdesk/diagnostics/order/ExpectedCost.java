package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The expected cost of walking the steps in a given order, under one fault per case. With {@code p}
 * the share of cases a step ends and {@code R_k = 1 - sum_{j<k} p(s_j)} the share that reaches
 * position {@code k}, a case pays {@code c} for every step it walks without ending there and {@code
 * d} for the step that ends it:
 *
 * <pre>
 *   E(s) = sum_k R_k * c(s_k)  +  sum_i p_i * (d_i - c_i)  +  (1 - sum_i p_i) * escalation  +  fixed
 * </pre>
 *
 * Only the first sum depends on the order: it is the classic expected cost of repair {@code
 * ECR(s)}, which {@link OrderSearch} minimises. The second sum is the extra a resolving walk costs
 * (the fix and its test backup), paid once per resolved case whatever the order; the escalation is
 * paid by the cases no step ends, after all of them; {@code fixed} holds any other
 * order-independent cost (the ground truth puts the failed fix at the right step there).
 */
public final class ExpectedCost {
  private final List<StepFigures> steps;
  private final Map<String, StepFigures> byKey;
  private final double fixedMinutes;
  private final double fixedPrice;
  private final double escalationMinutes;
  private final double resolutionChance;

  public ExpectedCost(
      List<StepFigures> steps, double fixedMinutes, double fixedPrice, double escalationMinutes) {
    this.steps = List.copyOf(steps);
    if (this.steps.isEmpty()) {
      throw new IllegalArgumentException("An expected cost needs at least one step");
    }
    Map<String, StepFigures> index = new HashMap<>();
    double total = 0;
    for (StepFigures step : this.steps) {
      if (index.put(step.stepKey(), step) != null) {
        throw new IllegalArgumentException("Step " + step.stepKey() + " is given twice");
      }
      total += step.resolveChance();
    }
    if (total > 1 + 1e-9) {
      throw new IllegalArgumentException(
          "Under one fault the steps' resolve chances add up to at most 1, not " + total);
    }
    for (double value : new double[] {fixedMinutes, fixedPrice, escalationMinutes}) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("Fixed costs and escalation are 0 or more");
      }
    }
    this.byKey = Map.copyOf(index);
    this.fixedMinutes = fixedMinutes;
    this.fixedPrice = fixedPrice;
    this.escalationMinutes = escalationMinutes;
    this.resolutionChance = Math.min(1, total);
  }

  /** Steps and escalation only, no other fixed cost. */
  public static ExpectedCost of(List<StepFigures> steps, double escalationMinutes) {
    return new ExpectedCost(steps, 0, 0, escalationMinutes);
  }

  public List<StepFigures> steps() {
    return steps;
  }

  public StepFigures step(String stepKey) {
    StepFigures step = byKey.get(stepKey);
    if (step == null) {
      throw new IllegalArgumentException("No figures for step " + stepKey);
    }
    return step;
  }

  /** Share of cases some step ends; the same in every order under one fault. */
  public double resolutionChance() {
    return resolutionChance;
  }

  /** Expected steps, minutes and cost of walking {@code order}, which names every step once. */
  public OrderForecast forecast(StepOrder order) {
    Objects.requireNonNull(order, "order");
    if (order.size() != steps.size()
        || order.stepKeys().stream().distinct().count() != steps.size()) {
      throw new IllegalArgumentException(
          "The order " + order + " does not name each of the " + steps.size() + " steps once");
    }
    double reach = 1;
    double expectedSteps = 0;
    double minutes = 0;
    double cost = 0;
    for (String key : order.stepKeys()) {
      StepFigures step = step(key);
      double p = step.resolveChance();
      expectedSteps += reach;
      minutes += reach * step.minutesIfNotResolved();
      minutes += p * (step.minutesIfResolved() - step.minutesIfNotResolved());
      cost += reach * step.walkCost();
      cost += p * (step.minutesIfResolved() + step.priceIfResolved() - step.walkCost());
      reach = Math.max(0, reach - p);
    }
    double escalated = 1 - resolutionChance;
    minutes += escalated * escalationMinutes + fixedMinutes;
    cost += escalated * escalationMinutes + fixedMinutes + fixedPrice;
    return new OrderForecast(order, expectedSteps, minutes, cost, resolutionChance);
  }
}
