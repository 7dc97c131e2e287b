package io.backupdesk.diagnostics.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the agent recorded at one step, pinned to the step's version so later playbook edits never
 * rewrite it. A fix carries its verification; a skip carries its reason.
 *
 * <p>{@code stepKey} and {@code stepNumber} (the step's number in the article) say which step it
 * answers, whatever order was walked, so reports stay per step. {@code position} is where the step
 * stood in the order this diagnosis walked (1 for the first step walked). {@code attempt} counts
 * the results at one step: 1 for its outcome, 2 and up for further fixes tried after a fix failed
 * its test backup. {@code corrections} counts how often this result was corrected; the originals
 * are in {@link DiagnosisSnapshot#corrections()}.
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
    String verifiedBy,
    int position,
    int attempt,
    int corrections) {

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
    require(stepNumber >= 1 && stepVersion >= 1, stepKey, "step number and version start at 1");
    require(position >= 1 && attempt >= 1, stepKey, "positions and attempts start at 1");
    require(corrections >= 0, stepKey, "a result is corrected zero or more times");
    require(attempt == 1 || fixed, stepKey, "a further attempt at a step is always a fix");
    require(
        fixed == (fixOptionKey != null), stepKey, "a fix option goes with, and only with, FIXED");
    require(
        fixed == (verification != null), stepKey, "a verification goes with, and only with, FIXED");
    require(fixed || !consentGiven, stepKey, "consent is only given to a fix");
    require(
        (outcome == StepOutcome.SKIPPED) == (skipReason != null),
        stepKey,
        "only a skip has a reason");
    require(!endedAt.isBefore(startedAt), stepKey, "a step cannot end before it started");
    require(
        answered == (verifiedAt != null && verifiedBy != null),
        stepKey,
        "verifiedAt/By with an answer");
    require(
        !answered || !verifiedAt.isBefore(endedAt),
        stepKey,
        "a fix is verified after it was applied");
  }

  private static void require(boolean condition, String stepKey, String rule) {
    if (!condition) {
      throw new IllegalArgumentException("Invalid result for step " + stepKey + ": " + rule);
    }
  }

  /** Time the agent spent on the step, excluding any pause while the customer was away. */
  public Duration timeSpent() {
    return Duration.between(startedAt, endedAt);
  }

  /** A fix whose test backup still failed: the walk may try another fix at the step, or go on. */
  public boolean isFailedFix() {
    return outcome == StepOutcome.FIXED && verification == Verification.STILL_FAILING;
  }

  public boolean wasCorrected() {
    return corrections > 0;
  }

  boolean sameOutcomeAs(OutcomeCommand command) {
    return stepKey.equals(command.stepKey())
        && outcome == command.outcome()
        && Objects.equals(fixOptionKey, command.fixOptionKey())
        && Objects.equals(skipReason, command.skipReason());
  }

  /** Whether this result already says what {@code answer} says (with its verification resolved). */
  boolean answers(StepAnswer answer, Verification resolvedVerification) {
    return outcome == answer.outcome()
        && Objects.equals(fixOptionKey, answer.fixOptionKey())
        && Objects.equals(skipReason, answer.skipReason())
        && consentGiven == answer.consentGiven()
        && verification == resolvedVerification;
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
        agent,
        position,
        attempt,
        corrections);
  }

  /**
   * This result with a corrected answer: where, when and by whom it was recorded stay. A test
   * backup answer that was already recorded keeps its time and person; one given only by the
   * correction is the corrector's, timed at the fix itself ({@code endedAt}): its true moment is
   * unknown, and any later time would place it after results and endings that followed it.
   */
  StepResult correctedTo(StepAnswer answer, Verification resolvedVerification, String corrector) {
    boolean answered = resolvedVerification != null && resolvedVerification != Verification.PENDING;
    boolean hadAnswer = verification != null && verification != Verification.PENDING;
    return new StepResult(
        stepKey,
        stepNumber,
        stepVersion,
        answer.outcome(),
        answer.fixOptionKey(),
        answer.skipReason(),
        note,
        answer.consentGiven(),
        resolvedVerification,
        startedAt,
        endedAt,
        recordedBy,
        answered ? (hadAnswer ? verifiedAt : endedAt) : null,
        answered ? (hadAnswer ? verifiedBy : corrector) : null,
        position,
        attempt,
        corrections + 1);
  }
}
