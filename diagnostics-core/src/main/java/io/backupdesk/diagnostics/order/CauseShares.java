package io.backupdesk.diagnostics.order;

import java.util.Map;

/**
 * The share of cases in each category of the one-fault model, from walks that each rule out some
 * categories. Under one fault a case has one cause: at a step whose fix works (the step ends the
 * case), at a step whose fix fails (the case walks on and escalates), or at none of the steps. A
 * walk that ended at step i says it is "i, fix works"; a walk that did steps without finding
 * anything and then stopped says only that it is none of those steps. This is a multinomial with
 * set-valued (censored) observations, estimated by the self-consistency (EM) algorithm of Turnbull
 * (1976): each walk is spread over the steps it leaves possible in proportion to their current
 * shares, until the shares stop moving. Dirichlet pseudo-cases {@code prior} are added in each
 * round, so the result is the posterior mode under Dirichlet(prior + 1): with no walks it is the
 * prior's mean, with many it is the nonparametric maximum likelihood estimate, and for walks all in
 * one order it is the familiar product-limit (Kaplan-Meier) estimate.
 */
final class CauseShares {
  private static final int MAX_ROUNDS = 20_000;
  private static final double TOLERANCE = 1e-12;

  private CauseShares() {}

  /**
   * @param prior Dirichlet pseudo-cases per category (all above 0); categories as {@link
   *     SegmentTally} numbers them (any number up to 63)
   * @param observations bit set of the categories a walk leaves possible, with how many walks
   */
  static double[] estimate(double[] prior, Map<Long, Long> observations) {
    int categories = prior.length;
    if (categories > Long.SIZE - 1) {
      throw new IllegalArgumentException("At most 63 categories, not " + categories);
    }
    double priorTotal = 0;
    for (double alpha : prior) {
      if (!(alpha > 0)) {
        throw new IllegalArgumentException("Prior pseudo-cases are above 0");
      }
      priorTotal += alpha;
    }
    long total = 0;
    long[] masks = new long[observations.size()];
    long[] counts = new long[observations.size()];
    int index = 0;
    for (Map.Entry<Long, Long> entry : observations.entrySet()) {
      masks[index] = entry.getKey();
      counts[index] = entry.getValue();
      total += counts[index];
      index++;
    }
    double[] shares = new double[categories];
    for (int k = 0; k < categories; k++) {
      shares[k] = prior[k] / priorTotal;
    }
    double[] expected = new double[categories];
    for (int round = 0; round < MAX_ROUNDS; round++) {
      System.arraycopy(prior, 0, expected, 0, categories);
      for (int o = 0; o < masks.length; o++) {
        double possible = 0;
        for (int k = 0; k < categories; k++) {
          if ((masks[o] & 1L << k) != 0) {
            possible += shares[k];
          }
        }
        for (int k = 0; k < categories; k++) {
          if ((masks[o] & 1L << k) != 0) {
            expected[k] += counts[o] * shares[k] / possible;
          }
        }
      }
      double change = 0;
      for (int k = 0; k < categories; k++) {
        double next = expected[k] / (priorTotal + total);
        change = Math.max(change, Math.abs(next - shares[k]));
        shares[k] = next;
      }
      if (change < TOLERANCE) {
        break;
      }
    }
    return shares;
  }
}
