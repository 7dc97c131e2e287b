package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.PlaybookStep;

/** A correction of a result that is not recorded: the step, or that attempt at it, has none. */
public final class NothingToCorrectException extends RuleViolationException {
  private final String stepKey;
  private final int attempt;

  public NothingToCorrectException(PlaybookStep step, int attempt, int recordedAttempts) {
    super(
        (recordedAttempts == 0
                ? step.numberedTitle() + " has no recorded result"
                : step.numberedTitle()
                    + " has "
                    + (recordedAttempts == 1 ? "one result" : recordedAttempts + " results")
                    + ", not an attempt "
                    + attempt)
            + ", so there is nothing to correct. Reload the diagnosis to see what is recorded.");
    this.stepKey = step.key();
    this.attempt = attempt;
  }

  public String stepKey() {
    return stepKey;
  }

  public int attempt() {
    return attempt;
  }
}
