package io.backupdesk.web.order;

import io.backupdesk.diagnostics.order.CaseSimulator;
import io.backupdesk.diagnostics.order.CostWeights;
import io.backupdesk.diagnostics.order.GroundTruth;
import io.backupdesk.diagnostics.order.LearnedModel;
import io.backupdesk.diagnostics.order.LearningSettings;
import io.backupdesk.diagnostics.order.OrderSuggestions;
import io.backupdesk.diagnostics.order.StepOrderLearner;
import io.backupdesk.diagnostics.order.WalkRecord;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.playbook.StepOrder;
import io.quarkus.arc.Arc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * Known models and settings for the web's step-order tests: a model trained on customers simulated
 * from the core's default ground truth (so its learned orders are plausible and not the article's),
 * stored as the newest version, and the settings switched on or off. Tests that switch suggestions
 * on switch them off again: every other test expects the article's order.
 */
public final class StepOrderFixture {
  /**
   * The phone of TestData's default ticket (an iPhone 8 on iOS 16.7): its segment decides the
   * order.
   */
  public static final Device PHONE = new Device("iPhone 8", "16.7");

  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-06-01T00:00:00Z");

  private StepOrderFixture() {}

  /** Trains a model on 4,000 simulated walks and stores it as the newest version. */
  public static LearnedModel storeSimulatedModel() {
    var models = Arc.container().instance(OrderModels.class).get();
    var playbook = Arc.container().instance(Playbooks.class).get().current();
    var truth = GroundTruth.standard(playbook);
    var simulator = new CaseSimulator(truth, CostWeights.DEFAULT, 0.02);
    var policy = OrderSuggestions.exploringArticle(playbook, 0.1);
    var random = new SplittableRandom(7);
    Device[] phones = {PHONE, new Device("iPhone 13", "17.5"), new Device("iPhone 15", "26.1")};
    var walks = new ArrayList<WalkRecord>();
    for (int i = 0; i < 4000; i++) {
      Device phone = phones[i % phones.length];
      walks.add(simulator.play(phone, policy.choose(phone, random), FROM, random).walk());
    }
    LearnedModel model =
        new StepOrderLearner(playbook, LearningSettings.DEFAULT)
            .train(models.nextVersion(), walks, FROM, TO, TO);
    models.store(new StoredModel(model, "test-fixture", null));
    return model;
  }

  /** The learned order the stored model gives the default ticket's phone. */
  public static StepOrder learnedOrder(LearnedModel model) {
    return model.learnedOrder(PHONE);
  }

  /**
   * Switches suggestions on with the given exploration share, or off, as an admin would, with the
   * shipped cost weights.
   */
  public static void suggestions(boolean on, double exploreShare) {
    var settings = Arc.container().instance(OrderSettingsService.class).get();
    var now = settings.current();
    var c = CostWeights.DEFAULT;
    settings.change(
        new SettingsChange(
            on,
            exploreShare,
            c.lowRiskPrice(),
            c.mediumRiskPrice(),
            c.highRiskPrice(),
            c.paidFixPrice(),
            c.escalationMinutes(),
            now.version()),
        "test-admin");
  }
}
