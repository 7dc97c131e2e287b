package io.backupdesk.diagnostics.order;

import static io.backupdesk.diagnostics.order.OrderTestData.ARTICLE;
import static io.backupdesk.diagnostics.order.OrderTestData.IPHONE_15;
import static io.backupdesk.diagnostics.order.OrderTestData.IPHONE_8;
import static io.backupdesk.diagnostics.order.OrderTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.order.OrderTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.OrderPolicy;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Two phones, equally common, and two orders. The logging policy gives the iPhone 8 the article's
 * order 90% of the time and the iPhone 15 only 10%. True minutes per case: article order 10 (iPhone
 * 8) and 30 (iPhone 15), so 20 on average; the other order 12 and 20, so 16. Resolution: 0.9 and
 * 0.6 (0.75) against 0.8 and 0.9 (0.85). The walks that followed the article's order are mostly
 * iPhone 8s, so their plain mean is about 12: only the weights recover 20.
 */
class OffPolicyEvaluationTest {
  private static final StepOrder OTHER =
      StepOrder.of(
          "storage",
          "backup-switch",
          "wifi",
          "power",
          "apple-status",
          "restart",
          "ios-update",
          "account-verification",
          "reset-settings");
  private static final TargetPolicy ALWAYS_OTHER = (device, order) -> OTHER.equals(order) ? 1 : 0;
  private final OffPolicyEvaluation evaluation = new OffPolicyEvaluation(0, 1000);

  @Test
  void weightsRecoverTheTargetsValueWhereAPlainMeanWouldNot() {
    List<WalkRecord> log = log(4000, new SplittableRandom(31));
    PolicyComparison comparison =
        evaluation.compare(
            log, TargetPolicy.article(PLAYBOOK), ALWAYS_OTHER, new SplittableRandom(32));

    PolicyValue article = comparison.baseline();
    // A single 95% interval misses the truth one time in twenty (the next test counts how
    // often); here the estimate must be near the truth and far from the plain mean.
    assertNear(article.minutes(), 20);
    assertThat(article.minutes().contains(12)).isFalse();
    assertNear(article.resolutionRate(), 0.75);
    assertThat(article.logged()).isEqualTo(4000);
    assertThat(article.matched()).isBetween(1800, 2200);
    assertThat(article.effectiveSampleSize()).isLessThan(article.matched());

    PolicyValue other = comparison.candidate();
    assertNear(other.minutes(), 16);
    assertNear(other.resolutionRate(), 0.85);
    assertNear(comparison.minutesSaved(), 4);
    assertThat(comparison.minutesSaved().low()).isGreaterThan(0);

    double plainMean =
        log.stream()
            .filter(walk -> walk.choice().order().equals(ARTICLE))
            .mapToDouble(walk -> walk.minutesToEnd(0))
            .average()
            .orElseThrow();
    assertThat(plainMean).isCloseTo(12, within(1.0));
  }

  @Test
  void theIntervalCoversTheTruthAboutNineteenTimesInTwenty() {
    var seeds = new SplittableRandom(33);
    int covered = 0;
    int runs = 60;
    var quick = new OffPolicyEvaluation(0, 400);
    for (int run = 0; run < runs; run++) {
      PolicyComparison comparison =
          quick.compare(
              log(600, seeds.split()), TargetPolicy.article(PLAYBOOK), ALWAYS_OTHER, seeds.split());
      covered += comparison.minutesSaved().contains(4) ? 1 : 0;
    }
    assertThat(covered).isGreaterThanOrEqualTo(52);
  }

  @Test
  void anOrderNeverWalkedHasNoSupportAndAbandonedWalksAreLeftOut() {
    List<WalkRecord> log = new ArrayList<>(log(200, new SplittableRandom(34)));
    log.add(
        new WalkRecord(
            IPHONE_8,
            T0,
            OrderChoice.article(PLAYBOOK),
            List.of(new WalkStep("backup-switch", TrialOutcome.NOT_RESOLVED, 5, 0, false, false)),
            WalkEnding.STOPPED));
    StepOrder never =
        StepOrder.of(PLAYBOOK.steps().stream().map(s -> s.key()).sorted().toArray(String[]::new));
    PolicyComparison comparison =
        evaluation.compare(
            log,
            TargetPolicy.article(PLAYBOOK),
            (device, order) -> never.equals(order) ? 1 : 0,
            new SplittableRandom(35));

    assertThat(comparison.baseline().logged()).isEqualTo(200);
    assertThat(comparison.candidate().supported()).isFalse();
    assertThat(comparison.candidate().matched()).isZero();
    assertThat(comparison.minutesSaved()).isNull();
  }

  @Test
  void theSameSeedGivesTheSameInterval() {
    List<WalkRecord> log = log(500, new SplittableRandom(36));
    PolicyValue first = evaluation.estimate(log, ALWAYS_OTHER, new SplittableRandom(37));
    PolicyValue second = evaluation.estimate(log, ALWAYS_OTHER, new SplittableRandom(37));
    assertThat(first).isEqualTo(second);
  }

  /** Within two interval widths (about eight standard errors) of the truth. */
  private static void assertNear(Estimate estimate, double truth) {
    assertThat(estimate.value()).isCloseTo(truth, within(2 * estimate.width()));
  }

  private static List<WalkRecord> log(int walks, SplittableRandom random) {
    var log = new ArrayList<WalkRecord>(walks);
    for (int i = 0; i < walks; i++) {
      boolean old = random.nextBoolean();
      Device device = old ? IPHONE_8 : IPHONE_15;
      double articleChance = old ? 0.9 : 0.1;
      boolean article = random.nextDouble() < articleChance;
      OrderChoice choice =
          article
              ? new OrderChoice(ARTICLE, OrderPolicy.EXPLORE, 1, articleChance)
              : new OrderChoice(OTHER, OrderPolicy.LEARNED, 1, 1 - articleChance);
      double minutes = (article ? (old ? 10 : 30) : (old ? 12 : 20)) * (0.5 + random.nextDouble());
      double resolveChance = article ? (old ? 0.9 : 0.6) : (old ? 0.8 : 0.9);
      boolean resolved = random.nextDouble() < resolveChance;
      WalkStep step =
          resolved
              ? new WalkStep("backup-switch", TrialOutcome.RESOLVED, minutes, 0, true, false)
              : new WalkStep("backup-switch", TrialOutcome.NOT_RESOLVED, minutes, 0, false, false);
      log.add(
          new WalkRecord(
              device,
              T0,
              choice,
              List.of(step),
              resolved ? WalkEnding.RESOLVED : WalkEnding.ESCALATED));
    }
    return log;
  }
}
