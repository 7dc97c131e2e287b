package io.backupdesk.diagnostics.diagnosis;

/**
 * What the agent does when a fix's test backup still fails: go on to the next step of the order, or
 * stay at the step to try another of its fix options (storage: delete an app's backed-up data
 * first, then a bigger plan).
 */
public enum AfterStillFailing {
  /** Go on to the next step at once: the one-click "no, move on" answer. */
  MOVE_ON,
  /**
   * Stay at the step, which then offers its untried fix options and an explicit "move on"; when
   * every fix option of the step has been tried, the walk moves on anyway.
   */
  STAY_AT_STEP
}
