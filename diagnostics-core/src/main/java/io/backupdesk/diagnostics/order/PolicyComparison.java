package io.backupdesk.diagnostics.order;

/**
 * Two policies judged on the same logged walks, with the minutes the candidate saves per case
 * against the baseline (positive: the candidate is faster) and its 95% paired bootstrap interval;
 * null when either policy lacks support in the log.
 */
public record PolicyComparison(
    PolicyValue baseline, PolicyValue candidate, Estimate minutesSaved) {}
