package io.backupdesk.diagnostics.incident;

import static io.backupdesk.diagnostics.incident.Signal.OUTAGE_FOUND;
import static io.backupdesk.diagnostics.incident.Signal.STILL_FAILING_AFTER_FIX;
import static io.backupdesk.diagnostics.incident.SignalHistory.START;
import static io.backupdesk.diagnostics.incident.SignalHistory.week;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutageDetectorTest {
  private final OutageDetector detector = new OutageDetector(DetectionRule.defaults());

  /** Tuesday of week 10, 14:00 UTC: a working hour with 8 weeks of history before it. */
  private final Instant tuesday = week(10).plus(Duration.ofDays(1)).plus(Duration.ofHours(14));

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void plantedBurstsAreFoundOnceEachWithinTheirFirstHalfHour(long seed) {
    Instant saturdayNight = week(11).plus(Duration.ofDays(5)).plus(Duration.ofHours(3));
    List<SignalCount> counts =
        SignalHistory.quiet(12, seed)
            // An outage by day: 12 findings an hour for two hours.
            .burst(OUTAGE_FOUND, tuesday, 24, 1)
            // Every fix failing at night: 3 failing test backups every 5 minutes for 20 minutes.
            .burst(STILL_FAILING_AFTER_FIX, saturdayNight, 4, 3)
            .counts();

    List<Detection> found = detector.replay(week(8), week(12), counts, START);

    assertThat(found)
        .extracting(Detection::signal)
        .containsExactly(OUTAGE_FOUND, STILL_FAILING_AFTER_FIX);
    assertThat(found.get(0).windowEnd()).isBetween(tuesday, tuesday.plus(Duration.ofMinutes(30)));
    assertThat(found.get(1).windowEnd())
        .isBetween(saturdayNight, saturdayNight.plus(Duration.ofMinutes(20)));
    assertThat(found).allSatisfy(d -> assertThat(d.weeksOfHistory()).isEqualTo(8));
  }

  @Test
  void aQuietHistoryThatRepeatsItselfRaisesNothing() {
    List<SignalCount> counts = SignalHistory.regular(12).counts();

    assertThat(detector.replay(week(8), week(12), counts, START)).isEmpty();
  }

  /**
   * Random quiet weeks: the rule is applied 2,016 times a week per signal, so chance alone
   * sometimes reaches the threshold; the defaults keep that to about one in 40 weeks.
   */
  @Test
  void randomQuietWeeksRaiseAtMostARareFalseSuggestion() {
    int suggestions = 0;
    int weeks = 0;
    for (long seed = 1; seed <= 20; seed++) {
      List<SignalCount> counts = SignalHistory.quiet(12, seed).counts();
      suggestions += detector.replay(week(8), week(12), counts, START).size();
      weeks += 4;
    }
    assertThat(weeks).isEqualTo(80);
    assertThat(suggestions).isLessThanOrEqualTo(4);
  }

  @Test
  void withoutHistoryTheMinimumExpectationHoldsAndFiveFindingsAreNeeded() {
    // 0.25 expected: P(X >= 4) = 1.3e-4 is not below 1e-5, P(X >= 5) = 6.6e-6 is.
    assertThat(detector.evaluate(tuesday, findings(OUTAGE_FOUND, 4), tuesday)).isEmpty();
    List<Detection> five = detector.evaluate(tuesday, findings(OUTAGE_FOUND, 5), tuesday);

    assertThat(five)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.signal()).isEqualTo(OUTAGE_FOUND);
              assertThat(d.observed()).isEqualTo(5);
              assertThat(d.expected()).isEqualTo(0.25);
              assertThat(d.tailProbability()).isCloseTo(6.61171056103e-6, within(1e-16));
              assertThat(d.weeksOfHistory()).isZero();
              assertThat(d.historyCount()).isZero();
              assertThat(d.windowStart()).isEqualTo(tuesday.minus(Duration.ofMinutes(30)));
              assertThat(d.windowEnd()).isEqualTo(tuesday);
              assertThat(d.window()).isEqualTo(Duration.ofMinutes(30));
              assertThat(d.suggestsIncident()).isTrue();
              assertThat(d.describe())
                  .isEqualTo(
                      "5 outage findings at the Apple-status step in the 30 minutes to"
                          + " 2026-11-17T14:00:00Z, where 0.25 were expected at least (no history"
                          + " yet); chance by accident 6.6e-06.");
            });
  }

  @Test
  void theThresholdIsConfigurable() {
    OutageDetector looser = new OutageDetector(DetectionRule.defaults().withThreshold(0.001));

    // P(X >= 4) = 1.3e-4 is below 0.001; P(X >= 3) = 0.0022 is not.
    assertThat(looser.evaluate(tuesday, findings(OUTAGE_FOUND, 4), tuesday)).hasSize(1);
    assertThat(looser.evaluate(tuesday, findings(OUTAGE_FOUND, 3), tuesday)).isEmpty();
  }

  @Test
  void theMinimumCountKeepsOneUnluckyReportFromPagingAnyone() {
    // With a threshold of 0.5, two findings (P = 0.026) would do, but fewer than 3 never count.
    OutageDetector loose = new OutageDetector(DetectionRule.defaults().withThreshold(0.5));
    assertThat(loose.evaluate(tuesday, findings(OUTAGE_FOUND, 2), tuesday)).isEmpty();
    assertThat(loose.evaluate(tuesday, findings(OUTAGE_FOUND, 3), tuesday)).hasSize(1);

    OutageDetector strict = new OutageDetector(DetectionRule.defaults().withMinimumCount(6));
    assertThat(strict.evaluate(tuesday, findings(OUTAGE_FOUND, 5), tuesday)).isEmpty();
    assertThat(strict.evaluate(tuesday, findings(OUTAGE_FOUND, 6), tuesday)).hasSize(1);
  }

  @Test
  void aBusyTimeOfTheWeekRaisesTheExpectation() {
    SignalHistory history = SignalHistory.empty();
    for (int k = 1; k <= 8; k++) {
      // 16 failing test backups in the two hours around the window, every previous week.
      Instant spanStart = tuesday.minus(Duration.ofMinutes(75)).minus(Duration.ofDays(7L * k));
      history.burst(STILL_FAILING_AFTER_FIX, spanStart, 8, 2);
    }

    Detection usual =
        detector.measure(
            STILL_FAILING_AFTER_FIX, tuesday, withNow(history, STILL_FAILING_AFTER_FIX, 9), null);
    assertThat(usual.historyCount()).isEqualTo(8 * 16);
    assertThat(usual.weeksOfHistory()).isEqualTo(8);
    assertThat(usual.expected()).isCloseTo(16.0 / 4, within(1e-12));
    assertThat(usual.tailProbability()).isCloseTo(0.021363434488, within(1e-11));
    assertThat(usual.suggestsIncident()).isFalse();

    // P(X >= 15) = 2.0e-5 is not below 1e-5; P(X >= 16) = 4.9e-6 is.
    assertThat(
            detector
                .measure(
                    STILL_FAILING_AFTER_FIX,
                    tuesday,
                    withNow(history, STILL_FAILING_AFTER_FIX, 15),
                    null)
                .suggestsIncident())
        .isFalse();
    assertThat(
            detector.evaluate(tuesday, withNow(history, STILL_FAILING_AFTER_FIX, 16), null).stream()
                .map(Detection::signal))
        .containsExactly(STILL_FAILING_AFTER_FIX);
  }

  @Test
  void weeksBeforeTheDataBeganDoNotCountAsQuiet() {
    SignalHistory history = SignalHistory.empty();
    history.burst(
        OUTAGE_FOUND, tuesday.minus(Duration.ofDays(7)).minus(Duration.ofMinutes(75)), 24, 1);
    List<SignalCount> counts = withNow(history, OUTAGE_FOUND, 12);

    Detection all = detector.measure(OUTAGE_FOUND, tuesday, counts, null);
    Detection sinceLastWeek =
        detector.measure(OUTAGE_FOUND, tuesday, counts, tuesday.minus(Duration.ofDays(8)));

    assertThat(all.weeksOfHistory()).isEqualTo(8);
    assertThat(all.expected()).isCloseTo(24.0 / 8 / 4, within(1e-12));
    assertThat(sinceLastWeek.weeksOfHistory()).isEqualTo(1);
    assertThat(sinceLastWeek.expected()).isCloseTo(24.0 / 4, within(1e-12));
  }

  @Test
  void theWindowEndsAtTheNextBucketBoundary() {
    DetectionRule rule = DetectionRule.defaults();
    Instant sevenPast = tuesday.plus(Duration.ofMinutes(7));

    assertThat(rule.windowEnd(tuesday)).isEqualTo(tuesday);
    assertThat(rule.windowEnd(sevenPast)).isEqualTo(tuesday.plus(Duration.ofMinutes(10)));
    assertThat(rule.windowStart(sevenPast)).isEqualTo(tuesday.minus(Duration.ofMinutes(20)));
    assertThat(rule.historyStart(tuesday))
        .isEqualTo(tuesday.minus(Duration.ofMinutes(75)).minus(Duration.ofDays(56)));
    // The bucket that is still running counts what it has so far.
    List<SignalCount> inProgress =
        List.of(new SignalCount(OUTAGE_FOUND, tuesday.plus(Duration.ofMinutes(5)), 5));
    assertThat(detector.evaluate(sevenPast, inProgress)).hasSize(1);
    assertThat(detector.evaluate(tuesday, inProgress)).isEmpty();
  }

  @Test
  void countsMustBeInTheRulesBuckets() {
    assertThatThrownBy(
            () ->
                detector.evaluate(
                    tuesday, List.of(new SignalCount(OUTAGE_FOUND, tuesday.plusSeconds(60), 1))))
        .hasMessageContaining("does not start on a 5-minute boundary");
    assertThatThrownBy(() -> new SignalCount(OUTAGE_FOUND, tuesday, -1))
        .hasMessageContaining("negative");
  }

  @Test
  void aRuleThatCannotWorkIsRefused() {
    Duration m30 = Duration.ofMinutes(30);
    Duration m5 = Duration.ofMinutes(5);
    Duration h1 = Duration.ofHours(1);
    assertThatThrownBy(() -> new DetectionRule(Duration.ofMinutes(32), m5, 4, h1, 0.5, 0.001, 3))
        .hasMessageContaining("multiple of the bucket");
    assertThatThrownBy(() -> new DetectionRule(m30, Duration.ofMinutes(11), 4, h1, 0.5, 0.001, 3))
        .hasMessageContaining("divide a week");
    assertThatThrownBy(() -> new DetectionRule(m30, m5, 4, Duration.ofMinutes(35), 0.5, 0.001, 3))
        .hasMessageContaining("history span");
    assertThatThrownBy(() -> new DetectionRule(m30, m5, 0, h1, 0.5, 0.001, 3))
        .hasMessageContaining("one week");
    assertThatThrownBy(() -> new DetectionRule(m30, m5, 4, h1, 0, 0.001, 3))
        .hasMessageContaining("above 0");
    assertThatThrownBy(() -> new DetectionRule(m30, m5, 4, h1, 0.5, 1.5, 3))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> new DetectionRule(m30, m5, 4, h1, 0.5, 0.001, 0))
        .hasMessageContaining("at least 1");
  }

  /** {@code n} findings in the window that ends at {@code tuesday}, spread over its buckets. */
  private List<SignalCount> findings(Signal signal, int n) {
    return withNow(SignalHistory.empty(), signal, n);
  }

  /** The history's counts plus {@code n} findings in the window; the history stays as it is. */
  private List<SignalCount> withNow(SignalHistory history, Signal signal, int n) {
    SignalHistory now = SignalHistory.empty();
    history.counts().forEach(c -> now.add(c.signal(), c.bucketStart(), c.count()));
    for (int i = 0; i < n; i++) {
      now.add(signal, tuesday.minus(Duration.ofMinutes(5L * (1 + i % 6))), 1);
    }
    return now.counts();
  }
}
