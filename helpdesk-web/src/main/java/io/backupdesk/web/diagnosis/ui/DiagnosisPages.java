package io.backupdesk.web.diagnosis.ui;

import io.backupdesk.diagnostics.diagnosis.AfterStillFailing;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.diagnostics.diagnosis.Verification;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.ProblemType;
import io.backupdesk.web.common.RuleException;
import io.backupdesk.web.diagnosis.AbandonDiagnosis;
import io.backupdesk.web.diagnosis.CorrectResult;
import io.backupdesk.web.diagnosis.DiagnosisQuery;
import io.backupdesk.web.diagnosis.DiagnosisRequests;
import io.backupdesk.web.diagnosis.DiagnosisView;
import io.backupdesk.web.diagnosis.EscalateDiagnosis;
import io.backupdesk.web.diagnosis.FollowArticleOrder;
import io.backupdesk.web.diagnosis.MoveOn;
import io.backupdesk.web.diagnosis.RecordOutcome;
import io.backupdesk.web.diagnosis.ResumeDiagnosis;
import io.backupdesk.web.diagnosis.StartDiagnosis;
import io.backupdesk.web.diagnosis.TryAnotherFix;
import io.backupdesk.web.diagnosis.VerifyBackup;
import io.backupdesk.web.identity.ui.CurrentAgent;
import io.backupdesk.web.order.StepReasons;
import io.backupdesk.web.ticket.TicketQuery;
import io.backupdesk.web.ticket.api.TicketJson;
import io.backupdesk.web.ticket.ui.AgentNames;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The guided diagnosis: one step at a time, one click per outcome. Every form posts the diagnosis
 * version and answers with a redirect (post-redirect-get); a refused command shows the step again
 * with the reason and what the agent typed, and records nothing. The forms build the same requests
 * as the API and run the same handlers.
 */
@Path("/tickets/{id}/diagnosis")
@RolesAllowed("agent")
@Produces(MediaType.TEXT_HTML)
public class DiagnosisPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance diagnosis(DiagnosisPage page);
  }

  @Inject StartDiagnosis startDiagnosis;
  @Inject RecordOutcome recordOutcome;
  @Inject VerifyBackup verifyBackup;
  @Inject EscalateDiagnosis escalateDiagnosis;
  @Inject AbandonDiagnosis abandonDiagnosis;
  @Inject ResumeDiagnosis resumeDiagnosis;
  @Inject TryAnotherFix tryAnotherFix;
  @Inject MoveOn moveOn;
  @Inject FollowArticleOrder followArticleOrder;
  @Inject CorrectResult correctResult;
  @Inject AgentNames agentNames;
  @Inject StepReasons stepReasons;
  @Inject DiagnosisQuery diagnoses;
  @Inject TicketQuery tickets;
  @Inject CurrentAgent currentAgent;
  @Inject io.backupdesk.web.ticket.LatestChange latestChange;

  @GET
  public TemplateInstance show(@RestPath long id) {
    return Templates.diagnosis(page(id, null, Typed.NOTHING));
  }

  @POST
  @Path("start")
  public Response start(@RestPath long id) {
    try {
      startDiagnosis.handle(id, me());
    } catch (RuleException e) {
      if (e.type() != ProblemType.DIAGNOSIS_OPEN) {
        return refused(id, e.status(), e.getMessage(), Typed.NOTHING);
      }
      // A double click, or a colleague was quicker: the open diagnosis is the one to work on.
    }
    return seeDiagnosis(id);
  }

  @POST
  @Path("outcome")
  public Response outcome(
      @RestPath long id,
      @RestForm Integer version,
      @RestForm String step,
      @RestForm String outcome,
      @RestForm String fix,
      @RestForm List<String> consent,
      @RestForm String skipReason,
      @RestForm String note) {
    var typed = new Typed(note, skipReason, consent == null ? List.of() : consent, null);
    return run(
        id,
        typed,
        () -> recordOutcome.handle(id, version, request(step, outcome, fix, typed, version), me()));
  }

  @POST
  @Path("verify")
  public Response verify(
      @RestPath long id,
      @RestForm Integer version,
      @RestForm String step,
      @RestForm String completed) {
    // "no-try-another" stays at the step so that another of its fixes can be tried.
    var request =
        new DiagnosisRequests.Verification(
            step,
            "yes".equalsIgnoreCase(completed),
            null,
            "no-try-another".equalsIgnoreCase(completed)
                ? AfterStillFailing.STAY_AT_STEP
                : AfterStillFailing.MOVE_ON,
            version);
    return run(id, Typed.NOTHING, () -> verifyBackup.handle(id, version, request, me()));
  }

  @POST
  @Path("another-fix")
  public Response anotherFix(
      @RestPath long id,
      @RestForm Integer version,
      @RestForm String step,
      @RestForm String fix,
      @RestForm List<String> consent,
      @RestForm String note) {
    var typed = new Typed(note, null, consent == null ? List.of() : consent, null);
    String chosen = fix == null ? "" : fix.strip();
    var request =
        new DiagnosisRequests.AnotherFix(step, chosen, note, typed.consented(chosen), version);
    return run(id, typed, () -> tryAnotherFix.handle(id, version, request, me()));
  }

  @POST
  @Path("move-on")
  public Response moveOn(@RestPath long id, @RestForm Integer version, @RestForm String step) {
    var request = new DiagnosisRequests.MoveOn(step, version);
    return run(id, Typed.NOTHING, () -> moveOn.handle(id, version, request, me()));
  }

  @POST
  @Path("article-order")
  public Response articleOrder(@RestPath long id, @RestForm Integer version) {
    var request = new DiagnosisRequests.ArticleOrder(version);
    return run(id, Typed.NOTHING, () -> followArticleOrder.handle(id, version, request, me()));
  }

  /**
   * The correction form of one result: "save" replaces it with the chosen answer, "withdraw" takes
   * it back. The form's first (hidden) button is "save", so Enter in a text field never withdraws.
   */
  @POST
  @Path("corrections")
  public Response correct(
      @RestPath long id,
      @RestForm Integer version,
      @RestForm String step,
      @RestForm Integer attempt,
      @RestForm String action,
      @RestForm String outcome,
      @RestForm String fix,
      @RestForm String consent,
      @RestForm String verification,
      @RestForm String skipReason,
      @RestForm String reason) {
    var typed = new Typed(null, null, List.of(), null).withCorrection(step, attempt, reason);
    return run(
        id,
        typed,
        () -> {
          boolean withdraw = "withdraw".equals(action);
          StepOutcome chosen = withdraw ? null : parse(StepOutcome.class, outcome, "outcome");
          boolean fixed = chosen == StepOutcome.FIXED;
          var request =
              new DiagnosisRequests.Correction(
                  step,
                  attempt,
                  withdraw,
                  chosen,
                  fixed ? fix : null,
                  chosen == StepOutcome.SKIPPED ? skipReason : null,
                  fixed && consent != null && !consent.isBlank(),
                  fixed ? parse(Verification.class, verification, "verification") : null,
                  reason,
                  version);
          return correctResult.handle(id, version, request, me());
        });
  }

  /** A choice of a form's select; blank is no choice (null). */
  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      if (type == StepOutcome.class) {
        throw new InvalidInputException(field, "Choose the corrected outcome.");
      }
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "Choose one of the listed values.");
    }
  }

  @POST
  @Path("escalate")
  public Response escalate(
      @RestPath long id,
      @RestForm Integer version,
      @RestForm EscalationTarget target,
      @RestForm String reason) {
    var typed = new Typed(null, null, List.of(), reason);
    var request = new DiagnosisRequests.Escalation(target, reason, version);
    return run(id, typed, () -> escalateDiagnosis.handle(id, version, request, me()));
  }

  @POST
  @Path("abandon")
  public Response abandon(@RestPath long id, @RestForm Integer version, @RestForm String reason) {
    var request = new DiagnosisRequests.Abandonment(reason, version);
    try {
      abandonDiagnosis.handle(id, version, request, me());
    } catch (RuleException e) {
      if (!statusIs(id, DiagnosisStatus.ABANDONED)) {
        return refused(id, e.status(), e.getMessage(), Typed.NOTHING);
      }
      // Already paused: a double click; the agent sees the paused diagnosis.
    } catch (ConflictException e) {
      return refused(id, 409, inWords(id, e), Typed.NOTHING);
    } catch (ConstraintViolationException e) {
      return refused(id, 400, firstMessage(e), Typed.NOTHING);
    }
    return seeDiagnosis(id);
  }

  @POST
  @Path("resume")
  public Response resume(@RestPath long id, @RestForm Integer version) {
    try {
      resumeDiagnosis.handle(id, version, new DiagnosisRequests.Resumption(version), me());
    } catch (RuleException e) {
      if (statusIs(id, DiagnosisStatus.ABANDONED)) {
        return refused(id, e.status(), e.getMessage(), Typed.NOTHING);
      }
      // Already resumed: a double click; the agent sees the step where it stopped.
    } catch (ConflictException e) {
      return refused(id, 409, inWords(id, e), Typed.NOTHING);
    }
    return seeDiagnosis(id);
  }

  private Response run(long id, Typed typed, Supplier<DiagnosisView> command) {
    try {
      command.get();
    } catch (InvalidInputException e) {
      return refused(id, 400, e.getMessage(), typed);
    } catch (ConstraintViolationException e) {
      return refused(id, 400, firstMessage(e), typed);
    } catch (RuleException e) {
      return refused(id, e.status(), e.getMessage(), typed);
    } catch (ConflictException e) {
      return refused(id, 409, inWords(id, e), typed);
    }
    return seeDiagnosis(id);
  }

  /**
   * The outcome form as the API's request: a fix button means FIXED with that fix, and consent is
   * that fix's box; the skip reason only counts for the skip button (the field is always sent).
   */
  private static DiagnosisRequests.Outcome request(
      String step, String outcome, String fix, Typed typed, Integer version) {
    boolean fixed = fix != null && !fix.isBlank();
    StepOutcome chosen;
    try {
      chosen =
          fixed
              ? StepOutcome.FIXED
              : StepOutcome.valueOf(
                  outcome == null ? "" : outcome.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("outcome", "Choose one of the outcome buttons.");
    }
    if (chosen == StepOutcome.FIXED && !fixed) {
      throw new InvalidInputException("fix", "Choose which fix worked.");
    }
    return new DiagnosisRequests.Outcome(
        step,
        chosen,
        fixed ? fix : null,
        chosen == StepOutcome.SKIPPED ? typed.skipReason() : null,
        typed.note(),
        fixed && typed.consented(fix.strip()),
        version);
  }

  /** One message for the page, the same every time. */
  private static String firstMessage(ConstraintViolationException e) {
    return e.getConstraintViolations().stream()
        .map(ConstraintViolation::getMessage)
        .min(Comparator.naturalOrder())
        .orElse(e.getMessage());
  }

  /** A lost race, said the way an agent can act on it: who changed the ticket, and when. */
  private String inWords(long id, ConflictException e) {
    return e.inWords(
        "this ticket and its diagnosis", latestChange.of(id).orElse(null), java.time.Instant.now());
  }

  private boolean statusIs(long id, DiagnosisStatus status) {
    return diagnoses.latest(id).map(v -> v.diagnosis().status() == status).orElse(false);
  }

  private Response refused(long id, int status, String message, Typed typed) {
    return Response.status(status).entity(Templates.diagnosis(page(id, message, typed))).build();
  }

  private static Response seeDiagnosis(long id) {
    return Response.seeOther(URI.create("/tickets/" + id + "/diagnosis")).build();
  }

  private String me() {
    return currentAgent.username();
  }

  private DiagnosisPage page(long id, String message, Typed typed) {
    TicketJson ticket = TicketJson.of(tickets.ticket(id));
    Optional<DiagnosisView> latest = diagnoses.latest(id);
    if (latest.isEmpty()) {
      return DiagnosisPage.notStarted(ticket, message);
    }
    DiagnosisView view = latest.get();
    var diagnosis = view.diagnosis();
    String reason =
        diagnosis
            .currentStep()
            .flatMap(
                step ->
                    stepReasons.reason(
                        diagnosis.orderChoice(), diagnosis.device(), diagnosis.order(), step))
            .orElse(null);
    var viewer = new DiagnosisPage.Viewer(me(), currentAgent.isSupervisor(), agentNames.all());
    return DiagnosisPage.of(ticket, view, diagnosis, message, typed, viewer, reason);
  }
}
