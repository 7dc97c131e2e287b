package io.backupdesk.diagnostics.order;

import java.util.Objects;

/**
 * How the learner weighs evidence against its priors. The web turns its configuration into this
 * value; {@link #DEFAULT} is what the product ships with.
 *
 * @param segmentPriorStrength how many cases the parent segment's figures count as in a segment's
 *     prior: a segment with this many cases of its own sits halfway between the parent and its own
 *     rates; with 20 cases and the default 50 it moves less than a third of the way
 * @param globalPriorStrength how many cases the uniform prior counts as for the widest segment,
 *     which has no parent: weak, so that a few real cases outweigh it
 * @param timePriorStrength how many recorded times the parent's typical minutes count as
 * @param minWalksForSegment the fewest walks a narrower segment needs to be kept in the model; a
 *     phone in a segment with fewer uses the nearest wider one
 * @param winsorizeShare the share of the shortest and of the longest recorded times pulled in to
 *     the nearest kept value before averaging (a clock left running should not move the mean)
 * @param defaultCheckMinutes typical minutes of a step where nothing is fixed, before any time is
 *     recorded
 * @param defaultFixMinutes typical minutes of a step where a fix is applied (check, fix and test
 *     backup), before any time is recorded
 * @param costs the prices that make a step's cost more than its minutes
 */
public record LearningSettings(
    double segmentPriorStrength,
    double globalPriorStrength,
    double timePriorStrength,
    int minWalksForSegment,
    double winsorizeShare,
    double defaultCheckMinutes,
    double defaultFixMinutes,
    CostWeights costs) {

  public static final LearningSettings DEFAULT =
      new LearningSettings(50, 2, 10, 10, 0.01, 3, 15, CostWeights.DEFAULT);

  public LearningSettings {
    require(segmentPriorStrength > 0, "segmentPriorStrength is above 0");
    require(globalPriorStrength > 0, "globalPriorStrength is above 0");
    require(timePriorStrength > 0, "timePriorStrength is above 0");
    require(minWalksForSegment >= 1, "minWalksForSegment is at least 1");
    require(winsorizeShare >= 0 && winsorizeShare < 0.5, "winsorizeShare is in [0, 0.5)");
    require(defaultCheckMinutes >= 0, "defaultCheckMinutes is 0 or more");
    require(defaultFixMinutes >= 0, "defaultFixMinutes is 0 or more");
    Objects.requireNonNull(costs, "costs");
  }

  public LearningSettings withCosts(CostWeights weights) {
    return new LearningSettings(
        segmentPriorStrength,
        globalPriorStrength,
        timePriorStrength,
        minWalksForSegment,
        winsorizeShare,
        defaultCheckMinutes,
        defaultFixMinutes,
        weights);
  }

  public LearningSettings withSegmentPriorStrength(double strength) {
    return new LearningSettings(
        strength,
        globalPriorStrength,
        timePriorStrength,
        minWalksForSegment,
        winsorizeShare,
        defaultCheckMinutes,
        defaultFixMinutes,
        costs);
  }

  private static void require(boolean condition, String rule) {
    if (!condition) {
      throw new IllegalArgumentException("Learning settings: " + rule);
    }
  }
}
