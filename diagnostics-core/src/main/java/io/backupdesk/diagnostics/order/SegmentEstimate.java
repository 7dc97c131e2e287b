package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a learned model says about one segment: its own counts, each step's estimate (in the
 * article's order), the best allowed order, and the forecasts for the article's and the learned
 * order.
 *
 * @param segment the segment's key ({@link Segment#key()})
 * @param parent the parent segment's key; null for the widest
 * @param walks walks of this segment in the data window
 * @param resolved of those, walks a step ended
 * @param escalated walks handed on
 * @param stopped walks abandoned or still open (censored)
 */
public record SegmentEstimate(
    String segment,
    String label,
    String parent,
    int walks,
    int resolved,
    int escalated,
    int stopped,
    List<StepEstimate> steps,
    StepOrder learnedOrder,
    OrderForecast articleForecast,
    OrderForecast learnedForecast) {

  public SegmentEstimate {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(label, "label");
    steps = List.copyOf(steps);
    Objects.requireNonNull(learnedOrder, "learnedOrder");
    Objects.requireNonNull(articleForecast, "articleForecast");
    Objects.requireNonNull(learnedForecast, "learnedForecast");
  }

  public StepEstimate step(String stepKey) {
    return steps.stream()
        .filter(step -> step.stepKey().equals(stepKey))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No estimate for step " + stepKey));
  }

  /**
   * The expected-cost formula with this segment's figures, priced with {@code weights}; failed
   * fixes are a fixed cost (one fault: the case whose cause is at a step pays that step's failed
   * fix whatever the order).
   */
  public ExpectedCost expectedCost(Playbook playbook, CostWeights weights) {
    return expectedCost(steps, playbook, weights);
  }

  static ExpectedCost expectedCost(
      List<StepEstimate> steps, Playbook playbook, CostWeights weights) {
    var figures = new ArrayList<StepFigures>();
    double fixedMinutes = 0;
    double fixedPrice = 0;
    for (PlaybookStep playbookStep : playbook.steps()) {
      StepEstimate step =
          steps.stream()
              .filter(estimate -> estimate.stepKey().equals(playbookStep.key()))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalArgumentException("No estimate for step " + playbookStep.key()));
      figures.add(step.figures(playbookStep, weights));
      fixedMinutes += step.failedFixMinutes();
      fixedPrice += step.failedFixPrice(weights);
    }
    return new ExpectedCost(figures, fixedMinutes, fixedPrice, weights.escalationMinutes());
  }

  /**
   * The chance that the step ends a case that reaches it in {@code order}, with its interval: its
   * share of all cases divided by the share the steps before it leave open (one fault). This is
   * what the agent reads as "resolves 31% of the cases that reach it".
   */
  public Estimate chanceWhenReached(StepOrder order, String stepKey) {
    int position = order.positionOf(stepKey);
    if (position == 0) {
      throw new IllegalArgumentException("The order " + order + " has no step " + stepKey);
    }
    double open = 1;
    for (int i = 1; i < position; i++) {
      open -= step(order.keyAt(i)).resolveChance().value();
    }
    open = Math.max(open, 1e-12);
    Estimate share = step(stepKey).resolveChance();
    return Estimate.around(
        Math.min(1, share.value() / open),
        Math.min(1, share.low() / open),
        Math.min(1, share.high() / open));
  }
}
