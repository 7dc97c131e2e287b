package io.backupdesk.tools.generator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When tickets arrive and when Apple's iCloud Backup service is down. Arrivals follow office hours
 * and weekdays, and triple during an outage; they come out in time order, one hour at a time, so a
 * million tickets never sit in memory.
 */
final class Schedule {
  /** Relative call volume per UTC hour of the day. */
  private static final double[] HOURS = {
    0.15, 0.12, 0.1, 0.1, 0.12, 0.2, 0.35, 0.55, 0.9, 1.0, 1.0, 1.0, 0.9, 0.9, 1.0, 1.0, 1.0, 0.95,
    0.8, 0.7, 0.6, 0.45, 0.3, 0.2
  };

  private static final double OUTAGE_BOOST = 3.0;

  /** An outage of Apple's service, [start, end) in epoch seconds. */
  record Outage(long start, long end) {}

  private final List<Outage> outages;
  private final long from;
  private final double[] hourWeights;
  private final SplittableRandom random;
  private int remaining;
  private double remainingWeight;
  private int hour = -1;
  private long[] inHour = new long[0];
  private int nextInHour;

  Schedule(GeneratorSettings settings, SplittableRandom random) {
    this.random = random;
    this.from = settings.from().getEpochSecond();
    long to = settings.to().getEpochSecond();
    this.outages = placeOutages(settings, random);
    int hours = (int) ((to - from + 3599) / 3600);
    hourWeights = new double[hours];
    for (int h = 0; h < hours; h++) {
      long start = from + h * 3600L;
      long end = Math.min(to, start + 3600);
      var utc = Instant.ofEpochSecond(start).atOffset(ZoneOffset.UTC);
      double weight = HOURS[utc.getHour()] * weekday(utc.getDayOfWeek());
      double outageShare = overlap(start, end) / 3600.0;
      hourWeights[h] = weight * (end - start) / 3600.0 * (1 + (OUTAGE_BOOST - 1) * outageShare);
      remainingWeight += hourWeights[h];
    }
    remaining = settings.tickets();
  }

  private static double weekday(DayOfWeek day) {
    return switch (day) {
      case MONDAY -> 1.15;
      case FRIDAY -> 0.95;
      case SATURDAY -> 0.6;
      case SUNDAY -> 0.5;
      default -> 1.0;
    };
  }

  private static List<Outage> placeOutages(GeneratorSettings settings, SplittableRandom random) {
    long from = settings.from().getEpochSecond();
    long to = settings.to().getEpochSecond();
    long until = settings.until().getEpochSecond();
    // A showcase keeps the last day for its own outage, so recent tickets stay predictable.
    long end = settings.showcase() ? to - 86_400 : to;
    var placed = new ArrayList<Outage>();
    for (int i = 0; i < settings.outageWindows(); i++) {
      for (int tries = 0; tries < 20; tries++) {
        long length = Weights.between(random, 2 * 3600, 7 * 3600);
        if (end - from <= length) {
          break;
        }
        long start = from + random.nextLong(end - from - length);
        var outage = new Outage(start, start + length);
        if (placed.stream()
            .noneMatch(
                o -> o.start() < outage.end() + 86_400 && outage.start() < o.end() + 86_400)) {
          placed.add(outage);
          break;
        }
      }
    }
    if (settings.showcase()) {
      placed.add(new Outage(until - 7 * 3600, until - 2 * 3600));
    }
    placed.sort((a, b) -> Long.compare(a.start(), b.start()));
    return List.copyOf(placed);
  }

  private double overlap(long start, long end) {
    double seconds = 0;
    for (Outage o : outages) {
      seconds += Math.max(0, Math.min(end, o.end()) - Math.max(start, o.start()));
    }
    return seconds;
  }

  List<Outage> outages() {
    return outages;
  }

  /** The outage going on at {@code at}, or null. */
  Outage outageAt(Instant at) {
    long s = at.getEpochSecond();
    for (Outage o : outages) {
      if (s >= o.start() && s < o.end()) {
        return o;
      }
    }
    return null;
  }

  /** The next ticket's arrival, in epoch seconds; never earlier than the one before. */
  long next() {
    while (nextInHour >= inHour.length) {
      hour++;
      if (hour >= hourWeights.length) {
        throw new IllegalStateException("More arrivals asked for than tickets scheduled");
      }
      int count = hour == hourWeights.length - 1 ? remaining : share(remaining, hourWeights[hour]);
      remaining -= count;
      remainingWeight -= hourWeights[hour];
      inHour = new long[count];
      long start = from + hour * 3600L;
      for (int i = 0; i < count; i++) {
        inHour[i] = start + random.nextInt(3600);
      }
      Arrays.sort(inHour);
      nextInHour = 0;
    }
    return inHour[nextInHour++];
  }

  /** How many of {@code n} remaining tickets fall into an hour: a binomial draw. */
  private int share(int n, double weight) {
    if (n == 0 || weight <= 0) {
      return 0;
    }
    double p = Math.min(1.0, weight / Math.max(remainingWeight, weight));
    double mean = n * p;
    if (mean > 30 && n * (1 - p) > 30) {
      double draw = mean + Math.sqrt(mean * (1 - p)) * Weights.gaussian(random);
      return (int) Math.max(0, Math.min(n, Math.round(draw)));
    }
    int count = 0;
    if (p > 0.5) {
      for (int i = 0; i < n; i++) {
        if (random.nextDouble() < p) {
          count++;
        }
      }
      return count;
    }
    // Geometric jumps between successes: cheap when p is small.
    double logQ = Math.log(1 - p);
    for (long position = -1; ; ) {
      position += 1 + (long) Math.floor(Math.log(1 - random.nextDouble()) / logQ);
      if (position >= n) {
        return count;
      }
      count++;
    }
  }
}
