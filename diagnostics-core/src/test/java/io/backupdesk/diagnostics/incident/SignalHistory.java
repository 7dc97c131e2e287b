package io.backupdesk.diagnostics.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test data: counted signals over weeks, a quiet background and planted bursts. */
final class SignalHistory {
  static final Duration BUCKET = Duration.ofMinutes(5);

  /** A Monday, midnight UTC. */
  static final Instant START = Instant.parse("2026-09-07T00:00:00Z");

  private final List<SignalCount> counts = new ArrayList<>();

  static SignalHistory empty() {
    return new SignalHistory();
  }

  /**
   * Weeks of ordinary findings drawn at random: per hour, by day (08:00 to 20:00 UTC) 0.2 outage
   * findings (agents misreading the status page) and 6 failing test backups, by night a fifth of
   * that; each 5-minute bucket drawn from a Poisson distribution.
   */
  static SignalHistory quiet(int weeks, long seed) {
    SignalHistory history = new SignalHistory();
    SplittableRandom random = new SplittableRandom(seed);
    long buckets = Duration.ofDays(7L * weeks).dividedBy(BUCKET);
    for (long b = 0; b < buckets; b++) {
      Instant at = START.plus(BUCKET.multipliedBy(b));
      double scale = isDay(at) ? 1 : 0.2;
      history.add(Signal.OUTAGE_FOUND, at, poisson(random, 0.2 / 12 * scale));
      history.add(Signal.STILL_FAILING_AFTER_FIX, at, poisson(random, 6.0 / 12 * scale));
    }
    return history;
  }

  /**
   * Weeks that repeat exactly: by day a failing test backup every 10 minutes and an outage finding
   * at every full hour, by night one failing test backup an hour.
   */
  static SignalHistory regular(int weeks) {
    SignalHistory history = new SignalHistory();
    long buckets = Duration.ofDays(7L * weeks).dividedBy(BUCKET);
    for (long b = 0; b < buckets; b++) {
      Instant at = START.plus(BUCKET.multipliedBy(b));
      int minute = at.atZone(ZoneOffset.UTC).getMinute();
      if (isDay(at)) {
        history.add(Signal.STILL_FAILING_AFTER_FIX, at, minute % 10 == 0 ? 1 : 0);
        history.add(Signal.OUTAGE_FOUND, at, minute == 0 ? 1 : 0);
      } else {
        history.add(Signal.STILL_FAILING_AFTER_FIX, at, minute == 30 ? 1 : 0);
      }
    }
    return history;
  }

  private static boolean isDay(Instant at) {
    int hour = at.atZone(ZoneOffset.UTC).getHour();
    return hour >= 8 && hour < 20;
  }

  /** {@code perBucket} extra findings in each of {@code buckets} buckets from {@code from}. */
  SignalHistory burst(Signal signal, Instant from, int buckets, int perBucket) {
    for (int b = 0; b < buckets; b++) {
      add(signal, from.plus(BUCKET.multipliedBy(b)), perBucket);
    }
    return this;
  }

  SignalHistory add(Signal signal, Instant bucketStart, int count) {
    if (count > 0) {
      counts.add(new SignalCount(signal, bucketStart, count));
    }
    return this;
  }

  List<SignalCount> counts() {
    return List.copyOf(counts);
  }

  static Instant week(int n) {
    return START.plus(Duration.ofDays(7L * n));
  }

  private static int poisson(SplittableRandom random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      k++;
      product *= random.nextDouble();
    }
    return k;
  }
}
