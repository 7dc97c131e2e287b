package io.backupdesk.diagnostics.order;

import java.util.Arrays;

/** Recorded minutes of one kind, kept to average them robustly. */
final class Samples {
  private double[] values = new double[16];
  private int size;

  void add(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  /**
   * The mean after pulling the lowest and highest {@code share} of the values in to the nearest
   * kept one. A mean, not a median, because expected minutes add up means; winsorised, because one
   * forgotten clock should not move it.
   */
  double winsorizedMean(double share) {
    if (size == 0) {
      throw new IllegalStateException("No values to average");
    }
    double[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int cut = (int) Math.floor(share * size);
    double low = sorted[cut];
    double high = sorted[size - 1 - cut];
    double sum = 0;
    for (double value : sorted) {
      sum += Math.min(high, Math.max(low, value));
    }
    return sum / size;
  }
}
