package io.backupdesk.diagnostics.incident;

/**
 * The Poisson distribution's upper tail, P(X ≥ k) for a mean λ: how likely at least k findings are
 * when λ are expected by chance. Summed in log space from the largest term so that probabilities
 * far below {@code Double.MIN_VALUE} still compare correctly and nothing overflows.
 */
public final class Poisson {
  private static final int TABLE = 256;
  private static final double[] LOG_FACTORIAL = new double[TABLE];
  private static final double EPSILON = 1e-17;

  static {
    for (int n = 2; n < TABLE; n++) {
      LOG_FACTORIAL[n] = LOG_FACTORIAL[n - 1] + Math.log(n);
    }
  }

  private Poisson() {}

  /** P(X ≥ k) for X ~ Poisson(mean). */
  public static double upperTail(int k, double mean) {
    return Math.exp(logUpperTail(k, mean));
  }

  /** ln P(X ≥ k) for X ~ Poisson(mean); negative infinity when impossible (mean 0, k ≥ 1). */
  public static double logUpperTail(int k, double mean) {
    if (!(mean >= 0) || Double.isInfinite(mean)) {
      throw new IllegalArgumentException("A Poisson mean is a finite number from 0, not " + mean);
    }
    if (k <= 0) {
      return 0.0;
    }
    if (mean == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (k > mean) {
      // Terms fall from j = k on: sum them relative to the first until the rest, bounded by a
      // geometric series, cannot change the sum.
      double sum = 1;
      double term = 1;
      for (long j = k + 1; ; j++) {
        term *= mean / j;
        sum += term;
        double ratio = mean / (j + 1);
        if (term * ratio / (1 - ratio) <= sum * EPSILON) {
          break;
        }
      }
      return logPmf(k, mean) + Math.log(sum);
    }
    // At or below the mean the tail is large (about one half or more), so 1 - P(X ≤ k-1) loses
    // nothing; the lower sum's terms fall from j = k-1 down to 0.
    double sum = 1;
    double term = 1;
    for (int j = k - 1; j > 0; j--) {
      term *= j / mean;
      sum += term;
      double ratio = (j - 1) / mean;
      if (ratio < 1 && term * ratio / (1 - ratio) <= sum * EPSILON) {
        break;
      }
    }
    double logLower = logPmf(k - 1, mean) + Math.log(sum);
    return Math.log1p(-Math.exp(Math.min(logLower, 0)));
  }

  /** ln P(X = k). */
  public static double logPmf(int k, double mean) {
    if (k < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (mean == 0) {
      return k == 0 ? 0 : Double.NEGATIVE_INFINITY;
    }
    return -mean + k * Math.log(mean) - logFactorial(k);
  }

  /** ln n!, exact to double precision: a table below 256, Stirling's series above. */
  static double logFactorial(int n) {
    if (n < TABLE) {
      return LOG_FACTORIAL[n];
    }
    double x = n;
    double inv = 1 / x;
    double inv2 = inv * inv;
    return x * Math.log(x)
        - x
        + 0.5 * Math.log(2 * Math.PI * x)
        + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
  }
}
