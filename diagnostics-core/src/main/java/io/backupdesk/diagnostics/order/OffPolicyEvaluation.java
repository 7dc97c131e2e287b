package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Judges a policy for choosing orders on walks logged under another (exploring) policy, without
 * trusting the learned model: self-normalised inverse propensity weighting (SNIPS). Each ended walk
 * gets the weight {@code w = target(order | phone) / propensity}; for a policy that always chooses
 * one order per phone that is {@code 1[order walked = its order] / propensity}. The value is {@code
 * sum w*y / sum w} for minutes to the end and for resolution; the 95% interval is the percentile
 * interval of the same estimate over bootstrap resamples of the walks.
 *
 * <p>Assumptions: the logged propensities are the true probabilities of the orders walked (which
 * {@link OrderSuggestions} records exactly); overlap: every order the target would choose was
 * sometimes walked (otherwise the target is judged only where it was, and an order never walked
 * gets no support at all); whether a walk was abandoned does not depend on its order, because
 * abandoned and open walks are left out; and cases do not change during the log.
 */
public final class OffPolicyEvaluation {
  public static final int DEFAULT_RESAMPLES = 1000;

  private final double escalationMinutes;
  private final int resamples;

  public OffPolicyEvaluation(double escalationMinutes, int resamples) {
    if (!(escalationMinutes >= 0) || Double.isInfinite(escalationMinutes)) {
      throw new IllegalArgumentException("Escalation minutes are 0 or more");
    }
    if (resamples < 10) {
      throw new IllegalArgumentException("At least 10 bootstrap resamples, not " + resamples);
    }
    this.escalationMinutes = escalationMinutes;
    this.resamples = resamples;
  }

  public static OffPolicyEvaluation withDefaults(CostWeights weights) {
    return new OffPolicyEvaluation(weights.escalationMinutes(), DEFAULT_RESAMPLES);
  }

  /** The value of {@code target} from the log. */
  public PolicyValue estimate(List<WalkRecord> log, TargetPolicy target, RandomGenerator random) {
    return compare(log, target, target, random).baseline();
  }

  /** Both policies' values from the same log, and what the candidate saves, paired. */
  public PolicyComparison compare(
      List<WalkRecord> log, TargetPolicy baseline, TargetPolicy candidate, RandomGenerator random) {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(random, "random");
    var ended = new ArrayList<WalkRecord>();
    for (WalkRecord walk : log) {
      if (walk.ending() != WalkEnding.STOPPED) {
        ended.add(walk);
      }
    }
    int n = ended.size();
    double[] minutes = new double[n];
    double[] resolved = new double[n];
    double[] wBase = new double[n];
    double[] wCand = new double[n];
    for (int i = 0; i < n; i++) {
      WalkRecord walk = ended.get(i);
      minutes[i] = walk.minutesToEnd(escalationMinutes);
      resolved[i] = walk.ending() == WalkEnding.RESOLVED ? 1 : 0;
      wBase[i] = weight(walk, baseline);
      wCand[i] = weight(walk, candidate);
    }
    double[][] bootBase = new double[2][resamples];
    double[][] bootCand = new double[2][resamples];
    double[] saved = new double[resamples];
    int kept = 0;
    int keptBase = 0;
    int keptCand = 0;
    int[] draw = new int[n];
    for (int b = 0; b < resamples && n > 0; b++) {
      for (int i = 0; i < n; i++) {
        draw[i] = random.nextInt(n);
      }
      double[] base = snips(draw, wBase, minutes, resolved);
      double[] cand = snips(draw, wCand, minutes, resolved);
      if (base != null) {
        bootBase[0][keptBase] = base[0];
        bootBase[1][keptBase++] = base[1];
      }
      if (cand != null) {
        bootCand[0][keptCand] = cand[0];
        bootCand[1][keptCand++] = cand[1];
      }
      if (base != null && cand != null) {
        saved[kept++] = base[0] - cand[0];
      }
    }
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    PolicyValue baseValue = value(all, wBase, minutes, resolved, bootBase, keptBase);
    PolicyValue candValue = value(all, wCand, minutes, resolved, bootCand, keptCand);
    Estimate minutesSaved = null;
    if (baseValue.supported() && candValue.supported() && kept > 0) {
      minutesSaved =
          interval(
              baseValue.minutes().value() - candValue.minutes().value(),
              Arrays.copyOf(saved, kept));
    }
    return new PolicyComparison(baseValue, candValue, minutesSaved);
  }

  private static double weight(WalkRecord walk, TargetPolicy target) {
    OrderChoice choice = walk.choice();
    return target.probabilityOf(walk.device(), choice.order()) / choice.propensity();
  }

  /** {minutes, resolution rate} over the drawn walks, or null when no weight falls on them. */
  private static double[] snips(int[] draw, double[] w, double[] minutes, double[] resolved) {
    double sumW = 0;
    double sumMinutes = 0;
    double sumResolved = 0;
    for (int i : draw) {
      if (w[i] > 0) {
        sumW += w[i];
        sumMinutes += w[i] * minutes[i];
        sumResolved += w[i] * resolved[i];
      }
    }
    return sumW > 0 ? new double[] {sumMinutes / sumW, sumResolved / sumW} : null;
  }

  private static PolicyValue value(
      int[] all, double[] w, double[] minutes, double[] resolved, double[][] boot, int kept) {
    int matched = 0;
    double sumW = 0;
    double sumW2 = 0;
    for (double weight : w) {
      if (weight > 0) {
        matched++;
        sumW += weight;
        sumW2 += weight * weight;
      }
    }
    double[] point = snips(all, w, minutes, resolved);
    if (point == null || kept == 0) {
      return new PolicyValue(null, null, w.length, matched, 0);
    }
    return new PolicyValue(
        interval(point[0], Arrays.copyOf(boot[0], kept)),
        interval(point[1], Arrays.copyOf(boot[1], kept)),
        w.length,
        matched,
        sumW * sumW / sumW2);
  }

  private static Estimate interval(double point, double[] resampled) {
    Arrays.sort(resampled);
    int last = resampled.length - 1;
    double low = resampled[(int) Math.floor(0.025 * last)];
    double high = resampled[(int) Math.ceil(0.975 * last)];
    return Estimate.around(point, low, high);
  }
}
