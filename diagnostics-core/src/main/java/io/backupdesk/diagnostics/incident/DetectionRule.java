package io.backupdesk.diagnostics.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The stated rule by which the desk suggests an incident, with its settings (see the package
 * documentation for the rule in words). Counts come in buckets of {@code bucket}; the recent {@code
 * window} is compared with the same time of the week in the previous {@code historyWeeks} weeks,
 * each looked at over {@code historySpan} around it.
 *
 * @param window the recent span whose count is judged, e.g. 30 minutes
 * @param bucket the length of the count buckets, dividing both the window and a week
 * @param historyWeeks how many previous weeks make the expectation, e.g. 8
 * @param historySpan how much of each previous week, centred on the window's time, e.g. two hours
 * @param minimumExpected the expected count never drops below this (a quiet hour is not silent)
 * @param threshold suggest when the chance of the count by accident is below this, e.g. 1e-5
 * @param minimumCount never suggest for fewer findings than this, however quiet history is
 */
public record DetectionRule(
    Duration window,
    Duration bucket,
    int historyWeeks,
    Duration historySpan,
    double minimumExpected,
    double threshold,
    int minimumCount) {

  private static final Duration WEEK = Duration.ofDays(7);

  public DetectionRule {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(historySpan, "historySpan");
    if (bucket.isNegative() || bucket.isZero() || bucket.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException("The bucket is a positive number of seconds");
    }
    if (WEEK.getSeconds() % bucket.getSeconds() != 0) {
      throw new IllegalArgumentException("The bucket (" + bucket + ") must divide a week");
    }
    if (window.isNegative() || window.isZero() || !multipleOf(window, bucket)) {
      throw new IllegalArgumentException(
          "The window (" + window + ") must be a positive multiple of the bucket (" + bucket + ")");
    }
    if (historySpan.compareTo(window) < 0
        || !multipleOf(historySpan.minus(window), bucket.multipliedBy(2))) {
      throw new IllegalArgumentException(
          "The history span ("
              + historySpan
              + ") must be the window plus an even number of buckets on each side");
    }
    if (historySpan.compareTo(WEEK) >= 0) {
      throw new IllegalArgumentException("The history span must be shorter than a week");
    }
    if (historyWeeks < 1) {
      throw new IllegalArgumentException("At least one week of history is needed");
    }
    if (!(minimumExpected > 0) || Double.isInfinite(minimumExpected)) {
      throw new IllegalArgumentException("The minimum expected count must be above 0");
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("The threshold is a probability between 0 and 1");
    }
    if (minimumCount < 1) {
      throw new IllegalArgumentException("The minimum count is at least 1");
    }
  }

  /**
   * A 30-minute window in 5-minute buckets, against the same time of the week over the previous 8
   * weeks (2 hours around it), expected at least 0.25, suggested below a 1e-5 chance and from 3
   * findings on.
   *
   * <p>Why 1e-5 and not 0.001: the desk evaluates every 5 minutes, 2,016 times a week per signal,
   * and an expectation estimated from a few weeks is sometimes too low. On simulated quiet weeks
   * (Poisson findings, busy days and quiet nights), 0.001 raised about one false suggestion a week;
   * 1e-5 raised about one in 40 weeks and still found an outage of 12 findings an hour within its
   * first half hour. With no history at all, 5 findings in 30 minutes suggest an incident.
   */
  public static DetectionRule defaults() {
    return new DetectionRule(
        Duration.ofMinutes(30), Duration.ofMinutes(5), 8, Duration.ofHours(2), 0.25, 1e-5, 3);
  }

  public DetectionRule withThreshold(double newThreshold) {
    return new DetectionRule(
        window, bucket, historyWeeks, historySpan, minimumExpected, newThreshold, minimumCount);
  }

  public DetectionRule withMinimumCount(int newMinimumCount) {
    return new DetectionRule(
        window, bucket, historyWeeks, historySpan, minimumExpected, threshold, newMinimumCount);
  }

  public DetectionRule withMinimumExpected(double newMinimumExpected) {
    return new DetectionRule(
        window, bucket, historyWeeks, historySpan, newMinimumExpected, threshold, minimumCount);
  }

  public DetectionRule withHistoryWeeks(int newHistoryWeeks) {
    return new DetectionRule(
        window, bucket, newHistoryWeeks, historySpan, minimumExpected, threshold, minimumCount);
  }

  /** The window judged at {@code now} ends at the first bucket boundary at or after it. */
  public Instant windowEnd(Instant now) {
    long size = bucket.getSeconds();
    long seconds = Math.floorDiv(now.getEpochSecond(), size) * size;
    Instant floor = Instant.ofEpochSecond(seconds);
    return floor.equals(now) ? floor : floor.plus(bucket);
  }

  public Instant windowStart(Instant now) {
    return windowEnd(now).minus(window);
  }

  /** The earliest bucket the evaluation at {@code now} reads: what the caller must count from. */
  public Instant historyStart(Instant now) {
    return historySpanStart(now, historyWeeks);
  }

  /** The start of the span looked at {@code weeksAgo} weeks before the window. */
  Instant historySpanStart(Instant now, int weeksAgo) {
    Duration pad = historySpan.minus(window).dividedBy(2);
    return windowStart(now).minus(pad).minus(WEEK.multipliedBy(weeksAgo));
  }

  /** Whether a bucket start is aligned to this rule's buckets. */
  public boolean isBucketStart(Instant instant) {
    return instant.getNano() == 0
        && Math.floorMod(instant.getEpochSecond(), bucket.getSeconds()) == 0;
  }

  private static boolean multipleOf(Duration value, Duration unit) {
    return value.getSeconds() % unit.getSeconds() == 0 && value.getNano() == 0;
  }
}
