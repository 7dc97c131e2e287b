package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the allowed order with the least expected cost. Sorting by {@code p/c} is optimal only
 * without order rules; with them, an exact search over the subsets of steps already done is cheap
 * (512 states for nine steps) because, under one fault, what is left to pay after a set of steps
 * depends only on that set, not on the order it was walked in.
 */
public final class OrderSearch {
  /** 2^20 states of eight bytes: the most the search takes on before it would be slow. */
  public static final int MAX_STEPS = 20;

  private OrderSearch() {}

  /**
   * The allowed order of least expected cost (minutes plus prices); among equally good orders, the
   * one closest to the article's (earliest article step first at every position).
   */
  public static StepOrder best(Playbook playbook, ExpectedCost cost) {
    Problem problem = new Problem(playbook, cost);
    int n = problem.size;
    int full = (1 << n) - 1;
    double[] reached = new double[1 << n];
    for (int mask = 1; mask <= full; mask++) {
      int i = Integer.numberOfTrailingZeros(mask);
      reached[mask] = reached[mask & (mask - 1)] + problem.resolve[i];
    }
    // remaining[mask]: least expected cost still to pay once the steps in mask are done.
    double[] remaining = new double[1 << n];
    for (int mask = full - 1; mask >= 0; mask--) {
      double least = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (problem.canWalk(i, mask)) {
          least = Math.min(least, problem.stepCost(i, reached[mask]) + remaining[mask | 1 << i]);
        }
      }
      remaining[mask] = least;
    }
    var keys = new ArrayList<String>(n);
    int mask = 0;
    while (mask != full) {
      double target = remaining[mask];
      double tolerance = 1e-12 * Math.max(1, Math.abs(target));
      int chosen = -1;
      for (int i = 0; i < n && chosen < 0; i++) {
        if (problem.canWalk(i, mask)
            && problem.stepCost(i, reached[mask]) + remaining[mask | 1 << i]
                <= target + tolerance) {
          chosen = i;
        }
      }
      keys.add(problem.keys.get(chosen));
      mask |= 1 << chosen;
    }
    return new StepOrder(keys).requireAllowedFor(playbook);
  }

  /**
   * The greedy {@code p/c} order within the rules: at each position, of the steps the rules allow
   * now, the one that resolves the most per unit of cost (ties: article order). Optimal when no
   * rule binds; kept for comparison with {@link #best}.
   */
  public static StepOrder byRatio(Playbook playbook, ExpectedCost cost) {
    Problem problem = new Problem(playbook, cost);
    int n = problem.size;
    var keys = new ArrayList<String>(n);
    int mask = 0;
    for (int position = 0; position < n; position++) {
      int chosen = -1;
      for (int i = 0; i < n; i++) {
        if (problem.canWalk(i, mask) && (chosen < 0 || problem.betterRatio(i, chosen))) {
          chosen = i;
        }
      }
      keys.add(problem.keys.get(chosen));
      mask |= 1 << chosen;
    }
    return new StepOrder(keys).requireAllowedFor(playbook);
  }

  /** The playbook's steps as bit positions, with their figures and the order rules as masks. */
  private static final class Problem {
    final int size;
    final List<String> keys;
    final double[] resolve;
    final double[] walkCost;
    final int[] mustFollow;

    Problem(Playbook playbook, ExpectedCost cost) {
      Objects.requireNonNull(playbook, "playbook");
      Objects.requireNonNull(cost, "cost");
      keys = playbook.steps().stream().map(PlaybookStep::key).toList();
      size = keys.size();
      if (size > MAX_STEPS) {
        throw new IllegalArgumentException(
            "The exact search takes at most " + MAX_STEPS + " steps, not " + size);
      }
      if (cost.steps().size() != size) {
        throw new IllegalArgumentException(
            "The playbook has " + size + " steps but figures are given for " + cost.steps().size());
      }
      Map<String, Integer> bit = new HashMap<>();
      resolve = new double[size];
      walkCost = new double[size];
      for (int i = 0; i < size; i++) {
        bit.put(keys.get(i), i);
        StepFigures figures = cost.step(keys.get(i));
        resolve[i] = figures.resolveChance();
        walkCost[i] = figures.walkCost();
      }
      mustFollow = new int[size];
      for (StepOrder.Precedence rule : StepOrder.precedences(playbook)) {
        mustFollow[bit.get(rule.after())] |= 1 << bit.get(rule.before());
      }
    }

    boolean canWalk(int step, int done) {
      return (done & 1 << step) == 0 && (mustFollow[step] & ~done) == 0;
    }

    /** What walking the step costs the cases that reach it after {@code reachedMass} resolved. */
    double stepCost(int step, double resolvedBefore) {
      return walkCost[step] * Math.max(0, 1 - resolvedBefore);
    }

    /** p_a / c_a > p_b / c_b, written without dividing by a zero cost. */
    boolean betterRatio(int a, int b) {
      return resolve[a] * walkCost[b] > resolve[b] * walkCost[a];
    }
  }
}
