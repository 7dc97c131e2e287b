package io.backupdesk.web.common;

import io.backupdesk.diagnostics.diagnosis.ConflictingOutcomeException;
import io.backupdesk.diagnostics.diagnosis.ConsentRequiredException;
import io.backupdesk.diagnostics.diagnosis.ContradictingCorrectionException;
import io.backupdesk.diagnostics.diagnosis.CorrectionNotPermittedException;
import io.backupdesk.diagnostics.diagnosis.CorrectionReasonRequiredException;
import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.diagnosis.EscalationReasonRequiredException;
import io.backupdesk.diagnostics.diagnosis.FixAlreadyTriedException;
import io.backupdesk.diagnostics.diagnosis.IllegalTransitionException;
import io.backupdesk.diagnostics.diagnosis.NothingToCorrectException;
import io.backupdesk.diagnostics.diagnosis.OutcomeNotAllowedException;
import io.backupdesk.diagnostics.diagnosis.SkipReasonRequiredException;
import io.backupdesk.diagnostics.diagnosis.StepOutOfOrderException;
import io.backupdesk.diagnostics.diagnosis.UnknownFixOptionException;
import io.backupdesk.diagnostics.diagnosis.UnknownStepException;
import io.backupdesk.diagnostics.ticket.DiagnosisOpenException;
import io.backupdesk.diagnostics.ticket.DiagnosisRunningException;
import io.backupdesk.diagnostics.ticket.IllegalTicketTransitionException;
import io.backupdesk.diagnostics.ticket.TicketClosedException;
import java.util.Arrays;

/**
 * Every kind of refusal the app answers with: its problem type ({@code /problems/<slug>}), HTTP
 * status and title. A refusal of the core names its exception class here; a test checks that every
 * refusal the core can throw has its row.
 */
public enum ProblemType {
  INVALID_INPUT("invalid-input", 400, "Invalid input"),
  MALFORMED_JSON("malformed-json", 400, "Malformed request body"),
  NOT_FOUND("not-found", 404, "Not found"),
  BODY_TOO_LARGE("body-too-large", 413, "Request body too large"),
  UNEXPECTED("unexpected", 500, "Unexpected error"),
  STALE_VERSION("stale-version", 409, "Conflict"),
  USERNAME_TAKEN("username-taken", 409, "Conflict"),
  OWN_ACCOUNT("own-account", 409, "Conflict"),
  LAST_ADMIN("last-admin", 409, "Conflict"),
  // A phone the device catalogue does not list, or an iOS version its model cannot run.
  UNKNOWN_DEVICE("unknown-device", 422, "Not a phone the desk knows"),
  INVALID_PLAYBOOK("invalid-playbook", 422, "The playbook is not valid"),
  /** A follow-up date is only for a ticket that waits on the customer. */
  NOT_WAITING_ON_CUSTOMER("not-waiting-on-customer", 409, "Conflict"),
  // Refusals of the database that no check before it caught (common/DatabaseRefusals).
  ALREADY_EXISTS("already-exists", 409, "Conflict"),
  REFUSED_BY_DATABASE("refused-by-database", 422, "Not stored"),
  BUSY("busy", 503, "Busy"),
  // Page forms (common/ui/FormGate).
  MALFORMED_FORM("malformed-form", 400, "The form arrived damaged"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Not a form"),
  FORM_NOT_VERIFIED("form-not-verified", 400, "The form could not be checked"),
  INCIDENT_ALREADY_OPEN("incident-already-open", 409, "Conflict"),
  // Refusals of the core's ticket rules.
  ILLEGAL_TICKET_TRANSITION(
      "illegal-ticket-transition", 409, "Conflict", IllegalTicketTransitionException.class),
  DIAGNOSIS_RUNNING("diagnosis-running", 409, "Conflict", DiagnosisRunningException.class),
  DIAGNOSIS_OPEN("diagnosis-open", 409, "Conflict", DiagnosisOpenException.class),
  TICKET_CLOSED("ticket-closed", 409, "Conflict", TicketClosedException.class),
  // Refusals of the core's diagnosis rules: the status does not allow it, or a playbook rule.
  ILLEGAL_TRANSITION(
      "illegal-transition", 409, "Not allowed now", IllegalTransitionException.class),
  CONFLICTING_OUTCOME(
      "conflicting-outcome", 409, "Not allowed now", ConflictingOutcomeException.class),
  UNKNOWN_STEP("unknown-step", 422, PlaybookRule.TITLE, UnknownStepException.class),
  UNKNOWN_FIX_OPTION(
      "unknown-fix-option", 422, PlaybookRule.TITLE, UnknownFixOptionException.class),
  CONSENT_REQUIRED("consent-required", 422, PlaybookRule.TITLE, ConsentRequiredException.class),
  SKIP_REASON_REQUIRED(
      "skip-reason-required", 422, PlaybookRule.TITLE, SkipReasonRequiredException.class),
  ESCALATION_REASON_REQUIRED(
      "escalation-reason-required",
      422,
      PlaybookRule.TITLE,
      EscalationReasonRequiredException.class),
  STEP_OUT_OF_ORDER("step-out-of-order", 422, PlaybookRule.TITLE, StepOutOfOrderException.class),
  OUTCOME_NOT_ALLOWED(
      "outcome-not-allowed", 422, PlaybookRule.TITLE, OutcomeNotAllowedException.class),
  FIX_ALREADY_TRIED("fix-already-tried", 422, PlaybookRule.TITLE, FixAlreadyTriedException.class),
  // Refusals of corrections: a reason is required, there must be something to correct, the
  // correction may not contradict later results, and only some people may correct what.
  CORRECTION_REASON_REQUIRED(
      "correction-reason-required",
      422,
      PlaybookRule.TITLE,
      CorrectionReasonRequiredException.class),
  NOTHING_TO_CORRECT(
      "nothing-to-correct", 422, PlaybookRule.TITLE, NothingToCorrectException.class),
  CONTRADICTING_CORRECTION(
      "contradicting-correction", 409, "Not allowed now", ContradictingCorrectionException.class),
  CORRECTION_NOT_PERMITTED(
      "correction-not-permitted",
      403,
      "Not yours to correct",
      CorrectionNotPermittedException.class);

  private final String slug;
  private final int status;
  private final String title;
  private final Class<? extends DiagnosisException> refusal;

  ProblemType(String slug, int status, String title) {
    this(slug, status, title, null);
  }

  ProblemType(String slug, int status, String title, Class<? extends DiagnosisException> refusal) {
    this.slug = slug;
    this.status = status;
    this.title = title;
    this.refusal = refusal;
  }

  public String slug() {
    return slug;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The type of a refusal of the core. */
  public static ProblemType of(DiagnosisException refusal) {
    return Arrays.stream(values())
        .filter(type -> type.refusal != null && type.refusal.isInstance(refusal))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No problem type for " + refusal.getClass().getName() + ": add one"));
  }

  /** The refusal class a type stands for; null for the app's own problems. */
  Class<? extends DiagnosisException> refusal() {
    return refusal;
  }

  private static final class PlaybookRule {
    static final String TITLE = "Rule of the playbook broken";
  }
}
