package io.backupdesk.diagnostics.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the agent recorded at one step, pinned to the step's version so later playbook edits never
 * rewrite it. A fix carries its verification; a skip carries its reason.
 */
public record StepResult(
    String stepKey,
    int stepNumber,
    int stepVersion,
    StepOutcome outcome,
    String fixOptionKey,
    String skipReason,
    String note,
    boolean consentGiven,
    Verification verification,
    Instant startedAt,
    Instant endedAt,
    String recordedBy,
    Instant verifiedAt,
    String verifiedBy) {

  public StepResult {
    Objects.requireNonNull(stepKey, "stepKey");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    fixOptionKey = Strings.trimToNull(fixOptionKey);
    skipReason = Strings.trimToNull(skipReason);
    note = Strings.trimToNull(note);
    recordedBy = Strings.requireAgent(recordedBy);
    verifiedBy = Strings.trimToNull(verifiedBy);
    boolean fixed = outcome == StepOutcome.FIXED;
    boolean answered = verification != null && verification != Verification.PENDING;
    require(stepNumber >= 1 && stepVersion >= 1, "step number and version start at 1");
    require(fixed == (fixOptionKey != null), "a fix option goes with, and only with, FIXED");
    require(fixed == (verification != null), "a verification goes with, and only with, FIXED");
    require(fixed || !consentGiven, "consent is only given to a fix");
    require((outcome == StepOutcome.SKIPPED) == (skipReason != null), "only a skip has a reason");
    require(!endedAt.isBefore(startedAt), "a step cannot end before it started");
    require(answered == (verifiedAt != null && verifiedBy != null), "verifiedAt/By with an answer");
    require(!answered || !verifiedAt.isBefore(endedAt), "a fix is verified after it was applied");
  }

  private void require(boolean condition, String rule) {
    if (!condition) {
      throw new IllegalArgumentException("Invalid result for step " + stepKey + ": " + rule);
    }
  }

  /** Time the agent spent on the step, excluding any pause while the customer was away. */
  public Duration timeSpent() {
    return Duration.between(startedAt, endedAt);
  }

  boolean sameOutcomeAs(OutcomeCommand command) {
    return stepKey.equals(command.stepKey())
        && outcome == command.outcome()
        && Objects.equals(fixOptionKey, command.fixOptionKey())
        && Objects.equals(skipReason, command.skipReason());
  }

  StepResult verified(Verification answer, Instant at, String agent) {
    return new StepResult(
        stepKey,
        stepNumber,
        stepVersion,
        outcome,
        fixOptionKey,
        skipReason,
        note,
        consentGiven,
        answer,
        startedAt,
        endedAt,
        recordedBy,
        at,
        agent);
  }
}
