package io.backupdesk.web.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted in log-spaced buckets (the summaries' {@code report_bucket}): from 1 s up,
 * bucket b holds [1.02^b, 1.02^(b+1)) seconds; below 1 s, bucket b (-100 to -1) holds 0.01 s from
 * (b + 100) / 100. Histograms of any days, models or agents add up bucket by bucket, which is what
 * lets a percentile over any period come from the summaries. Each bucket also knows the smallest
 * and largest value it has counted.
 *
 * <p>A percentile is {@code percentile_cont}'s: linear interpolation between the values at the two
 * ranks around q * (n - 1). A value is exact when its bucket's smallest and largest values are
 * equal (always so for few, distinct values); otherwise it is read as the point of the bucket's
 * range (narrowed to [smallest, largest]) whose relative distance to both ends is equal: at most
 * (1.02 - 1) / (1.02 + 1) = 0.99% off (0.005 s below 1 s). An interpolation between two such values
 * is off by at most as much. The result is rounded to 0.1 s as PostgreSQL rounds {@code
 * round(percentile_cont(...)::numeric, 1)}.
 */
final class ReportHistogram {

  static final double GROWTH = 1.02;

  /** The largest relative error of a value read from a bucket: (1.02 - 1) / (1.02 + 1). */
  static final double RELATIVE_ERROR = (GROWTH - 1) / (GROWTH + 1);

  /** The largest absolute error below one second. */
  static final double SUB_SECOND_ERROR = 0.005;

  private record Bucket(long count, double min, double max) {}

  private final TreeMap<Integer, Bucket> buckets = new TreeMap<>();
  private long total;

  /** Adds {@code n} values of a bucket whose smallest and largest are {@code min}, {@code max}. */
  void add(int bucket, long n, Double min, Double max) {
    double low = min == null ? lower(bucket) : min;
    double high = max == null ? upper(bucket) : max;
    buckets.merge(
        bucket,
        new Bucket(n, low, high),
        (a, b) -> new Bucket(a.count + b.count, Math.min(a.min, b.min), Math.max(a.max, b.max)));
    total += n;
  }

  long total() {
    return total;
  }

  /** The bucket that {@code report_bucket} gives a duration. */
  static int bucket(double seconds) {
    if (seconds < 1) {
      return (int) Math.floor(Math.max(seconds, 0) * 100) - 100;
    }
    return (int) Math.floor(Math.log(seconds) / Math.log(GROWTH));
  }

  static double lower(int bucket) {
    return bucket < 0 ? (bucket + 100) / 100.0 : Math.pow(GROWTH, bucket);
  }

  static double upper(int bucket) {
    return bucket < 0 ? (bucket + 101) / 100.0 : Math.pow(GROWTH, bucket + 1);
  }

  /** The value a bucket stands for, its range narrowed to the values counted in it. */
  static double value(int bucket, double min, double max) {
    double low = Math.max(lower(bucket), min);
    double high = Math.min(upper(bucket), max);
    if (low >= high) {
      return min == max ? min : low;
    }
    if (bucket < 0 || low <= 0) {
      return (low + high) / 2;
    }
    return 2 * low * high / (low + high);
  }

  /** The q-quantile (0 to 1) in seconds, rounded to 0.1 s; {@code null} when empty. */
  BigDecimal percentile(double q) {
    if (total == 0) {
      return null;
    }
    double position = q * (total - 1);
    long below = (long) Math.floor(position);
    long above = (long) Math.ceil(position);
    double low = valueAt(below);
    double high = above == below ? low : valueAt(above);
    double value = low + (position - below) * (high - low);
    // As PostgreSQL turns a double into numeric (15 significant digits), then rounds half up.
    return new BigDecimal(value)
        .round(new MathContext(15, RoundingMode.HALF_EVEN))
        .setScale(1, RoundingMode.HALF_UP);
  }

  /** The value at this 0-based rank. */
  private double valueAt(long rank) {
    long seen = 0;
    for (Map.Entry<Integer, Bucket> entry : buckets.entrySet()) {
      var bucket = entry.getValue();
      seen += bucket.count;
      if (rank < seen) {
        return value(entry.getKey(), bucket.min, bucket.max);
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond " + total);
  }
}
