package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.playbook.Cost;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.IcloudBackupPlaybook;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepInstructions;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Playbooks, cost figures and walks for the order tests, so each test states only what matters. */
final class OrderTestData {
  static final Playbook PLAYBOOK = IcloudBackupPlaybook.v1();
  static final StepOrder ARTICLE = StepOrder.article(PLAYBOOK);
  static final Device IPHONE_8 = new Device("iPhone 8", "16.7.2");
  static final Device IPHONE_15 = new Device("iPhone 15", "17.6.1");
  static final Instant T0 = Instant.parse("2026-09-01T09:00:00Z");
  static final Instant T1 = Instant.parse("2026-12-01T00:00:00Z");

  private OrderTestData() {}

  /** A playbook of {@code intrusive.length} steps s1..sn, the marked ones intrusive. */
  static Playbook syntheticPlaybook(boolean... intrusive) {
    var steps = new ArrayList<PlaybookStep>();
    for (int i = 0; i < intrusive.length; i++) {
      String key = "s" + (i + 1);
      steps.add(
          new PlaybookStep(
              key,
              i + 1,
              1,
              "Step " + (i + 1),
              "Why it matters.",
              "How to check.",
              new StepInstructions.Common(List.of("Do it.")),
              List.of(new FixOption("fix-" + key, "Fix it", "Fix it so.", false, false, Cost.LOW)),
              intrusive[i] ? Cost.HIGH : Cost.LOW,
              "Risk.",
              false,
              intrusive[i],
              List.of()));
    }
    return new Playbook(1, "Synthetic", steps);
  }

  /** Random figures for a playbook's steps: shares from random weights, minutes and prices. */
  static ExpectedCost randomCost(Playbook playbook, RandomGenerator random) {
    int n = playbook.size();
    double[] weights = new double[n + 1];
    double total = 0;
    for (int i = 0; i <= n; i++) {
      weights[i] = random.nextDouble() < 0.1 ? 0 : -Math.log(1 - random.nextDouble());
      total += weights[i];
    }
    var figures = new ArrayList<StepFigures>();
    for (int i = 0; i < n; i++) {
      double notResolved = 0.2 + random.nextDouble() * 10;
      figures.add(
          new StepFigures(
              playbook.stepNumber(i + 1).key(),
              total == 0 ? 0 : weights[i] / total,
              notResolved,
              notResolved + random.nextDouble() * 20,
              random.nextDouble() < 0.5 ? 0 : random.nextDouble() * 3,
              random.nextDouble() * 5));
    }
    return ExpectedCost.of(figures, random.nextDouble() * 30);
  }

  /** Every permutation of the keys. */
  static List<StepOrder> permutations(List<String> keys) {
    var orders = new ArrayList<StepOrder>();
    permute(new ArrayList<>(keys), 0, orders);
    return orders;
  }

  private static void permute(List<String> keys, int from, List<StepOrder> out) {
    if (from == keys.size()) {
      out.add(new StepOrder(keys));
      return;
    }
    for (int i = from; i < keys.size(); i++) {
      java.util.Collections.swap(keys, from, i);
      permute(keys, from + 1, out);
      java.util.Collections.swap(keys, from, i);
    }
  }

  static Walk walk() {
    return new Walk();
  }

  /** A recorded walk, step by step; the article's order on an iPhone 8 unless told otherwise. */
  static final class Walk {
    private Device device = IPHONE_8;
    private OrderChoice choice = OrderChoice.article(PLAYBOOK);
    private Instant startedAt = T0;
    private final List<WalkStep> steps = new ArrayList<>();

    Walk on(Device phone) {
      device = phone;
      return this;
    }

    Walk choice(OrderChoice chosen) {
      choice = chosen;
      return this;
    }

    Walk startedAt(Instant at) {
      startedAt = at;
      return this;
    }

    /** Done, nothing found, one minute each. */
    Walk no(String... keys) {
      for (String key : keys) {
        steps.add(new WalkStep(key, TrialOutcome.NOT_RESOLVED, 1, 0, false, false));
      }
      return this;
    }

    Walk no(String key, double minutes) {
      steps.add(new WalkStep(key, TrialOutcome.NOT_RESOLVED, minutes, 0, false, false));
      return this;
    }

    /** A fix whose test backup still failed. */
    Walk failedFix(String key, double minutes, double testBackup) {
      steps.add(new WalkStep(key, TrialOutcome.NOT_RESOLVED, minutes, testBackup, true, false));
      return this;
    }

    Walk skipped(String key) {
      steps.add(new WalkStep(key, TrialOutcome.SKIPPED, 0.5, 0, false, false));
      return this;
    }

    WalkRecord resolvedAt(String key) {
      return resolvedAt(key, 2, 10, false);
    }

    WalkRecord resolvedAt(String key, double minutes, double testBackup, boolean paid) {
      steps.add(new WalkStep(key, TrialOutcome.RESOLVED, minutes, testBackup, true, paid));
      return build(WalkEnding.RESOLVED);
    }

    /** The walk stopped with a fix at {@code key} waiting for its test backup. */
    WalkRecord pendingAt(String key) {
      steps.add(new WalkStep(key, TrialOutcome.CENSORED, 2, 0, true, false));
      return build(WalkEnding.STOPPED);
    }

    WalkRecord stopped() {
      return build(WalkEnding.STOPPED);
    }

    WalkRecord escalated() {
      return build(WalkEnding.ESCALATED);
    }

    private WalkRecord build(WalkEnding ending) {
      return new WalkRecord(device, startedAt, choice, steps, ending);
    }
  }
}
