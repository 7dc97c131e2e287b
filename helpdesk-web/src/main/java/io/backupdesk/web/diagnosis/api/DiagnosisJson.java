package io.backupdesk.web.diagnosis.api;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OrderPolicy;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.diagnostics.diagnosis.StepResult;
import io.backupdesk.diagnostics.diagnosis.Verification;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.web.diagnosis.DiagnosisView;
import io.backupdesk.web.playbook.api.DeviceJson;
import io.backupdesk.web.playbook.api.StepJson;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A diagnosis as the API returns it, and as {@code currentState} of a 409 or 422 about one. Read
 * {@code currentStep} to know what to do next, {@code progress} for the progress bar, {@code
 * results} for the full record.
 */
@Schema(name = "Diagnosis", description = "One walk through the playbook for a ticket.")
public record DiagnosisJson(
    long id,
    long ticketId,
    @Schema(description = "1 for the ticket's first diagnosis, 2 for the next, ...") int attempt,
    @Schema(description = "Changes with every recorded change; also the ETag") int version,
    @Schema(
            description =
                "IN_PROGRESS (record the current step), AWAITING_VERIFICATION (record the test"
                    + " backup), ABANDONED (resume it), or ended: RESOLVED, ESCALATED,"
                    + " WAITING_ON_APPLE")
        DiagnosisStatus status,
    int playbookVersion,
    DeviceJson device,
    Instant startedAt,
    String startedBy,
    @Schema(description = "When it resolved, escalated or found an outage; null while running")
        Instant endedAt,
    Instant updatedAt,
    @Schema(
            description =
                "The step being worked on (or whose fix awaits its test backup, also while"
                    + " abandoned), with instructions for the device; null once ended")
        CurrentStepJson currentStep,
    ProgressJson progress,
    @Schema(description = "What was recorded at each step so far, in step order")
        List<ResultJson> results,
    @Schema(description = "The fix waiting for the customer's test backup; null if none")
        PendingVerificationJson pendingVerification,
    @Schema(description = "The fix whose test backup completed; null unless RESOLVED")
        ResolutionJson resolution,
    @Schema(description = "Where it was handed on and why; null unless ESCALATED")
        EscalationJson escalation,
    @Schema(description = "The order of steps this diagnosis walks and who chose it")
        OrderJson order) {

  /** The order a diagnosis walks, pinned at its start, and the agent's switch to the article's. */
  @Schema(name = "DiagnosisOrder")
  public record OrderJson(
      @Schema(description = "ARTICLE, LEARNED (the model's best order) or EXPLORE (drawn near it)")
          OrderPolicy policy,
      @Schema(description = "The step-order model that chose it; null for ARTICLE")
          Integer modelVersion,
      @Schema(description = "The probability with which the policy chose this order")
          double propensity,
      @Schema(description = "Step keys in the order chosen at the start") List<String> chosen,
      @Schema(
              description =
                  "Step keys in the order walked: the chosen one, or after a switch"
                      + " the walked steps and then the article's order")
          List<String> walked,
      @Schema(description = "Position from which the article's order was followed; null if never")
          Integer articleOrderFrom,
      String articleOrderBy,
      Instant articleOrderAt) {

    static OrderJson of(Diagnosis d) {
      var choice = d.orderChoice();
      var override = d.orderOverride();
      return new OrderJson(
          choice.policy(),
          choice.modelVersion(),
          choice.propensity(),
          choice.order().stepKeys(),
          d.order().stepKeys(),
          override.map(o -> o.fromPosition()).orElse(null),
          override.map(o -> o.agent()).orElse(null),
          override.map(o -> o.at()).orElse(null));
    }
  }

  /** The step to work on now. */
  @Schema(name = "DiagnosisCurrentStep")
  public record CurrentStepJson(
      @Schema(description = "When work on this step (re)started") Instant startedAt,
      StepJson step) {}

  /** How far the diagnosis got: every step of the playbook, answered or not. */
  @Schema(name = "DiagnosisProgress")
  public record ProgressJson(
      @Schema(description = "Steps with a recorded outcome") int done,
      int total,
      int percent,
      List<ProgressStepJson> steps) {}

  /** One step in the progress bar; outcome, fixOption and verification are null until answered. */
  @Schema(name = "DiagnosisProgressStep")
  public record ProgressStepJson(
      String key,
      int number,
      String title,
      boolean current,
      StepOutcome outcome,
      String fixOption,
      Verification verification) {}

  /** The full record of one answered step. */
  @Schema(name = "StepResult")
  public record ResultJson(
      String stepKey,
      int stepNumber,
      @Schema(description = "Version of the step's text that was answered") int stepVersion,
      String stepTitle,
      StepOutcome outcome,
      @Schema(description = "Key of the fix applied; only with FIXED") String fixOption,
      @Schema(description = "Only with SKIPPED") String skipReason,
      String note,
      boolean consentGiven,
      @Schema(description = "Only with FIXED: PENDING, BACKUP_COMPLETED or STILL_FAILING")
          Verification verification,
      Instant startedAt,
      Instant endedAt,
      String recordedBy,
      Instant verifiedAt,
      String verifiedBy,
      @Schema(description = "Seconds spent on the step, pauses excluded") long timeSpentSeconds) {}

  /** A fix waiting for the customer's test backup. */
  @Schema(name = "PendingVerification")
  public record PendingVerificationJson(
      String stepKey,
      int stepNumber,
      String fixOption,
      @Schema(description = "What to ask the customer") String prompt) {}

  /** The fix that made the backup work. */
  @Schema(name = "Resolution")
  public record ResolutionJson(
      String stepKey, int stepNumber, String stepTitle, String fixOption, String fixOptionLabel) {}

  /** Where the diagnosis was handed on. */
  @Schema(name = "Escalation")
  public record EscalationJson(
      EscalationTarget target,
      String reason,
      @Schema(description = "true when all steps were done and the backup still failed")
          boolean automatic) {}

  public static DiagnosisJson of(DiagnosisView view) {
    Diagnosis d = view.diagnosis();
    Playbook playbook = d.playbook();
    var snapshot = d.snapshot();
    var current = d.currentStep().orElse(null);
    var progressSteps =
        playbook.steps().stream()
            .map(
                step -> {
                  var r = d.result(step.key()).orElse(null);
                  return new ProgressStepJson(
                      step.key(),
                      step.number(),
                      step.title(),
                      current != null && current.number() == step.number(),
                      r == null ? null : r.outcome(),
                      r == null ? null : r.fixOptionKey(),
                      r == null ? null : r.verification());
                })
            .toList();
    var progress = d.progress();
    return new DiagnosisJson(
        view.id(),
        view.ticketId(),
        view.attempt(),
        view.version(),
        d.status(),
        playbook.version(),
        DeviceJson.of(d.device()),
        snapshot.startedAt(),
        snapshot.startedBy(),
        snapshot.endedAt(),
        view.updatedAt(),
        current == null
            ? null
            : new CurrentStepJson(
                snapshot.currentStepStartedAt(), StepJson.of(current, d.device())),
        new ProgressJson(progress.done(), progress.total(), progress.percent(), progressSteps),
        d.results().stream().map(r -> result(playbook, r)).toList(),
        d.pendingVerification()
            .map(
                p ->
                    new PendingVerificationJson(
                        p.stepKey(), p.stepNumber(), p.fixOptionKey(), Playbook.VERIFY_PROMPT))
            .orElse(null),
        d.resolution()
            .map(
                r -> {
                  PlaybookStep step = playbook.stepNumber(r.stepNumber());
                  return new ResolutionJson(
                      r.stepKey(),
                      r.stepNumber(),
                      step.title(),
                      r.fixOptionKey(),
                      step.fixLabel(r.fixOptionKey()));
                })
            .orElse(null),
        d.escalation()
            .map(e -> new EscalationJson(e.target(), e.reason(), e.automatic()))
            .orElse(null),
        OrderJson.of(d));
  }

  private static ResultJson result(Playbook playbook, StepResult r) {
    return new ResultJson(
        r.stepKey(),
        r.stepNumber(),
        r.stepVersion(),
        playbook.stepNumber(r.stepNumber()).title(),
        r.outcome(),
        r.fixOptionKey(),
        r.skipReason(),
        r.note(),
        r.consentGiven(),
        r.verification(),
        r.startedAt(),
        r.endedAt(),
        r.recordedBy(),
        r.verifiedAt(),
        r.verifiedBy(),
        r.timeSpent().toSeconds());
  }
}
