package io.backupdesk.diagnostics.order;

/**
 * A learned figure with its 95% interval: a credible interval for a chance, a bootstrap confidence
 * interval for an off-policy value.
 */
public record Estimate(double value, double low, double high) {
  public Estimate {
    if (Double.isNaN(value) || Double.isNaN(low) || Double.isNaN(high) || low > high) {
      throw new IllegalArgumentException(
          "An estimate needs a value and an interval low <= high: "
              + value
              + " ["
              + low
              + ", "
              + high
              + "]");
    }
  }

  /** The interval widened, if need be, to contain the value: never narrower than computed. */
  static Estimate around(double value, double low, double high) {
    return new Estimate(value, Math.min(low, value), Math.max(high, value));
  }

  public boolean contains(double x) {
    return x >= low && x <= high;
  }

  public double width() {
    return high - low;
  }
}
