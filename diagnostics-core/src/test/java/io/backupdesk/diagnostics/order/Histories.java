package io.backupdesk.diagnostics.order;

import static io.backupdesk.diagnostics.order.OrderTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.order.OrderTestData.T0;
import static io.backupdesk.diagnostics.order.OrderTestData.T1;

import io.backupdesk.diagnostics.playbook.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Simulated histories from the default ground truth, and models trained on them. */
final class Histories {
  static final GroundTruth TRUTH = GroundTruth.standard(PLAYBOOK);

  private Histories() {}

  /** {@code cases} customers with phones from {@code phones}, orders chosen by {@code policy}. */
  static List<WalkRecord> simulate(
      int cases,
      OrderSuggestions policy,
      Supplier<Device> phones,
      double leaveChance,
      RandomGenerator random) {
    var simulator = new CaseSimulator(TRUTH, CostWeights.DEFAULT, leaveChance);
    var walks = new ArrayList<WalkRecord>(cases);
    for (int i = 0; i < cases; i++) {
      Device device = phones.get();
      walks.add(simulator.play(device, policy.choose(device, random), T0, random).walk());
    }
    return walks;
  }

  /** The article's order with 10% exploration, customers from the usual mix. */
  static List<WalkRecord> articleHistory(int cases, RandomGenerator random) {
    return simulate(
        cases,
        OrderSuggestions.exploringArticle(PLAYBOOK, 0.1),
        () -> Phones.draw(random),
        0.02,
        random);
  }

  static LearnedModel train(List<WalkRecord> walks, LearningSettings settings) {
    return new StepOrderLearner(PLAYBOOK, settings).train(1, walks, T0, T1, T1);
  }
}
