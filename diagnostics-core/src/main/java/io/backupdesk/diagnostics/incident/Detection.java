package io.backupdesk.diagnostics.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The evidence for (or against) suggesting an incident: how many findings of a signal the window
 * held, how many its time of the week leads to expect, and how likely that many are by chance.
 *
 * @param observed findings in the window
 * @param expected the count expected in the window (never below the rule's minimum)
 * @param tailProbability P(X ≥ observed) for a Poisson count with mean {@code expected}
 * @param weeksOfHistory how many previous weeks the expectation rests on (0: only the minimum)
 * @param historyCount the findings in those weeks' spans, all together
 * @param suggestsIncident observed reaches the rule's minimum count and the probability is below
 *     its threshold
 */
public record Detection(
    Signal signal,
    Instant windowStart,
    Instant windowEnd,
    int observed,
    double expected,
    double tailProbability,
    int weeksOfHistory,
    int historyCount,
    boolean suggestsIncident) {

  public Detection {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
  }

  public Duration window() {
    return Duration.between(windowStart, windowEnd);
  }

  /**
   * "7 outage findings at the Apple-status step in the 30 minutes to 2026-11-03T14:05:00Z, where
   * 0.5 were expected from 4 weeks of history; chance by accident 1.2e-05."
   */
  public String describe() {
    return signal.counted(observed)
        + " in the "
        + window().toMinutes()
        + " minutes to "
        + windowEnd
        + ", where "
        + String.format(Locale.ROOT, "%.2g", expected)
        + (weeksOfHistory == 0
            ? " were expected at least (no history yet)"
            : " were expected from " + weeksOfHistory + " weeks of history")
        + "; chance by accident "
        + String.format(Locale.ROOT, "%.2g", tailProbability)
        + ".";
  }
}
