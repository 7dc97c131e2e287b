package io.backupdesk.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Percentiles from bucket counts against percentile_cont over the exact values. */
class ReportHistogramTest {

  @Test
  void percentilesStayWithinTheDocumentedBoundOfTheExactOnes() {
    var random = new Random(3);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(round < 100 ? 20 : 5_000);
      double[] values = new double[n];
      // Sub-second steps, minutes-long steps, days-long resolutions, microsecond precision.
      double scale = new double[] {0.8, 120, 400_000}[round % 3];
      for (int i = 0; i < n; i++) {
        values[i] = Math.round(scale * Math.exp(random.nextGaussian()) * 1e6) / 1e6;
      }
      var histogram = histogram(values);
      for (double q : new double[] {0.5, 0.9}) {
        double exact = percentileCont(values, q);
        double got = histogram.percentile(q).doubleValue();
        double bound =
            Math.max(exact * ReportHistogram.RELATIVE_ERROR, ReportHistogram.SUB_SECOND_ERROR)
                + 0.1
                + 1e-9;
        assertThat(Math.abs(got - exact))
            .as("n=%d q=%s exact=%s", n, q, exact)
            .isLessThanOrEqualTo(bound);
      }
    }
    assertThat(ReportHistogram.RELATIVE_ERROR).isLessThan(0.01);
  }

  @Test
  void valuesAloneInTheirBucketsGiveTheExactPercentile() {
    // The hand-worked step times of ReportResourceTest, step 1: median 210, p90 390.
    var histogram = histogram(new double[] {60, 60, 120, 180, 240, 240, 300, 600});
    assertThat(histogram.percentile(0.5)).isEqualByComparingTo("210.0");
    assertThat(histogram.percentile(0.9)).isEqualByComparingTo("390.0");
  }

  @Test
  void noValuesNoPercentile() {
    assertThat(new ReportHistogram().percentile(0.5)).isNull();
  }

  private static ReportHistogram histogram(double[] values) {
    var histogram = new ReportHistogram();
    for (double v : values) {
      histogram.add(ReportHistogram.bucket(v), 1, v, v);
    }
    return histogram;
  }

  /** PostgreSQL's percentile_cont, rounded to 0.1 s as the reports round it. */
  private static double percentileCont(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    double value = sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    return new BigDecimal(value)
        .round(new MathContext(15, RoundingMode.HALF_EVEN))
        .setScale(1, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
