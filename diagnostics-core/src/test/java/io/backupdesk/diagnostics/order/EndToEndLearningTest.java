package io.backupdesk.diagnostics.order;

import static io.backupdesk.diagnostics.order.OrderTestData.ARTICLE;
import static io.backupdesk.diagnostics.order.OrderTestData.PLAYBOOK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Learning from simulated history, end to end: the default truth, the article's order with 10%
 * exploration and some customers leaving mid-walk, then the learned orders judged against the
 * truth's own best orders. Not timed: the benchmark measures speed.
 */
class EndToEndLearningTest {
  private static final CostWeights WEIGHTS = CostWeights.DEFAULT;
  private static final GroundTruth TRUTH = Histories.TRUTH;

  @Test
  void withEnoughHistoryTheLearnedOrdersAreAlmostTheOraclesAndTheLiveEstimateFindsTheGain() {
    var random = new SplittableRandom(41);
    LearnedModel model =
        Histories.train(Histories.articleHistory(20_000, random), LearningSettings.DEFAULT);

    double article = 0;
    double learned = 0;
    double oracle = 0;
    double articleMinutes = 0;
    double learnedMinutes = 0;
    for (Phones.Share share : Phones.MIX) {
      Device device = share.device();
      ExpectedCost exact = TRUTH.forDevice(device).expectedCost(PLAYBOOK, WEIGHTS);
      assertThat(model.learnedOrder(device).violations(PLAYBOOK)).isEmpty();
      article += share.weight() * exact.forecast(ARTICLE).expectedCost();
      learned += share.weight() * exact.forecast(model.learnedOrder(device)).expectedCost();
      oracle += share.weight() * TRUTH.oracle(device, WEIGHTS).expectedCost();
      articleMinutes += share.weight() * exact.forecast(ARTICLE).expectedMinutes();
      learnedMinutes +=
          share.weight() * exact.forecast(model.learnedOrder(device)).expectedMinutes();
    }
    assertThat(learned / oracle - 1).as("regret against the oracle").isLessThan(0.005);
    assertThat(1 - oracle / article)
        .as("the article's distance from the oracle")
        .isGreaterThan(0.03);

    // Live: the learned orders with 10% exploration (the article among the explored orders).
    // Nobody leaves here: the estimate assumes leaving does not depend on the order.
    List<WalkRecord> live =
        Histories.simulate(
            30_000,
            OrderSuggestions.learned(PLAYBOOK, model, 0.1),
            () -> Phones.draw(random),
            0,
            random);
    PolicyComparison comparison =
        OffPolicyEvaluation.withDefaults(WEIGHTS)
            .compare(
                live, TargetPolicy.article(PLAYBOOK), TargetPolicy.learned(model), random.split());
    double trueGain = (articleMinutes - learnedMinutes) / Phones.totalWeight();
    assertThat(comparison.baseline().matched()).isBetween(200, 550);
    assertThat(comparison.minutesSaved().value())
        .isCloseTo(trueGain, within(2 * comparison.minutesSaved().width()));
    assertThat(comparison.candidate().minutes().value())
        .isCloseTo(
            learnedMinutes / Phones.totalWeight(),
            within(2 * comparison.candidate().minutes().width()));
  }

  @Test
  void aNewModelWithTwentyCasesStaysNearItsParentAndThatBeatsChasingItsNoise() {
    Device familiar = new Device("iPhone 15", "26.1");
    Device newcomer = new Device("iPhone 16e", "26.3");
    ExpectedCost exact = TRUTH.forDevice(newcomer).expectedCost(PLAYBOOK, WEIGHTS);
    double oracle = TRUTH.oracle(newcomer, WEIGHTS).expectedCost();
    List<WalkRecord> history =
        Histories.simulate(
            3000,
            OrderSuggestions.exploringArticle(PLAYBOOK, 0.1),
            () -> familiar,
            0.02,
            new SplittableRandom(42));
    var seeds = new SplittableRandom(43);
    double shrunkRegret = 0;
    double rawRegret = 0;
    int runs = 12;
    for (int run = 0; run < runs; run++) {
      var walks = new ArrayList<>(history);
      List<WalkRecord> twenty =
          Histories.simulate(
              20,
              OrderSuggestions.exploringArticle(PLAYBOOK, 0.1),
              () -> newcomer,
              0,
              seeds.split());
      walks.addAll(twenty);
      LearnedModel model = Histories.train(walks, LearningSettings.DEFAULT);
      SegmentEstimate own = model.segmentFor(newcomer);
      SegmentEstimate parent = model.segment(own.parent()).orElseThrow();
      assertThat(own.segment()).isEqualTo("face-id/ios-26/iPhone 16e");
      assertThat(own.walks()).isEqualTo(20);
      // Uncensored walks: each share is the parent's counted as 50 cases plus the 20 of its own.
      for (PlaybookStep step : PLAYBOOK.steps()) {
        double parentShare = parent.step(step.key()).resolveChance().value();
        long resolvedHere =
            twenty.stream().filter(walk -> walk.resolvedAt().orElse("").equals(step.key())).count();
        assertThat(own.step(step.key()).resolveChance().value())
            .isCloseTo((50 * parentShare + resolvedHere) / 70, within(1e-6));
      }
      LearnedModel raw =
          Histories.train(walks, LearningSettings.DEFAULT.withSegmentPriorStrength(0.01));
      shrunkRegret += exact.forecast(model.learnedOrder(newcomer)).expectedCost() / oracle - 1;
      rawRegret += exact.forecast(raw.learnedOrder(newcomer)).expectedCost() / oracle - 1;
    }
    assertThat(shrunkRegret / runs).isLessThan(0.01);
    assertThat(shrunkRegret).isLessThan(rawRegret / 2);
  }
}
