package io.backupdesk.tools.generator;

import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.OrderPolicy;
import io.backupdesk.diagnostics.order.CaseSimulator;
import io.backupdesk.diagnostics.order.CostWeights;
import io.backupdesk.diagnostics.order.ExpectedCost;
import io.backupdesk.diagnostics.order.GroundTruth;
import io.backupdesk.diagnostics.order.LearnedModel;
import io.backupdesk.diagnostics.order.LearningSettings;
import io.backupdesk.diagnostics.order.OffPolicyEvaluation;
import io.backupdesk.diagnostics.order.OrderSuggestions;
import io.backupdesk.diagnostics.order.PolicyComparison;
import io.backupdesk.diagnostics.order.SegmentEstimate;
import io.backupdesk.diagnostics.order.StepOrderLearner;
import io.backupdesk.diagnostics.order.TargetPolicy;
import io.backupdesk.diagnostics.order.WalkRecord;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The step-order benchmark ({@code bench/step-order.sh}): trains the core's learner on generated
 * history of several sizes, then judges the learned orders on held-out customers drawn from the
 * same ground truth, against the article's order and the oracle (the best allowed order under the
 * truth itself). Everything runs in memory through the core; no database.
 *
 * <p>Two kinds of figures: <em>exact</em> expected minutes per case (the truth's own expected-cost
 * formula, averaged over the held-out customers' phones: no sampling noise in the outcome, only in
 * the phone mix) and <em>simulated</em> means over the held-out customers with 95% intervals. Each
 * held-out customer is played under the three orders with the same random stream, so the cause and
 * whether its fix works are the same in all three and the differences are paired.
 */
public final class StepOrderBench {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");
  private static final double Z = 1.959964;

  private final Playbook playbook = Playbooks.standard().current();
  private final GroundTruth truth;
  private final String truthSource;
  private final CostWeights weights = CostWeights.DEFAULT;
  private final Phones phones = new Phones(DeviceCatalog.standard());
  private final double exploreShare;
  private final double leaveChance;
  private final int heldOut;
  private final int liveCases;
  private final long seed;
  private int coverageRuns = 20;

  private StepOrderBench(
      GroundTruth truth,
      String truthSource,
      double exploreShare,
      double leaveChance,
      int heldOut,
      int liveCases,
      long seed) {
    this.truth = truth;
    this.truthSource = truthSource;
    this.exploreShare = exploreShare;
    this.leaveChance = leaveChance;
    this.heldOut = heldOut;
    this.liveCases = liveCases;
    this.seed = seed;
  }

  /**
   * Arguments as {@code name=value}: {@code sizes=10000,50000,200000}, {@code heldOut=50000},
   * {@code live=50000} (cases in the live exploration log), {@code explore=0.1}, {@code leave=0.02}
   * (chance a customer leaves before each step of the history), {@code seed=1}, {@code
   * truth=path/to/truth.csv} (default: the core's default-truth.csv).
   */
  public static void main(String[] args) throws IOException {
    int[] sizes = {10_000, 50_000, 200_000};
    int heldOut = 50_000;
    int live = 50_000;
    double explore = 0.1;
    double leave = 0.02;
    long seed = 1;
    String truthFile = null;
    int coverageRuns = 20;
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("Arguments are name=value, not '" + arg + "'");
      }
      switch (kv[0]) {
        case "sizes" ->
            sizes =
                Arrays.stream(kv[1].split(","))
                    .mapToInt(s -> Integer.parseInt(s.strip()))
                    .toArray();
        case "heldOut" -> heldOut = Integer.parseInt(kv[1]);
        case "live" -> live = Integer.parseInt(kv[1]);
        case "explore" -> explore = Double.parseDouble(kv[1]);
        case "leave" -> leave = Double.parseDouble(kv[1]);
        case "seed" -> seed = Long.parseLong(kv[1]);
        case "truth" -> truthFile = kv[1].isBlank() ? null : kv[1];
        case "coverageRuns" -> coverageRuns = Integer.parseInt(kv[1]);
        default -> throw new IllegalArgumentException("Unknown argument '" + kv[0] + "'");
      }
    }
    Playbook playbook = Playbooks.standard().current();
    GroundTruth truth =
        DataGenerator.truth(truthFile == null ? null : Path.of(truthFile), playbook);
    String source = truthFile == null ? "the core's default-truth.csv" : truthFile;
    var bench = new StepOrderBench(truth, source, explore, leave, heldOut, live, seed);
    bench.coverageRuns = coverageRuns;
    bench.run(sizes);
  }

  private void run(int[] sizes) {
    out(
        "Step-order benchmark: truth from %s; history under the article's order with %.0f%%"
            + " exploration, %.0f%% of customers leave before each step; %d held-out customers;"
            + " cost weights %s; seed %d",
        truthSource, 100 * exploreShare, 100 * leaveChance, heldOut, weights, seed);
    out("");
    var random = new SplittableRandom(seed);
    // One held-out population for every size, so the sizes differ only in what was learned.
    List<Device> heldOutPhones = new ArrayList<>(heldOut);
    long[] heldOutSeeds = new long[heldOut];
    for (int i = 0; i < heldOut; i++) {
      heldOutPhones.add(device(phones.pick(random)));
      heldOutSeeds[i] = random.nextLong();
    }
    List<WalkRecord> history = new ArrayList<>();
    var historyRandom = random.split();
    LearnedModel last = null;
    for (int size : sizes) {
      // Histories nest: the 50k history holds the 10k one, as a desk's history grows.
      history.addAll(simulateHistory(size - history.size(), historyRandom));
      long started = System.nanoTime();
      LearnedModel model =
          new StepOrderLearner(playbook, LearningSettings.DEFAULT.withCosts(weights))
              .train(1, history, FROM, TO, TO);
      double trainSeconds = (System.nanoTime() - started) / 1e9;
      out(
          "== %,d tickets of history: trained in %.1f s, %d segments kept",
          size, trainSeconds, model.segments().size());
      judge(model, heldOutPhones, heldOutSeeds);
      offPolicy(model, random.split(), true);
      out("");
      last = model;
    }
    if (last != null && coverageRuns > 0) {
      coverage(last, random.split());
    }
    fallback(random.split());
  }

  private List<WalkRecord> simulateHistory(int cases, SplittableRandom random) {
    var simulator = new CaseSimulator(truth, weights, leaveChance);
    var policy = OrderSuggestions.exploringArticle(playbook, exploreShare);
    var walks = new ArrayList<WalkRecord>(cases);
    long window = Duration.between(FROM, TO).toSeconds();
    for (int i = 0; i < cases; i++) {
      Device device = device(phones.pick(random));
      Instant at = FROM.plusSeconds((long) (random.nextDouble() * window));
      walks.add(simulator.play(device, policy.choose(device, random), at, random).walk());
    }
    return walks;
  }

  /** Held-out customers under the article's, the learned and the oracle order. */
  private void judge(LearnedModel model, List<Device> devices, long[] seeds) {
    var simulator = new CaseSimulator(truth, weights, 0);
    StepOrder article = StepOrder.article(playbook);
    int n = devices.size();
    double[][] minutes = new double[3][n];
    double[][] steps = new double[3][n];
    double[][] exactMinutes = new double[3][n];
    double[][] exactCost = new double[3][n];
    for (int i = 0; i < n; i++) {
      Device device = devices.get(i);
      StepOrder[] orders = {
        article, model.learnedOrder(device), truth.oracle(device, weights).order()
      };
      ExpectedCost exact = truth.forDevice(device).expectedCost(playbook, weights);
      for (int k = 0; k < 3; k++) {
        var choice =
            k == 0
                ? OrderChoice.article(playbook)
                : new OrderChoice(orders[k], OrderPolicy.LEARNED, model.version(), 1.0);
        WalkRecord walk = simulator.play(device, choice, TO, new SplittableRandom(seeds[i])).walk();
        minutes[k][i] = walk.minutesToEnd(weights.escalationMinutes());
        steps[k][i] = walk.stepsDone();
        var forecast = exact.forecast(orders[k]);
        exactMinutes[k][i] = forecast.expectedMinutes();
        exactCost[k][i] = forecast.expectedCost();
      }
    }
    String[] names = {"article", "learned", "oracle"};
    out(
        "   %-8s %28s %24s %18s %18s",
        "order", "minutes/case (simulated)", "steps/case", "exact minutes", "exact cost");
    for (int k = 0; k < 3; k++) {
      out(
          "   %-8s %28s %24s %18.3f %18.3f",
          names[k],
          interval(minutes[k]),
          interval(steps[k]),
          mean(exactMinutes[k]),
          mean(exactCost[k]));
    }
    double regretMinutes = mean(exactMinutes[1]) / mean(exactMinutes[2]) - 1;
    double regretCost = mean(exactCost[1]) / mean(exactCost[2]) - 1;
    out(
        "   regret of the learned order against the oracle (exact): %+.2f%% minutes, %+.2f%% cost"
            + " (goal at 200k: within 2%%)",
        100 * regretMinutes, 100 * regretCost);
    out(
        "   simulated minutes saved per case vs the article: learned %s, oracle %s",
        interval(diff(minutes[0], minutes[1])), interval(diff(minutes[0], minutes[2])));
    out(
        "   simulated regret minutes per case (learned - oracle): %s",
        interval(diff(minutes[1], minutes[2])));
    out(
        "   article -> learned gain (exact): %.3f min/case, %.1f%% of the article's minutes",
        mean(exactMinutes[0]) - mean(exactMinutes[1]),
        100 * (1 - mean(exactMinutes[1]) / mean(exactMinutes[0])));
  }

  /**
   * The live estimate: the learned orders with exploration, the off-policy comparison of the
   * learned order against the article's, next to the true gain from the truth.
   */
  /**
   * How often the off-policy interval covers the true gain: fresh live logs for the last model,
   * each judged as above. A 95% interval should cover in about 95% of them.
   */
  private void coverage(LearnedModel model, SplittableRandom random) {
    int covered = 0;
    double sumEstimate = 0;
    double trueGain = 0;
    for (int run = 0; run < coverageRuns; run++) {
      double[] result = offPolicy(model, random.split(), false);
      trueGain = result[1];
      sumEstimate += result[0];
      covered += result[2] > 0 ? 1 : 0;
    }
    out(
        "== Off-policy coverage: %d fresh live logs of %,d cases for the last model: the interval"
            + " covers the true gain (%.3f min/case) in %d of %d; mean estimate %.3f",
        coverageRuns, liveCases, trueGain, covered, coverageRuns, sumEstimate / coverageRuns);
    out("");
  }

  /** {estimate, true gain, 1 if the interval covers it}. */
  private double[] offPolicy(LearnedModel model, SplittableRandom random, boolean print) {
    // Nobody leaves in the live log: the estimate assumes leaving does not depend on the order.
    var simulator = new CaseSimulator(truth, weights, 0);
    var policy = OrderSuggestions.learned(playbook, model, exploreShare);
    var log = new ArrayList<WalkRecord>(liveCases);
    double trueGain = 0;
    StepOrder article = StepOrder.article(playbook);
    for (int i = 0; i < liveCases; i++) {
      Device device = device(phones.pick(random));
      log.add(simulator.play(device, policy.choose(device, random), TO, random).walk());
      ExpectedCost exact = truth.forDevice(device).expectedCost(playbook, weights);
      trueGain +=
          exact.forecast(article).expectedMinutes()
              - exact.forecast(model.learnedOrder(device)).expectedMinutes();
    }
    trueGain /= liveCases;
    PolicyComparison comparison =
        OffPolicyEvaluation.withDefaults(weights)
            .compare(log, TargetPolicy.article(playbook), TargetPolicy.learned(model), random);
    var saved = comparison.minutesSaved();
    boolean covers = saved != null && saved.contains(trueGain);
    double[] result = {saved == null ? Double.NaN : saved.value(), trueGain, covers ? 1 : 0};
    if (!print) {
      return result;
    }
    out(
        "   off-policy (live log of %,d cases, %.0f%% exploring): article %s min (%d walks"
            + " matched, ESS %.0f), learned %s min (%d matched)",
        liveCases,
        100 * exploreShare,
        format(comparison.baseline().minutes()),
        comparison.baseline().matched(),
        comparison.baseline().effectiveSampleSize(),
        format(comparison.candidate().minutes()),
        comparison.candidate().matched());
    out(
        "   off-policy minutes saved per case: %s; true gain %.3f; interval %s the true gain",
        format(saved), trueGain, saved == null ? "cannot judge" : covers ? "covers" : "MISSES");
    return result;
  }

  /**
   * A new model with 20 cases: its order stays near its parent's (shrinkage) rather than chasing
   * the noise of 20 cases; compared with the same data learned with almost no prior.
   */
  private void fallback(SplittableRandom random) {
    Device newcomer = new Device("iPhone 16e", "26.3");
    out(
        "== Fallback: a model with 20 cases (%s on iOS %s) among 50,000 tickets of other phones",
        newcomer.model(), newcomer.iosVersion());
    List<WalkRecord> base = new ArrayList<>();
    var simulator = new CaseSimulator(truth, weights, leaveChance);
    var policy = OrderSuggestions.exploringArticle(playbook, exploreShare);
    while (base.size() < 50_000) {
      Device device = device(phones.pick(random));
      if (device.model().equals(newcomer.model())) {
        continue;
      }
      base.add(simulator.play(device, policy.choose(device, random), FROM, random).walk());
    }
    ExpectedCost exact = truth.forDevice(newcomer).expectedCost(playbook, weights);
    double oracle = truth.oracle(newcomer, weights).expectedCost();
    double parentRegret = 0;
    double shrunkRegret = 0;
    double rawRegret = 0;
    int sameAsParent = 0;
    int runs = 20;
    String example = null;
    for (int run = 0; run < runs; run++) {
      var walks = new ArrayList<>(base);
      for (int i = 0; i < 20; i++) {
        walks.add(simulator.play(newcomer, policy.choose(newcomer, random), FROM, random).walk());
      }
      LearnedModel shrunk =
          new StepOrderLearner(playbook, LearningSettings.DEFAULT.withCosts(weights))
              .train(1, walks, FROM, TO, TO);
      LearnedModel raw =
          new StepOrderLearner(
                  playbook,
                  LearningSettings.DEFAULT.withCosts(weights).withSegmentPriorStrength(0.01))
              .train(1, walks, FROM, TO, TO);
      SegmentEstimate own = shrunk.segmentFor(newcomer);
      SegmentEstimate parent = shrunk.segment(own.parent()).orElseThrow();
      if (own.learnedOrder().equals(parent.learnedOrder())) {
        sameAsParent++;
      }
      parentRegret += exact.forecast(parent.learnedOrder()).expectedCost() / oracle - 1;
      shrunkRegret += exact.forecast(own.learnedOrder()).expectedCost() / oracle - 1;
      rawRegret += exact.forecast(raw.learnedOrder(newcomer)).expectedCost() / oracle - 1;
      if (example == null) {
        example =
            String.format(
                Locale.ROOT,
                "   run 1: segment %s (%d walks): learned %s; parent %s: %s; no prior: %s",
                own.segment(),
                own.walks(),
                own.learnedOrder(),
                parent.segment(),
                parent.learnedOrder(),
                raw.learnedOrder(newcomer));
      }
    }
    out(example);
    out(
        "   over %d runs: the 20-case order equals its parent's in %d; mean regret against the"
            + " oracle: parent's order %+.2f%%, shrunk (prior 50 cases) %+.2f%%, no prior (0.01)"
            + " %+.2f%%",
        runs,
        sameAsParent,
        100 * parentRegret / runs,
        100 * shrunkRegret / runs,
        100 * rawRegret / runs);
  }

  private static Device device(Phones.Phone phone) {
    return new Device(phone.modelName(), phone.ios());
  }

  private static double[] diff(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  /** Mean with its normal-approximation 95% interval. */
  private static String interval(double[] x) {
    double m = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    double half = Z * Math.sqrt(ss / (x.length - 1) / x.length);
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", m, m - half, m + half);
  }

  private static String format(io.backupdesk.diagnostics.order.Estimate e) {
    return e == null
        ? "n/a"
        : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", e.value(), e.low(), e.high());
  }

  private static void out(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
