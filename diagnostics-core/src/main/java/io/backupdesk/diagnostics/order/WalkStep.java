package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.diagnosis.StepResult;
import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.Playbook;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of a recorded walk as the learner reads it: which step, what it told (see {@link
 * TrialOutcome}), the agent's minutes on it and the minutes of the test backup after its fix.
 *
 * @param minutes time the agent spent on the step, fix included, pauses excluded
 * @param testBackupMinutes time from the fix to the answer of its test backup; 0 without a fix
 * @param fixApplied a fix was applied at this step
 * @param paidFix the fix applied adds a charge to the customer's bill
 */
public record WalkStep(
    String stepKey,
    TrialOutcome outcome,
    double minutes,
    double testBackupMinutes,
    boolean fixApplied,
    boolean paidFix) {

  public WalkStep {
    Objects.requireNonNull(stepKey, "stepKey");
    Objects.requireNonNull(outcome, "outcome");
    if (!(minutes >= 0) || Double.isInfinite(minutes)) {
      throw new IllegalArgumentException("Step " + stepKey + ": minutes are 0 or more");
    }
    if (!(testBackupMinutes >= 0) || Double.isInfinite(testBackupMinutes)) {
      throw new IllegalArgumentException("Step " + stepKey + ": test-backup minutes are 0 or more");
    }
    if (testBackupMinutes > 0 && !fixApplied) {
      throw new IllegalArgumentException("Step " + stepKey + ": a test backup follows a fix");
    }
    if (paidFix && !fixApplied) {
      throw new IllegalArgumentException("Step " + stepKey + ": a paid fix is a fix");
    }
  }

  /**
   * Reads a diagnosis's step result: a fix counts by its test backup (completed ends the case,
   * still failing does not, not yet answered is censored); an outage ends the case; nothing wrong
   * and not applicable are trials that did not end it; a skip is no trial.
   */
  public static WalkStep of(StepResult result, Playbook playbook) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(playbook, "playbook");
    TrialOutcome outcome =
        switch (result.outcome()) {
          case FIXED ->
              switch (result.verification()) {
                case BACKUP_COMPLETED -> TrialOutcome.RESOLVED;
                case STILL_FAILING -> TrialOutcome.NOT_RESOLVED;
                case PENDING -> TrialOutcome.CENSORED;
              };
          case OUTAGE -> TrialOutcome.RESOLVED;
          case NOTHING_WRONG, NOT_APPLICABLE -> TrialOutcome.NOT_RESOLVED;
          case SKIPPED -> TrialOutcome.SKIPPED;
        };
    boolean fixed = result.fixOptionKey() != null;
    boolean paid =
        fixed
            && playbook
                .step(result.stepKey())
                .flatMap(step -> step.fixOption(result.fixOptionKey()))
                .map(FixOption::costsMoney)
                .orElse(false);
    Instant verifiedAt = result.verifiedAt();
    double testBackup = verifiedAt == null ? 0 : minutesBetween(result.endedAt(), verifiedAt);
    return new WalkStep(
        result.stepKey(),
        outcome,
        minutesBetween(result.startedAt(), result.endedAt()),
        testBackup,
        fixed,
        paid);
  }

  /** Minutes of the step and its test backup together. */
  public double totalMinutes() {
    return minutes + testBackupMinutes;
  }

  private static double minutesBetween(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toMillis() / 60_000.0);
  }
}
