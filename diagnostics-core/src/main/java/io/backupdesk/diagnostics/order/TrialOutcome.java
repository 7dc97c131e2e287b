package io.backupdesk.diagnostics.order;

/**
 * What one step of a recorded walk tells the learner. A trial is a step that was actually done: it
 * either ended the case or it did not. A skipped step was not done, so it says nothing about
 * whether it would have helped; a step whose fix still awaits its test backup when the walk stopped
 * is censored: its answer is unknown, not "no".
 */
public enum TrialOutcome {
  /**
   * The step ended the case: its fix's test backup completed, or the Apple-status check found an
   * outage (nothing the agent does after that can help).
   */
  RESOLVED,
  /**
   * The step was done and the walk went on: nothing wrong, not applicable to this phone, or a fix
   * whose test backup still failed.
   */
  NOT_RESOLVED,
  /** The agent skipped the step (with a reason): not a trial. */
  SKIPPED,
  /** The walk stopped at this step before its answer was known: not a trial. */
  CENSORED;

  /** Whether the step was done and its answer is known. */
  public boolean isTrial() {
    return this == RESOLVED || this == NOT_RESOLVED;
  }
}
