package io.backupdesk.diagnostics.order;

import java.util.HashMap;
import java.util.Map;

/**
 * The counts and recorded minutes of one segment's walks, gathered before estimating.
 *
 * <p>Categories of the one-fault model, as bit positions: {@code i} "the cause is at step i and its
 * fix works" (the step ends the case), {@code n + i} "the cause is at step i and its fix fails"
 * (the case walks on and escalates), {@code 2n} "no step's condition is the cause".
 */
final class SegmentTally {
  final Segment segment;
  final int steps;
  int walks;
  int resolved;
  int escalated;
  int stopped;
  final Map<Long, Long> observations = new HashMap<>();
  final int[] trials;
  final int[] resolutions;
  final int[] failedFixes;
  final int[] paidIfResolved;
  final int[] paidIfFixFails;
  final Samples[] checkMinutes;
  final Samples[] minutesIfResolved;
  final Samples[] minutesIfFixFails;

  SegmentTally(Segment segment, int steps) {
    this.segment = segment;
    this.steps = steps;
    trials = new int[steps];
    resolutions = new int[steps];
    failedFixes = new int[steps];
    paidIfResolved = new int[steps];
    paidIfFixFails = new int[steps];
    checkMinutes = new Samples[steps];
    minutesIfResolved = new Samples[steps];
    minutesIfFixFails = new Samples[steps];
    for (int i = 0; i < steps; i++) {
      checkMinutes[i] = new Samples();
      minutesIfResolved[i] = new Samples();
      minutesIfFixFails[i] = new Samples();
    }
  }

  int categories() {
    return 2 * steps + 1;
  }

  /**
   * Adds a walk whose steps are given as article positions ({@code index[k]} for its k-th step),
   * with the set of categories it leaves possible:
   *
   * <ul>
   *   <li>it ended at step r: "r, fix works";
   *   <li>else a fix failed at step j: "j, fix fails" (one fault: the cause was found, and nothing
   *       later can help);
   *   <li>else a fix at step j awaits its test backup: "j, fix works" or "j, fix fails";
   *   <li>else every category but the steps done without finding anything: a skipped step, the step
   *       it stopped at and the steps it never reached stay possible, and so does "none".
   * </ul>
   */
  void add(WalkRecord walk, int[] index) {
    walks++;
    switch (walk.ending()) {
      case RESOLVED -> resolved++;
      case ESCALATED -> escalated++;
      case STOPPED -> stopped++;
    }
    long open = (1L << categories()) - 1;
    long failed = 0;
    long pending = 0;
    long ended = 0;
    for (int k = 0; k < walk.steps().size(); k++) {
      WalkStep step = walk.steps().get(k);
      int i = index[k];
      switch (step.outcome()) {
        case RESOLVED -> {
          trials[i]++;
          resolutions[i]++;
          minutesIfResolved[i].add(step.totalMinutes());
          paidIfResolved[i] += step.paidFix() ? 1 : 0;
          ended = 1L << i;
        }
        case NOT_RESOLVED -> {
          trials[i]++;
          if (step.fixApplied()) {
            failedFixes[i]++;
            minutesIfFixFails[i].add(step.totalMinutes());
            paidIfFixFails[i] += step.paidFix() ? 1 : 0;
            failed |= 1L << (steps + i);
          } else {
            checkMinutes[i].add(step.totalMinutes());
            open &= ~(1L << i | 1L << (steps + i));
          }
        }
        case CENSORED -> {
          if (step.fixApplied()) {
            pending = 1L << i | 1L << (steps + i);
          }
        }
        case SKIPPED -> {}
      }
    }
    long possible = ended != 0 ? ended : failed != 0 ? failed : pending != 0 ? pending : open;
    observations.merge(possible, 1L, Long::sum);
  }

  /**
   * Walks that settle whether category {@code c} is the case's: they showed it, or ruled it out.
   */
  long settled(int c) {
    long count = 0;
    for (Map.Entry<Long, Long> entry : observations.entrySet()) {
      long mask = entry.getKey();
      if (mask == 1L << c || (mask & 1L << c) == 0) {
        count += entry.getValue();
      }
    }
    return count;
  }
}
