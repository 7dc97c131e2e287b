package io.backupdesk.diagnostics.diagnosis;

import java.util.Objects;

/**
 * What a step found, as a correction states it: the outcome with its fix option, skip reason and
 * consent, and for a fix the answer of its test backup. A null {@code verification} on a fix means
 * "as the walk implies": the corrected result's own answer if it already was a fix, otherwise
 * "awaiting the test backup" for the latest result and "still failing" for an earlier one (the walk
 * went on after it, which only a failed fix allows).
 */
public record StepAnswer(
    StepOutcome outcome,
    String fixOptionKey,
    String skipReason,
    boolean consentGiven,
    Verification verification) {

  public StepAnswer {
    Objects.requireNonNull(outcome, "outcome");
    fixOptionKey = Strings.trimToNull(fixOptionKey);
    skipReason = Strings.trimToNull(skipReason);
    if (outcome != StepOutcome.FIXED
        && (fixOptionKey != null || consentGiven || verification != null)) {
      throw new IllegalArgumentException(
          "A fix option, consent and a test backup answer only go with FIXED");
    }
    if (outcome != StepOutcome.SKIPPED && skipReason != null) {
      throw new IllegalArgumentException("A skip reason only goes with SKIPPED");
    }
  }

  public static StepAnswer nothingWrong() {
    return new StepAnswer(StepOutcome.NOTHING_WRONG, null, null, false, null);
  }

  public static StepAnswer notApplicable() {
    return new StepAnswer(StepOutcome.NOT_APPLICABLE, null, null, false, null);
  }

  public static StepAnswer outage() {
    return new StepAnswer(StepOutcome.OUTAGE, null, null, false, null);
  }

  public static StepAnswer skipped(String reason) {
    return new StepAnswer(StepOutcome.SKIPPED, null, reason, false, null);
  }

  /** A fix whose test backup answer follows from the walk (see the type's description). */
  public static StepAnswer fixed(String fixOptionKey, boolean consentGiven) {
    return new StepAnswer(StepOutcome.FIXED, fixOptionKey, null, consentGiven, null);
  }

  public static StepAnswer fixed(
      String fixOptionKey, boolean consentGiven, Verification verification) {
    return new StepAnswer(
        StepOutcome.FIXED,
        fixOptionKey,
        null,
        consentGiven,
        Objects.requireNonNull(verification, "verification"));
  }
}
