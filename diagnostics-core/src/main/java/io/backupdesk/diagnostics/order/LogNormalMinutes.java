package io.backupdesk.diagnostics.order;

import java.util.random.RandomGenerator;

/**
 * How long something takes, as a lognormal distribution of minutes: most calls near the median, a
 * long tail of slow ones. {@code spread} is the standard deviation of the log (0.5 puts two calls
 * in three within a factor of 1.65 of the median). A median of 0 means "takes no time".
 */
public record LogNormalMinutes(double median, double spread) {
  public LogNormalMinutes {
    if (!(median >= 0) || Double.isInfinite(median)) {
      throw new IllegalArgumentException("A median of minutes is 0 or more, not " + median);
    }
    if (!(spread >= 0) || spread > 3) {
      throw new IllegalArgumentException("A spread is between 0 and 3, not " + spread);
    }
  }

  /** The mean, which is what expected minutes add up: {@code median * exp(spread^2 / 2)}. */
  public double mean() {
    return median * Math.exp(spread * spread / 2);
  }

  public double draw(RandomGenerator random) {
    return median == 0 ? 0 : median * Math.exp(spread * random.nextGaussian());
  }
}
