package io.backupdesk.diagnostics.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Applies a {@link DetectionRule} to counted signals: at a moment ({@link #evaluate}) for the live
 * desk, or at every bucket boundary of a past period ({@link #replay}) to test the rule on history.
 */
public final class OutageDetector {
  private final DetectionRule rule;

  public OutageDetector(DetectionRule rule) {
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  public DetectionRule rule() {
    return rule;
  }

  /**
   * The suggestions at {@code now}, at most one per signal. {@code counts} must hold every bucket
   * from {@link DetectionRule#historyStart} to {@code now} that has findings (missing buckets count
   * as none); {@code dataSince}, when given, is when the desk started recording, so that weeks
   * before it do not count as quiet history.
   */
  public List<Detection> evaluate(Instant now, Collection<SignalCount> counts, Instant dataSince) {
    Counts indexed = new Counts(counts);
    List<Detection> found = new ArrayList<>();
    for (Signal signal : Signal.values()) {
      Detection detection = measure(signal, now, indexed, dataSince);
      if (detection.suggestsIncident()) {
        found.add(detection);
      }
    }
    return List.copyOf(found);
  }

  public List<Detection> evaluate(Instant now, Collection<SignalCount> counts) {
    return evaluate(now, counts, null);
  }

  /** The evidence for one signal at {@code now}, whether or not it suggests an incident. */
  public Detection measure(
      Signal signal, Instant now, Collection<SignalCount> counts, Instant dataSince) {
    return measure(signal, now, new Counts(counts), dataSince);
  }

  /**
   * Evaluates at every bucket boundary in [{@code from}, {@code to}] and returns the first
   * suggestion of each burst: while a signal keeps suggesting at consecutive boundaries it is the
   * same burst, and it takes one boundary without a suggestion before the next one counts again.
   */
  public List<Detection> replay(
      Instant from, Instant to, Collection<SignalCount> counts, Instant dataSince) {
    Counts indexed = new Counts(counts);
    List<Detection> found = new ArrayList<>();
    Map<Signal, Boolean> inBurst = new EnumMap<>(Signal.class);
    for (Instant now = rule.windowEnd(from); !now.isAfter(to); now = now.plus(rule.bucket())) {
      for (Signal signal : Signal.values()) {
        Detection detection = measure(signal, now, indexed, dataSince);
        boolean was = inBurst.getOrDefault(signal, false);
        if (detection.suggestsIncident() && !was) {
          found.add(detection);
        }
        inBurst.put(signal, detection.suggestsIncident());
      }
    }
    return List.copyOf(found);
  }

  private Detection measure(Signal signal, Instant now, Counts counts, Instant dataSince) {
    Objects.requireNonNull(now, "now");
    Instant windowStart = rule.windowStart(now);
    Instant windowEnd = rule.windowEnd(now);
    int observed = counts.sum(signal, windowStart, windowEnd);
    int weeks = 0;
    long historyCount = 0;
    for (int k = 1; k <= rule.historyWeeks(); k++) {
      Instant spanStart = rule.historySpanStart(now, k);
      if (dataSince != null && spanStart.isBefore(dataSince)) {
        continue;
      }
      weeks++;
      historyCount += counts.sum(signal, spanStart, spanStart.plus(rule.historySpan()));
    }
    double perWindow =
        weeks == 0
            ? 0
            : historyCount
                / (double) weeks
                * rule.window().getSeconds()
                / rule.historySpan().getSeconds();
    double expected = Math.max(rule.minimumExpected(), perWindow);
    double tail = Poisson.upperTail(observed, expected);
    boolean suggests = observed >= rule.minimumCount() && tail < rule.threshold();
    return new Detection(
        signal,
        windowStart,
        windowEnd,
        observed,
        expected,
        tail,
        weeks,
        (int) Math.min(Integer.MAX_VALUE, historyCount),
        suggests);
  }

  /**
   * Counts by signal as running totals over their sorted bucket starts (epoch seconds), so that the
   * count of any span is two binary searches, however long the history; repeated buckets add up.
   */
  private final class Counts {
    private final Map<Signal, long[]> starts = new EnumMap<>(Signal.class);
    private final Map<Signal, long[]> totals = new EnumMap<>(Signal.class);

    Counts(Collection<SignalCount> counts) {
      Map<Signal, TreeMap<Long, Long>> bySignal = new EnumMap<>(Signal.class);
      for (SignalCount count : counts) {
        if (!rule.isBucketStart(count.bucketStart())) {
          throw new IllegalArgumentException(
              "Bucket "
                  + count.bucketStart()
                  + " does not start on a "
                  + rule.bucket().toMinutes()
                  + "-minute boundary");
        }
        bySignal
            .computeIfAbsent(count.signal(), s -> new TreeMap<>())
            .merge(count.bucketStart().getEpochSecond(), (long) count.count(), Long::sum);
      }
      bySignal.forEach(
          (signal, buckets) -> {
            long[] keys = new long[buckets.size()];
            long[] running = new long[buckets.size() + 1];
            int i = 0;
            for (Map.Entry<Long, Long> bucket : buckets.entrySet()) {
              keys[i] = bucket.getKey();
              running[i + 1] = running[i] + bucket.getValue();
              i++;
            }
            starts.put(signal, keys);
            totals.put(signal, running);
          });
    }

    /** Findings in buckets starting in [from, to). */
    int sum(Signal signal, Instant from, Instant to) {
      long[] keys = starts.get(signal);
      if (keys == null) {
        return 0;
      }
      long[] running = totals.get(signal);
      long total =
          running[firstAtOrAfter(keys, to.getEpochSecond())]
              - running[firstAtOrAfter(keys, from.getEpochSecond())];
      return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private static int firstAtOrAfter(long[] keys, long value) {
      int found = Arrays.binarySearch(keys, value);
      return found >= 0 ? found : -found - 1;
    }
  }
}
