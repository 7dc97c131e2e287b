package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Plays one customer under a given order from the ground truth: draws the case's one cause (or
 * none) and whether its fix works, then walks the order. Every step reached costs its check; the
 * cause's step also costs its fix and test backup, and ends the case when the fix works (an outage
 * ends it at the Apple-status step, with no fix). A wrong step's fix is never tried, so it never
 * works by accident. When no step ends the case it is escalated after the last one. Before each
 * step the customer may leave ({@code leaveChancePerStep}), which stops the walk: the censoring
 * real histories have.
 */
public final class CaseSimulator {
  private final Set<String> stepsWithFixes = new HashSet<>();
  private final GroundTruth truth;
  private final CostWeights weights;
  private final double leaveChancePerStep;

  /** {@code weights} price the oracle order that comes with each case. */
  public CaseSimulator(GroundTruth truth, CostWeights weights, double leaveChancePerStep) {
    this.truth = Objects.requireNonNull(truth, "truth");
    this.weights = Objects.requireNonNull(weights, "weights");
    for (PlaybookStep step : truth.playbook().steps()) {
      if (!step.fixOptions().isEmpty()) {
        stepsWithFixes.add(step.key());
      }
    }
    if (!(leaveChancePerStep >= 0 && leaveChancePerStep < 1)) {
      throw new IllegalArgumentException("The chance to leave at a step is in [0, 1)");
    }
    this.leaveChancePerStep = leaveChancePerStep;
  }

  public SimulatedCase play(
      Device device, OrderChoice choice, Instant startedAt, RandomGenerator random) {
    Objects.requireNonNull(choice, "choice");
    CaseTruth caseTruth = truth.forDevice(device);
    OrderForecast oracle = truth.oracle(device, weights);
    String cause = drawCause(caseTruth, random);
    StepTruth causeTruth = cause == null ? null : caseTruth.step(cause);
    boolean works = causeTruth != null && random.nextDouble() < causeTruth.fixWorks();
    var steps = new ArrayList<WalkStep>();
    for (String key : choice.order().stepKeys()) {
      if (leaveChancePerStep > 0 && random.nextDouble() < leaveChancePerStep) {
        return new SimulatedCase(
            new WalkRecord(device, startedAt, choice, steps, WalkEnding.STOPPED),
            cause,
            works,
            oracle);
      }
      StepTruth step = caseTruth.step(key);
      double minutes = step.check().draw(random);
      if (!key.equals(cause)) {
        steps.add(new WalkStep(key, TrialOutcome.NOT_RESOLVED, minutes, 0, false, false));
        continue;
      }
      boolean hasFix = stepsWithFixes.contains(key);
      double testBackup = 0;
      boolean paid = false;
      if (hasFix) {
        minutes += step.fix().draw(random);
        testBackup = step.testBackup().draw(random);
        paid = random.nextDouble() < step.paidFixShare();
      }
      TrialOutcome outcome = works ? TrialOutcome.RESOLVED : TrialOutcome.NOT_RESOLVED;
      steps.add(new WalkStep(key, outcome, minutes, testBackup, hasFix, paid));
      if (works) {
        return new SimulatedCase(
            new WalkRecord(device, startedAt, choice, steps, WalkEnding.RESOLVED),
            cause,
            true,
            oracle);
      }
    }
    return new SimulatedCase(
        new WalkRecord(device, startedAt, choice, steps, WalkEnding.ESCALATED),
        cause,
        works,
        oracle);
  }

  private static String drawCause(CaseTruth truth, RandomGenerator random) {
    List<StepTruth> steps = truth.steps();
    double total = truth.noneWeight();
    for (StepTruth step : steps) {
      total += step.causeWeight();
    }
    double u = random.nextDouble() * total;
    for (StepTruth step : steps) {
      u -= step.causeWeight();
      if (u < 0) {
        return step.stepKey();
      }
    }
    return null;
  }
}
