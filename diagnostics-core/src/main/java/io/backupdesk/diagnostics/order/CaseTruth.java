package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ground truth for one group of phones (a family on an iOS major): each step's truth, and the
 * weight of cases that no step can fix. From it follow the exact expected cost of any order and the
 * oracle order, the best allowed order a learner could ever find.
 */
public record CaseTruth(List<StepTruth> steps, double noneWeight) {
  public CaseTruth {
    steps = List.copyOf(steps);
    if (!(noneWeight >= 0) || Double.isInfinite(noneWeight)) {
      throw new IllegalArgumentException("The weight of unfixable cases is 0 or more");
    }
    if (totalWeight(steps, noneWeight) <= 0) {
      throw new IllegalArgumentException("The cause weights add up to nothing");
    }
  }

  public StepTruth step(String stepKey) {
    for (StepTruth step : steps) {
      if (step.stepKey().equals(stepKey)) {
        return step;
      }
    }
    throw new IllegalArgumentException("No truth for step " + stepKey);
  }

  /** The share of cases whose one cause is this step's condition. */
  public double causeShare(String stepKey) {
    return step(stepKey).causeWeight() / totalWeight(steps, noneWeight);
  }

  /** The share of cases no step's condition explains. */
  public double noneShare() {
    return noneWeight / totalWeight(steps, noneWeight);
  }

  /** The share of all cases this step ends: its condition is the cause and its fix works. */
  public double resolveChance(String stepKey) {
    return causeShare(stepKey) * step(stepKey).fixWorks();
  }

  /**
   * The exact expected cost of any order under this truth. Every case that reaches a step pays its
   * check; the case whose cause it is pays the fix and its test backup there, and, when the fix
   * fails, walks on to the escalation: that failed fix is paid whatever the order, so it is a fixed
   * cost.
   */
  public ExpectedCost expectedCost(Playbook playbook, CostWeights weights) {
    Objects.requireNonNull(weights, "weights");
    var figures = new ArrayList<StepFigures>();
    double fixedMinutes = 0;
    double fixedPrice = 0;
    for (PlaybookStep step : playbook.steps()) {
      StepTruth truth = step(step.key());
      boolean hasFix = !step.fixOptions().isEmpty();
      double fixMinutes = hasFix ? truth.fix().mean() + truth.testBackup().mean() : 0;
      double fixPrice = hasFix ? truth.paidFixShare() * weights.paidFixPrice() : 0;
      double risk = weights.riskPrice(step.cost());
      double check = truth.check().mean();
      figures.add(
          new StepFigures(
              step.key(),
              resolveChance(step.key()),
              check,
              check + fixMinutes,
              risk,
              risk + fixPrice));
      double failed = causeShare(step.key()) * (1 - truth.fixWorks());
      fixedMinutes += failed * fixMinutes;
      fixedPrice += failed * fixPrice;
    }
    return new ExpectedCost(figures, fixedMinutes, fixedPrice, weights.escalationMinutes());
  }

  /** The best allowed order under the truth itself, with its forecast. */
  public OrderForecast oracle(Playbook playbook, CostWeights weights) {
    ExpectedCost cost = expectedCost(playbook, weights);
    return cost.forecast(OrderSearch.best(playbook, cost));
  }

  private static double totalWeight(List<StepTruth> steps, double noneWeight) {
    return steps.stream().mapToDouble(StepTruth::causeWeight).sum() + noneWeight;
  }
}
