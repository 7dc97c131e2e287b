package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Learns, from recorded walks in any order, each segment's step figures and its best allowed order.
 * See the package documentation for the method and its assumptions.
 */
public final class StepOrderLearner {
  private static final double LOW = 0.025;
  private static final double HIGH = 0.975;

  private final Playbook playbook;
  private final LearningSettings settings;
  private final List<String> keys;
  private final Map<String, Integer> position = new HashMap<>();

  public StepOrderLearner(Playbook playbook, LearningSettings settings) {
    this.playbook = Objects.requireNonNull(playbook, "playbook");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.keys = playbook.steps().stream().map(PlaybookStep::key).toList();
    if (keys.size() > OrderSearch.MAX_STEPS) {
      throw new IllegalArgumentException(
          "The learner orders at most " + OrderSearch.MAX_STEPS + " steps, not " + keys.size());
    }
    for (int i = 0; i < keys.size(); i++) {
      position.put(keys.get(i), i);
    }
  }

  /**
   * Trains model {@code version} on the walks started in {@code [from, to)}; walks outside the
   * window are left out, walks naming a step this playbook does not have are counted as ignored.
   */
  public LearnedModel train(
      int version, Collection<WalkRecord> walks, Instant from, Instant to, Instant trainedAt) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("A data window starts before it ends");
    }
    Map<Segment, SegmentTally> tallies = new LinkedHashMap<>();
    tallies.put(Segment.ALL, new SegmentTally(Segment.ALL, keys.size()));
    // Reading the device catalogue for every walk would dominate the training time.
    Map<Device, List<Segment>> chains = new HashMap<>();
    int used = 0;
    int ignored = 0;
    for (WalkRecord walk : walks) {
      if (walk.startedAt().isBefore(from) || !walk.startedAt().isBefore(to)) {
        continue;
      }
      int[] index = indexOf(walk);
      if (index == null) {
        ignored++;
        continue;
      }
      used++;
      for (Segment segment : chains.computeIfAbsent(walk.device(), Segment::chainFor)) {
        tallies.computeIfAbsent(segment, s -> new SegmentTally(s, keys.size())).add(walk, index);
      }
    }
    List<SegmentTally> ordered = new ArrayList<>(tallies.values());
    // Parents before children: all phones, then families, then models.
    ordered.sort(
        Comparator.<SegmentTally>comparingInt(tally -> depth(tally.segment))
            .thenComparing(tally -> tally.segment.key()));
    Map<Segment, Posterior> posteriors = new HashMap<>();
    var estimates = new ArrayList<SegmentEstimate>();
    for (SegmentTally tally : ordered) {
      Posterior parent = tally.segment.parent().map(posteriors::get).orElse(null);
      Posterior posterior = estimate(tally, parent);
      posteriors.put(tally.segment, posterior);
      if (tally.segment.equals(Segment.ALL) || tally.walks >= settings.minWalksForSegment()) {
        estimates.add(summarise(tally, posterior));
      }
    }
    return new LearnedModel(
        version, playbook.version(), trainedAt, from, to, used, ignored, settings, estimates);
  }

  private int[] indexOf(WalkRecord walk) {
    int[] index = new int[walk.steps().size()];
    for (int k = 0; k < index.length; k++) {
      Integer i = position.get(walk.steps().get(k).stepKey());
      if (i == null) {
        return null;
      }
      index[k] = i;
    }
    return index;
  }

  private static int depth(Segment segment) {
    return segment.family() == null ? 0 : segment.model() == null ? 1 : 2;
  }

  /** A segment's figures before they are summarised, kept as the prior of its children. */
  private record Posterior(
      double[] shares,
      double[] precision,
      double[] checkMinutes,
      double[] minutesIfResolved,
      double[] minutesIfFixFails,
      double[] paidIfResolved,
      double[] paidIfFixFails) {}

  private Posterior estimate(SegmentTally tally, Posterior parent) {
    int n = keys.size();
    int categories = tally.categories();
    double[] prior = new double[categories];
    double strength;
    if (parent == null) {
      strength = settings.globalPriorStrength();
      // Weak and even: half of the prior on "a step ends it", split over the steps; the rest on
      // "a fix fails" and "none of them".
      for (int i = 0; i < n; i++) {
        prior[i] = strength / (2.0 * n);
        prior[n + i] = strength / (4.0 * n);
      }
      prior[2 * n] = strength / 4;
    } else {
      strength = settings.segmentPriorStrength();
      for (int c = 0; c < categories; c++) {
        // A share the parent puts at exactly 0 would rule the category out for good: keep a sliver.
        prior[c] = Math.max(strength * parent.shares[c], 1e-9);
      }
    }
    double[] shares = CauseShares.estimate(prior, tally.observations);
    double[] precision = new double[n];
    double[] check = new double[n];
    double[] resolvedMinutes = new double[n];
    double[] failedMinutes = new double[n];
    double[] paidResolved = new double[n];
    double[] paidFailed = new double[n];
    for (int i = 0; i < n; i++) {
      precision[i] = strength + tally.settled(i);
      check[i] =
          shrunkMinutes(
              tally.checkMinutes[i],
              parent == null ? settings.defaultCheckMinutes() : parent.checkMinutes[i]);
      resolvedMinutes[i] =
          shrunkMinutes(
              tally.minutesIfResolved[i],
              parent == null ? settings.defaultFixMinutes() : parent.minutesIfResolved[i]);
      failedMinutes[i] =
          shrunkMinutes(
              tally.minutesIfFixFails[i],
              parent == null ? settings.defaultFixMinutes() : parent.minutesIfFixFails[i]);
      paidResolved[i] =
          shrunkShare(
              tally.paidIfResolved[i],
              tally.resolutions[i],
              parent == null ? 0 : parent.paidIfResolved[i],
              strength);
      paidFailed[i] =
          shrunkShare(
              tally.paidIfFixFails[i],
              tally.failedFixes[i],
              parent == null ? 0 : parent.paidIfFixFails[i],
              strength);
    }
    return new Posterior(
        shares, precision, check, resolvedMinutes, failedMinutes, paidResolved, paidFailed);
  }

  private double shrunkMinutes(Samples samples, double parentValue) {
    if (samples.size() == 0) {
      return parentValue;
    }
    double own = samples.winsorizedMean(settings.winsorizeShare());
    double k = settings.timePriorStrength();
    return (samples.size() * own + k * parentValue) / (samples.size() + k);
  }

  private static double shrunkShare(int hits, int trials, double parentShare, double strength) {
    return (hits + strength * parentShare) / (trials + strength);
  }

  private SegmentEstimate summarise(SegmentTally tally, Posterior posterior) {
    int n = keys.size();
    var steps = new ArrayList<StepEstimate>(n);
    for (int i = 0; i < n; i++) {
      double p = posterior.shares[i];
      double precision = posterior.precision[i];
      double a = Math.max(p * precision, 1e-9);
      double b = Math.max((1 - p) * precision, 1e-9);
      steps.add(
          new StepEstimate(
              keys.get(i),
              Estimate.around(
                  p, BetaDistribution.quantile(a, b, LOW), BetaDistribution.quantile(a, b, HIGH)),
              posterior.shares[n + i],
              tally.trials[i],
              tally.resolutions[i],
              tally.failedFixes[i],
              posterior.checkMinutes[i],
              posterior.minutesIfResolved[i],
              posterior.minutesIfFixFails[i],
              posterior.paidIfResolved[i],
              posterior.paidIfFixFails[i]));
    }
    Segment segment = tally.segment;
    ExpectedCost cost = SegmentEstimate.expectedCost(steps, playbook, settings.costs());
    StepOrder learned = OrderSearch.best(playbook, cost);
    return new SegmentEstimate(
        segment.key(),
        segment.label(),
        segment.parent().map(Segment::key).orElse(null),
        tally.walks,
        tally.resolved,
        tally.escalated,
        tally.stopped,
        steps,
        learned,
        cost.forecast(StepOrder.article(playbook)),
        cost.forecast(learned));
  }
}
