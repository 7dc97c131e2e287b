package io.backupdesk.tools.generator;

import java.util.List;
import java.util.SplittableRandom;

/** Weighted choices and the few random shapes the simulation needs. */
final class Weights {
  private Weights() {}

  static double[] cumulative(List<Double> weights) {
    double[] cumulative = new double[weights.size()];
    double sum = 0;
    for (int i = 0; i < cumulative.length; i++) {
      sum += Math.max(0, weights.get(i));
      cumulative[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("At least one weight must be positive");
    }
    return cumulative;
  }

  static int pick(double[] cumulative, SplittableRandom random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /** Index into {@code weights}, which need not be normalised; all zero gives -1. */
  static int pick(double[] weights, int from, SplittableRandom random) {
    double sum = 0;
    for (int i = from; i < weights.length; i++) {
      sum += weights[i];
    }
    if (sum <= 0) {
      return -1;
    }
    double u = random.nextDouble() * sum;
    for (int i = from; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static boolean chance(SplittableRandom random, double share) {
    return random.nextDouble() < share;
  }

  /** Seconds around {@code typical}, skewed right like real handling times (log-normal). */
  static long around(SplittableRandom random, double typical, double spread) {
    double z = gaussian(random);
    return Math.max(1, Math.round(typical * Math.exp(spread * z)));
  }

  static long between(SplittableRandom random, long low, long high) {
    return low >= high ? low : low + random.nextLong(high - low + 1);
  }

  static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  static double exponential(SplittableRandom random, double mean) {
    return -mean * Math.log(1.0 - random.nextDouble());
  }
}
