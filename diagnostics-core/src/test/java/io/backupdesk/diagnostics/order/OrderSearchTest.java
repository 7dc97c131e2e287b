package io.backupdesk.diagnostics.order;

import static io.backupdesk.diagnostics.order.OrderTestData.ARTICLE;
import static io.backupdesk.diagnostics.order.OrderTestData.PLAYBOOK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderSearchTest {
  private static final long SEED = Long.getLong("order.seed", 20261201L);
  private static final List<StepOrder> ALLOWED_ARTICLE_ORDERS = allowed(PLAYBOOK);

  @Test
  void theExactSearchFindsTheCheapestAllowedOrderOfTheNineSteps() {
    assertThat(ALLOWED_ARTICLE_ORDERS).hasSize(14_040).contains(ARTICLE);
    var random = new SplittableRandom(SEED);
    for (int instance = 0; instance < 25; instance++) {
      ExpectedCost cost = OrderTestData.randomCost(PLAYBOOK, random);
      StepOrder best = OrderSearch.best(PLAYBOOK, cost);

      assertThat(best.violations(PLAYBOOK)).isEmpty();
      assertThat(cost.forecast(best).expectedCost())
          .as("seed %d, instance %d", SEED, instance)
          .isCloseTo(bruteForceLeast(ALLOWED_ARTICLE_ORDERS, cost), within(1e-9));
    }
  }

  @Test
  void theExactSearchFindsTheCheapestAllowedOrderWhateverStepsAreIntrusive() {
    var random = new SplittableRandom(SEED + 1);
    for (int instance = 0; instance < 40; instance++) {
      boolean[] intrusive = new boolean[7];
      for (int i = 0; i < intrusive.length; i++) {
        intrusive[i] = random.nextDouble() < 0.3;
      }
      Playbook playbook = OrderTestData.syntheticPlaybook(intrusive);
      ExpectedCost cost = OrderTestData.randomCost(playbook, random);
      StepOrder best = OrderSearch.best(playbook, cost);

      assertThat(best.violations(playbook)).isEmpty();
      assertThat(cost.forecast(best).expectedCost())
          .as("seed %d, instance %d", SEED, instance)
          .isCloseTo(bruteForceLeast(allowed(playbook), cost), within(1e-9));
    }
  }

  @Test
  void withoutBindingRulesTheRatioSortIsOptimalAndWithThemNeverBetter() {
    var random = new SplittableRandom(SEED + 2);
    Playbook free = OrderTestData.syntheticPlaybook(new boolean[8]);
    for (int instance = 0; instance < 20; instance++) {
      ExpectedCost cost = OrderTestData.randomCost(free, random);
      assertThat(cost.forecast(OrderSearch.byRatio(free, cost)).expectedCost())
          .isCloseTo(cost.forecast(OrderSearch.best(free, cost)).expectedCost(), within(1e-9));

      ExpectedCost nine = OrderTestData.randomCost(PLAYBOOK, random);
      StepOrder ratio = OrderSearch.byRatio(PLAYBOOK, nine);
      assertThat(ratio.violations(PLAYBOOK)).isEmpty();
      assertThat(nine.forecast(ratio).expectedCost())
          .isGreaterThanOrEqualTo(
              nine.forecast(OrderSearch.best(PLAYBOOK, nine)).expectedCost() - 1e-9);
    }
  }

  @Test
  void theRulesCanMakeTheRatioSortWorseThanTheExactSearch() {
    // s2 (intrusive) must wait for s1, which rarely helps; s3 is slow and helps a little. The
    // greedy sort takes s1 then s3 (the best ratio it can reach), but s1, s2 first pays off.
    Playbook playbook = OrderTestData.syntheticPlaybook(false, true, false);
    ExpectedCost cost =
        ExpectedCost.of(
            List.of(
                StepFigures.minutes("s1", 0.01, 1, 1),
                StepFigures.minutes("s2", 0.9, 1, 1),
                StepFigures.minutes("s3", 0.05, 0.9, 1)),
            0);
    StepOrder ratio = OrderSearch.byRatio(playbook, cost);
    StepOrder best = OrderSearch.best(playbook, cost);
    assertThat(ratio).isEqualTo(StepOrder.of("s3", "s1", "s2"));
    assertThat(best).isEqualTo(StepOrder.of("s1", "s2", "s3"));
    assertThat(cost.forecast(best).expectedCost()).isLessThan(cost.forecast(ratio).expectedCost());
  }

  @Test
  void equallyGoodOrdersResolveToTheArticlesAndIntrusiveStepsStayBehind() {
    var same = new ArrayList<StepFigures>();
    for (PlaybookStep step : PLAYBOOK.steps()) {
      same.add(StepFigures.minutes(step.key(), 0.1, 2, 10));
    }
    assertThat(OrderSearch.best(PLAYBOOK, ExpectedCost.of(same, 10))).isEqualTo(ARTICLE);

    // Resetting settings resolves most cases for almost nothing: it still waits for the harmless
    // steps the article puts ahead of it, and moves only as far forward as they allow.
    var tempting = new ArrayList<StepFigures>();
    for (PlaybookStep step : PLAYBOOK.steps()) {
      boolean reset = step.key().equals("reset-settings");
      tempting.add(StepFigures.minutes(step.key(), reset ? 0.6 : 0.04, reset ? 0.1 : 3, 10));
    }
    StepOrder best = OrderSearch.best(PLAYBOOK, ExpectedCost.of(tempting, 10));
    assertThat(best.violations(PLAYBOOK)).isEmpty();
    assertThat(best.positionOf("reset-settings")).isEqualTo(7);
    assertThat(best.keyAt(8)).isEqualTo("account-verification");
  }

  /**
   * Every allowed permutation, by the precedence pairs: StepOrderTest proves over every permutation
   * that they say what {@code violations} says, which is too slow to ask 362,880 times per test.
   */
  private static List<StepOrder> allowed(Playbook playbook) {
    List<StepOrder.Precedence> rules = StepOrder.precedences(playbook);
    return OrderTestData.permutations(playbook.steps().stream().map(PlaybookStep::key).toList())
        .stream()
        .filter(
            order ->
                rules.stream()
                    .allMatch(
                        rule -> order.positionOf(rule.before()) < order.positionOf(rule.after())))
        .toList();
  }

  private static double bruteForceLeast(List<StepOrder> orders, ExpectedCost cost) {
    double least = Double.POSITIVE_INFINITY;
    for (StepOrder order : orders) {
      least = Math.min(least, cost.forecast(order).expectedCost());
    }
    return least;
  }
}
