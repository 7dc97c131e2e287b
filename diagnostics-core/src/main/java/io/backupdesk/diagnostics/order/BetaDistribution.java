package io.backupdesk.diagnostics.order;

/**
 * Quantiles of the Beta distribution, for credible intervals of chances. Plain Java (the core has
 * no numerics library): the regularised incomplete beta function by its continued fraction (Lentz's
 * method), inverted by bisection; for very large counts the normal approximation, which is then
 * exact to far more digits than anyone reads.
 */
final class BetaDistribution {
  private static final double LARGE = 5_000;
  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };

  private BetaDistribution() {}

  /** The {@code q}-quantile of Beta(a, b), a and b above 0. */
  static double quantile(double a, double b, double q) {
    if (!(a > 0 && b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
      throw new IllegalArgumentException("Beta parameters are above 0: " + a + ", " + b);
    }
    if (!(q > 0 && q < 1)) {
      throw new IllegalArgumentException("A quantile level is between 0 and 1, not " + q);
    }
    if (a > LARGE && b > LARGE) {
      double n = a + b;
      double mean = a / n;
      double sd = Math.sqrt(a * b / (n * n * (n + 1)));
      return Math.min(1, Math.max(0, mean + NormalDistribution.quantile(q) * sd));
    }
    double low = 0;
    double high = 1;
    for (int i = 0; i < 200 && high - low > 1e-13; i++) {
      double mid = (low + high) / 2;
      if (cdf(mid, a, b) < q) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return (low + high) / 2;
  }

  /** P(X <= x) for X ~ Beta(a, b). */
  static double cdf(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front =
        Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
    if (x < (a + 1) / (a + b + 2)) {
      return front * continuedFraction(x, a, b) / a;
    }
    return 1 - front * continuedFraction(1 - x, b, a) / b;
  }

  private static double continuedFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 100_000; m++) {
      int m2 = 2 * m;
      double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + even * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + even / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      h *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + odd * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + odd / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-15) {
        break;
      }
    }
    return h;
  }

  /** ln Gamma(x) for x above 0 (Lanczos, g = 7). */
  static double lnGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
