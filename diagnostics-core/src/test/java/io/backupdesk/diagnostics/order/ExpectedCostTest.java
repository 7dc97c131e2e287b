package io.backupdesk.diagnostics.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedCostTest {
  // A resolves half the cases, B 30%, C 10%; 10% escalate after all three (20 minutes).
  private final ExpectedCost cost =
      ExpectedCost.of(
          List.of(
              StepFigures.minutes("a", 0.5, 2, 10),
              StepFigures.minutes("b", 0.3, 4, 12),
              StepFigures.minutes("c", 0.1, 1, 5)),
          20);

  @Test
  void forecastMatchesTheCaseByCaseSumInTheGivenOrder() {
    OrderForecast forecast = cost.forecast(StepOrder.of("a", "b", "c"));

    // By hand, case by case: A ends it (0.5): 10 min, 1 step; B (0.3): 2 + 12, 2 steps;
    // C (0.1): 2 + 4 + 5, 3 steps; none (0.1): 2 + 4 + 1 + 20, 3 steps.
    assertThat(forecast.expectedMinutes())
        .isCloseTo(0.5 * 10 + 0.3 * 14 + 0.1 * 11 + 0.1 * 27, within(1e-12));
    assertThat(forecast.expectedMinutes()).isCloseTo(13.0, within(1e-12));
    assertThat(forecast.expectedSteps()).isCloseTo(1.7, within(1e-12));
    assertThat(forecast.resolutionChance()).isCloseTo(0.9, within(1e-12));
    assertThat(forecast.expectedCost()).isCloseTo(13.0, within(1e-12));
  }

  @Test
  void theClassicEcrTermIsTheOnlyPartThatDependsOnTheOrder() {
    // ECR(c, b, a) = 1*1 + 0.9*4 + 0.6*2 = 5.8 against ECR(a, b, c) = 1*2 + 0.5*4 + 0.2*1 = 4.2.
    OrderForecast reversed = cost.forecast(StepOrder.of("c", "b", "a"));
    assertThat(
            reversed.expectedMinutes()
                - cost.forecast(StepOrder.of("a", "b", "c")).expectedMinutes())
        .isCloseTo(5.8 - 4.2, within(1e-12));
    assertThat(reversed.expectedSteps()).isCloseTo(1 + 0.9 + 0.6, within(1e-12));
    assertThat(reversed.resolutionChance()).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void pricesForRiskAndMoneyCountInTheCostButNotInTheMinutes() {
    ExpectedCost priced =
        ExpectedCost.of(
            List.of(
                StepFigures.minutes("a", 0.5, 2, 10),
                new StepFigures("b", 0.3, 4, 12, 1, 3),
                StepFigures.minutes("c", 0.1, 1, 5)),
            20);
    OrderForecast forecast = priced.forecast(StepOrder.of("a", "b", "c"));

    // 0.2 of cases walk B without it ending them (price 1), 0.3 end at B (price 3).
    assertThat(forecast.expectedMinutes()).isCloseTo(13.0, within(1e-12));
    assertThat(forecast.expectedCost()).isCloseTo(13.0 + 0.2 * 1 + 0.3 * 3, within(1e-12));
  }

  @Test
  void fixedCostsAndEscalationAreAddedOnceWhateverTheOrder() {
    ExpectedCost withFixed =
        new ExpectedCost(List.of(StepFigures.minutes("a", 0.25, 4, 8)), 1.5, 2, 12);
    OrderForecast forecast = withFixed.forecast(StepOrder.of("a"));
    assertThat(forecast.expectedMinutes()).isCloseTo(4 + 0.25 * 4 + 1.5 + 0.75 * 12, within(1e-12));
    assertThat(forecast.expectedCost()).isCloseTo(forecast.expectedMinutes() + 2, within(1e-12));
  }

  @Test
  void refusesFiguresThatBreakOneFaultAndOrdersThatDoNotNameEachStep() {
    assertThatThrownBy(
            () ->
                ExpectedCost.of(
                    List.of(
                        StepFigures.minutes("a", 0.7, 1, 1), StepFigures.minutes("b", 0.4, 1, 1)),
                    0))
        .hasMessageContaining("at most 1");
    assertThatThrownBy(() -> cost.forecast(StepOrder.of("a", "b")))
        .hasMessageContaining("does not name each");
    assertThatThrownBy(() -> cost.forecast(StepOrder.of("a", "a", "c")))
        .hasMessageContaining("does not name each");
    assertThatThrownBy(() -> StepFigures.minutes("a", 1.2, 1, 1))
        .hasMessageContaining("between 0 and 1");
  }
}
