package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.AfterStillFailing;
import io.backupdesk.diagnostics.diagnosis.CorrectionCommand;
import io.backupdesk.diagnostics.diagnosis.CorrectionScope;
import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.diagnosis.StepAnswer;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.Limits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The diagnosis commands as the API receives them and the forms build them: one set of rules
 * (limits from {@link Limits}, the handlers check them), one way to an {@code OutcomeCommand}. Each
 * may carry the {@code version} the client saw (or send it as {@code If-Match}); a stale one is
 * refused with 409 unless the command repeats what is already recorded, which succeeds and changes
 * nothing.
 */
public final class DiagnosisRequests {

  private DiagnosisRequests() {}

  /** What the current step found. */
  @Schema(name = "OutcomeRequest")
  public record Outcome(
      @Schema(description = "Key of the current step, e.g. `wifi`")
          @NotBlank(message = "Name the step (its key, e.g. wifi)")
          String stepKey,
      @Schema(description = "NOTHING_WRONG, FIXED, SKIPPED, NOT_APPLICABLE or OUTAGE")
          @NotNull(message = "Say what the step found")
          StepOutcome outcome,
      @Schema(description = "Key of the fix applied; required with FIXED, refused otherwise")
          String fixOption,
      @Schema(description = "Why the step is skipped; required with SKIPPED, refused otherwise")
          @Size(max = Limits.SKIP_REASON, message = "Keep the skip reason under 2,000 characters.")
          String skipReason,
      @Schema(description = "Up to 4,000 characters")
          @Size(max = Limits.STEP_NOTE, message = "Keep the note under 4,000 characters.")
          String note,
      @Schema(description = "true when the customer agreed to a fix that requires consent")
          Boolean consent,
      Integer version) {

    /** The core's command; the same cross-field rules for the API and the forms. */
    OutcomeCommand toCommand(String agent, Instant at) {
      boolean consentGiven = Boolean.TRUE.equals(consent);
      if (outcome != StepOutcome.FIXED && fixOption != null && !fixOption.isBlank()) {
        throw new InvalidInputException(
            "fixOption", "A fix option only goes with the outcome FIXED, not " + outcome + ".");
      }
      if (outcome != StepOutcome.FIXED && consentGiven) {
        throw new InvalidInputException(
            "consent", "Consent is only given to a fix (outcome FIXED), not to " + outcome + ".");
      }
      if (outcome != StepOutcome.SKIPPED && skipReason != null && !skipReason.isBlank()) {
        throw new InvalidInputException(
            "skipReason", "A skip reason only goes with the outcome SKIPPED, not " + outcome + ".");
      }
      return new OutcomeCommand(
          stepKey, outcome, fixOption, skipReason, note, consentGiven, agent, at);
    }
  }

  /** Whether the customer's test backup after the fix completed. */
  @Schema(name = "VerificationRequest")
  public record Verification(
      @Schema(description = "Key of the step whose fix is being tested")
          @NotBlank(message = "Name the step whose fix was tested")
          String stepKey,
      @Schema(description = "true when the backup completed")
          @NotNull(message = "Say whether the backup completed (true or false)")
          Boolean backupCompleted,
      @Schema(
              description =
                  "The fix that was tested (optional; the step's latest fix when left out). Naming"
                      + " it makes a late repeat unmistakable once a step has more than one fix.")
          String fixOption,
      @Schema(
              description =
                  "When the backup still fails: MOVE_ON (the default) goes on to the next step;"
                      + " STAY_AT_STEP stays to try another of the step's fixes"
                      + " (`/another-fix`) or to move on explicitly (`/move-on`).")
          AfterStillFailing ifStillFailing,
      Integer version) {

    /** The test backup after the step's latest fix, moving on when it still fails. */
    public Verification(String stepKey, Boolean backupCompleted, Integer version) {
      this(stepKey, backupCompleted, null, null, version);
    }

    AfterStillFailing afterStillFailing() {
      return ifStillFailing == null ? AfterStillFailing.MOVE_ON : ifStillFailing;
    }
  }

  /** Another fix at the step the walk stays at after a fix failed its test backup. */
  @Schema(name = "AnotherFixRequest")
  public record AnotherFix(
      @Schema(description = "Key of the step, e.g. `storage`")
          @NotBlank(message = "Name the step (its key, e.g. storage)")
          String stepKey,
      @Schema(description = "Key of the fix now applied: one of the step's fixes not tried yet")
          @NotBlank(message = "Choose which fix was applied")
          String fixOption,
      @Schema(description = "Up to 4,000 characters")
          @Size(max = Limits.STEP_NOTE, message = "Keep the note under 4,000 characters.")
          String note,
      @Schema(
              description =
                  "true when the customer agreed to a fix that deletes data or costs money")
          Boolean consent,
      Integer version) {

    OutcomeCommand toCommand(String agent, Instant at) {
      return new OutcomeCommand(
          stepKey,
          StepOutcome.FIXED,
          fixOption,
          null,
          note,
          Boolean.TRUE.equals(consent),
          agent,
          at);
    }
  }

  /** Leaves the step after a failed fix without trying another of its fixes. */
  @Schema(name = "MoveOnRequest")
  public record MoveOn(
      @Schema(description = "Key of the step the walk stays at")
          @NotBlank(message = "Name the step to move on from")
          String stepKey,
      Integer version) {}

  /** Walks the remaining steps in the article's order instead of the order chosen at the start. */
  @Schema(name = "ArticleOrderRequest")
  public record ArticleOrder(Integer version) {}

  /**
   * Corrects a recorded result: replaces it with another answer, or ({@code withdraw: true}) takes
   * it back as recorded by mistake. The reason is required (422 without one).
   */
  @Schema(name = "CorrectionRequest")
  public record Correction(
      @Schema(description = "Key of the step whose result is corrected")
          @NotBlank(message = "Name the step whose result is corrected")
          String stepKey,
      @Schema(description = "1 for the step's outcome (default), 2 and up for further fixes")
          @Min(value = 1, message = "Attempts at a step are counted from 1")
          Integer attempt,
      @Schema(description = "true to take the result back as recorded by mistake (latest only)")
          Boolean withdraw,
      @Schema(description = "The corrected outcome; required unless withdrawing")
          StepOutcome outcome,
      @Schema(description = "Key of the fix; required with FIXED, refused otherwise")
          String fixOption,
      @Schema(description = "Why the step was skipped; required with SKIPPED, refused otherwise")
          @Size(max = Limits.SKIP_REASON, message = "Keep the skip reason under 2,000 characters.")
          String skipReason,
      @Schema(description = "true when the customer agreed to the fix (FIXED only)")
          Boolean consent,
      @Schema(
              description =
                  "FIXED only: the test backup's answer, PENDING, BACKUP_COMPLETED or"
                      + " STILL_FAILING; left out, it follows from the walk")
          io.backupdesk.diagnostics.diagnosis.Verification verification,
      @Schema(description = "Why the result is corrected; shown in the timeline and the audit")
          @Size(max = Limits.CORRECTION_REASON, message = "Keep the reason under 2,000 characters.")
          String reason,
      Integer version) {

    /** The core's command; the scope says whose results the person may correct. */
    CorrectionCommand toCommand(String agent, CorrectionScope scope, Instant at) {
      int which = attempt == null ? 1 : attempt;
      if (Boolean.TRUE.equals(withdraw)) {
        if (outcome != null) {
          throw new InvalidInputException(
              "outcome", "Either withdraw the result or give its corrected outcome, not both.");
        }
        return CorrectionCommand.withdraw(stepKey, which, reason, agent, scope, at);
      }
      if (outcome == null) {
        throw new InvalidInputException(
            "outcome", "Give the corrected outcome, or withdraw the result (withdraw: true).");
      }
      boolean fixed = outcome == StepOutcome.FIXED;
      if (fixed && (fixOption == null || fixOption.isBlank())) {
        throw new InvalidInputException("fixOption", "Name the fix that was applied.");
      }
      if (!fixed && fixOption != null && !fixOption.isBlank()) {
        throw new InvalidInputException(
            "fixOption", "A fix option only goes with the outcome FIXED, not " + outcome + ".");
      }
      if (!fixed && (Boolean.TRUE.equals(consent) || verification != null)) {
        throw new InvalidInputException(
            Boolean.TRUE.equals(consent) ? "consent" : "verification",
            "Consent and a test backup answer only go with the outcome FIXED, not "
                + outcome
                + ".");
      }
      if (outcome != StepOutcome.SKIPPED && skipReason != null && !skipReason.isBlank()) {
        throw new InvalidInputException(
            "skipReason", "A skip reason only goes with the outcome SKIPPED, not " + outcome + ".");
      }
      var answer =
          new StepAnswer(
              outcome,
              fixed ? fixOption : null,
              outcome == StepOutcome.SKIPPED ? skipReason : null,
              fixed && Boolean.TRUE.equals(consent),
              fixed ? verification : null);
      return CorrectionCommand.replace(stepKey, which, answer, reason, agent, scope, at);
    }
  }

  /** Hands the diagnosis on before the playbook is finished. */
  @Schema(name = "EscalationRequest")
  public record Escalation(
      @Schema(description = "TIER_2, APPLE_SUPPORT or COMPUTER_BACKUP")
          @NotNull(message = "Say where to escalate: TIER_2, APPLE_SUPPORT or COMPUTER_BACKUP")
          EscalationTarget target,
      @Schema(description = "Why; a blank one is refused by the playbook's rules (422)")
          @NotNull(message = "Say why the diagnosis is escalated")
          @Size(max = Limits.ESCALATION_REASON, message = "Keep the reason under 2,000 characters.")
          String reason,
      Integer version) {}

  /** Pauses the diagnosis because the customer left. */
  @Schema(name = "AbandonmentRequest")
  public record Abandonment(
      @Size(max = Limits.ABANDON_REASON, message = "Keep the reason under 1,000 characters.")
          String reason,
      Integer version) {}

  /** Continues a paused diagnosis where it stopped. */
  @Schema(name = "ResumptionRequest")
  public record Resumption(Integer version) {}
}
