package io.backupdesk.diagnostics.order;

import static io.backupdesk.diagnostics.order.OrderTestData.ARTICLE;
import static io.backupdesk.diagnostics.order.OrderTestData.IPHONE_8;
import static io.backupdesk.diagnostics.order.OrderTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.order.OrderTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.OrderPolicy;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CaseSimulatorTest {
  private static final int CASES = 40_000;
  private final GroundTruth truth = Histories.TRUTH;
  private final CaseTruth iphone8 = truth.forDevice(IPHONE_8);

  @Test
  void causesAndFixesOccurAsOftenAsTheTruthSays() {
    var simulator = new CaseSimulator(truth, CostWeights.DEFAULT, 0);
    var random = new SplittableRandom(21);
    Map<String, Integer> causes = new HashMap<>();
    Map<String, Integer> worked = new HashMap<>();
    for (int i = 0; i < CASES; i++) {
      SimulatedCase played = simulator.play(IPHONE_8, OrderChoice.article(PLAYBOOK), T0, random);
      if (i == 0) {
        assertThat(played.oracle()).isEqualTo(iphone8.oracle(PLAYBOOK, CostWeights.DEFAULT));
        assertThat(played.oracle().order().violations(PLAYBOOK)).isEmpty();
      }
      String cause = played.cause() == null ? "none" : played.cause();
      causes.merge(cause, 1, Integer::sum);
      if (played.fixWorks()) {
        worked.merge(cause, 1, Integer::sum);
        assertThat(played.walk().resolvedAt()).contains(played.cause());
      } else {
        assertThat(played.walk().ending()).isEqualTo(WalkEnding.ESCALATED);
        assertThat(played.walk().steps()).hasSize(PLAYBOOK.size());
      }
    }
    for (PlaybookStep step : PLAYBOOK.steps()) {
      double share = iphone8.causeShare(step.key());
      assertThat(causes.getOrDefault(step.key(), 0) / (double) CASES)
          .as("cause share of %s", step.key())
          .isCloseTo(share, within(4 * Math.sqrt(share * (1 - share) / CASES)));
    }
    int storage = causes.get("storage");
    double works = iphone8.step("storage").fixWorks();
    assertThat(worked.get("storage") / (double) storage)
        .isCloseTo(works, within(4 * Math.sqrt(works * (1 - works) / storage)));
    assertThat(causes.get("none") / (double) CASES)
        .isCloseTo(iphone8.noneShare(), within(4 * Math.sqrt(iphone8.noneShare() / CASES)));
  }

  @Test
  void durationsFollowTheirLognormals() {
    var simulator = new CaseSimulator(truth, CostWeights.DEFAULT, 0);
    var random = new SplittableRandom(22);
    double sum = 0;
    double sumSquares = 0;
    int checks = 0;
    double backups = 0;
    int fixes = 0;
    for (int i = 0; i < CASES / 4; i++) {
      WalkRecord walk = simulator.play(IPHONE_8, OrderChoice.article(PLAYBOOK), T0, random).walk();
      for (WalkStep step : walk.steps()) {
        if (step.stepKey().equals("wifi") && !step.fixApplied()) {
          sum += step.minutes();
          sumSquares += step.minutes() * step.minutes();
          checks++;
        }
        if (step.stepKey().equals("storage") && step.fixApplied()) {
          backups += step.testBackupMinutes();
          fixes++;
        }
      }
    }
    LogNormalMinutes check = iphone8.step("wifi").check();
    double mean = sum / checks;
    double sd = Math.sqrt(sumSquares / checks - mean * mean);
    assertThat(mean).isCloseTo(check.mean(), within(4 * sd / Math.sqrt(checks)));
    double expectedSd = check.mean() * Math.sqrt(Math.exp(check.spread() * check.spread()) - 1);
    assertThat(sd).isCloseTo(expectedSd, within(0.05 * expectedSd));
    LogNormalMinutes backup = iphone8.step("storage").testBackup();
    assertThat(backups / fixes).isCloseTo(backup.mean(), within(0.05 * backup.mean()));
  }

  @Test
  void averageMinutesToTheEndMatchTheExactExpectedCostInAnyOrder() {
    var simulator = new CaseSimulator(truth, CostWeights.DEFAULT, 0);
    ExpectedCost exact = iphone8.expectedCost(PLAYBOOK, CostWeights.DEFAULT);
    StepOrder oracle = iphone8.oracle(PLAYBOOK, CostWeights.DEFAULT).order();
    for (StepOrder order : new StepOrder[] {ARTICLE, oracle}) {
      var random = new SplittableRandom(23);
      var choice = new OrderChoice(order, OrderPolicy.LEARNED, 1, 1);
      double sum = 0;
      double sumSquares = 0;
      double steps = 0;
      int resolved = 0;
      for (int i = 0; i < CASES; i++) {
        WalkRecord walk = simulator.play(IPHONE_8, choice, T0, random).walk();
        double minutes = walk.minutesToEnd(CostWeights.DEFAULT.escalationMinutes());
        sum += minutes;
        sumSquares += minutes * minutes;
        steps += walk.stepsDone();
        resolved += walk.ending() == WalkEnding.RESOLVED ? 1 : 0;
      }
      double mean = sum / CASES;
      double se = Math.sqrt((sumSquares / CASES - mean * mean) / CASES);
      OrderForecast forecast = exact.forecast(order);
      assertThat(mean).as("order %s", order).isCloseTo(forecast.expectedMinutes(), within(4 * se));
      assertThat(steps / CASES).isCloseTo(forecast.expectedSteps(), within(0.05));
      assertThat(resolved / (double) CASES).isCloseTo(forecast.resolutionChance(), within(0.01));
    }
    assertThat(exact.forecast(oracle).expectedCost())
        .isLessThan(exact.forecast(ARTICLE).expectedCost());
  }

  @Test
  void customersWhoLeaveStopTheWalkBeforeAStep() {
    var simulator = new CaseSimulator(truth, CostWeights.DEFAULT, 0.05);
    var random = new SplittableRandom(24);
    int stopped = 0;
    for (int i = 0; i < 4000; i++) {
      WalkRecord walk = simulator.play(IPHONE_8, OrderChoice.article(PLAYBOOK), T0, random).walk();
      if (walk.ending() == WalkEnding.STOPPED) {
        stopped++;
        assertThat(walk.steps())
            .allSatisfy(step -> assertThat(step.outcome()).isEqualTo(TrialOutcome.NOT_RESOLVED));
      }
    }
    // At least the 5% who leave before the first step, at most those who leave before the last.
    assertThat(stopped).isBetween(200, 1600);
  }
}
