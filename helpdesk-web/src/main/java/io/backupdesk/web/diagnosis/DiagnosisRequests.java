package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.Limits;
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
      Integer version) {}

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
