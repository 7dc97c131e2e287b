package io.backupdesk.web.diagnosis.ui;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.RuleException;
import io.backupdesk.web.diagnosis.DiagnosisService;
import io.backupdesk.web.diagnosis.DiagnosisView;
import io.backupdesk.web.identity.ui.CurrentAgent;
import io.backupdesk.web.ticket.TicketService;
import io.backupdesk.web.ticket.TicketView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The guided diagnosis: one step at a time, one click per outcome. Every form posts the diagnosis
 * version and answers with a redirect (post-redirect-get); a refused command shows the step again
 * with the reason and what the agent typed, and records nothing.
 */
@Path("/tickets/{id}/diagnosis")
@RolesAllowed("agent")
@Produces(MediaType.TEXT_HTML)
public class DiagnosisPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance diagnosis(DiagnosisPage page);
  }

  private final DiagnosisService diagnoses;
  private final TicketService tickets;
  private final CurrentAgent currentAgent;
  private final Clock clock;

  DiagnosisPages(
      DiagnosisService diagnoses, TicketService tickets, CurrentAgent currentAgent, Clock clock) {
    this.diagnoses = diagnoses;
    this.tickets = tickets;
    this.currentAgent = currentAgent;
    this.clock = clock;
  }

  @GET
  public TemplateInstance show(@RestPath long id) {
    return Templates.diagnosis(page(id, null, Typed.NOTHING));
  }

  @POST
  @Path("start")
  public Response start(@RestPath long id) {
    try {
      diagnoses.start(id, me());
    } catch (ConflictException e) {
      if (!"diagnosis-open".equals(e.slug())) {
        return refused(id, 409, e.getMessage(), Typed.NOTHING);
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
    OutcomeCommand command = command(step, outcome, fix, typed);
    return run(id, typed, () -> diagnoses.record(id, version, command));
  }

  @POST
  @Path("verify")
  public Response verify(
      @RestPath long id,
      @RestForm Integer version,
      @RestForm String step,
      @RestForm String completed) {
    boolean backupCompleted = "yes".equalsIgnoreCase(completed);
    return run(id, Typed.NOTHING, () -> diagnoses.verify(id, version, step, backupCompleted, me()));
  }

  @POST
  @Path("escalate")
  public Response escalate(
      @RestPath long id,
      @RestForm Integer version,
      @RestForm EscalationTarget target,
      @RestForm String reason) {
    var typed = new Typed(null, null, List.of(), reason);
    if (target == null) {
      return refused(id, 422, "Choose where the diagnosis goes.", typed);
    }
    return run(id, typed, () -> diagnoses.escalate(id, version, target, reason, me()));
  }

  @POST
  @Path("abandon")
  public Response abandon(@RestPath long id, @RestForm Integer version, @RestForm String reason) {
    try {
      diagnoses.abandon(id, version, reason, me());
    } catch (RuleException e) {
      if (!statusIs(id, DiagnosisStatus.ABANDONED)) {
        return refused(id, e.status(), e.getMessage(), Typed.NOTHING);
      }
      // Already paused: a double click; the agent sees the paused diagnosis.
    } catch (ConflictException e) {
      return refused(id, 409, e.getMessage(), Typed.NOTHING);
    }
    return seeDiagnosis(id);
  }

  @POST
  @Path("resume")
  public Response resume(@RestPath long id, @RestForm Integer version) {
    try {
      diagnoses.resume(id, version, me());
    } catch (RuleException e) {
      if (statusIs(id, DiagnosisStatus.ABANDONED)) {
        return refused(id, e.status(), e.getMessage(), Typed.NOTHING);
      }
      // Already resumed: a double click; the agent sees the step where it stopped.
    } catch (ConflictException e) {
      return refused(id, 409, e.getMessage(), Typed.NOTHING);
    }
    return seeDiagnosis(id);
  }

  private Response run(long id, Typed typed, Supplier<DiagnosisView> command) {
    try {
      command.get();
    } catch (InvalidInputException e) {
      return refused(id, 400, e.getMessage(), typed);
    } catch (RuleException e) {
      return refused(id, e.status(), e.getMessage(), typed);
    } catch (ConflictException e) {
      return refused(id, 409, e.getMessage(), typed);
    }
    return seeDiagnosis(id);
  }

  private OutcomeCommand command(String step, String outcome, String fix, Typed typed) {
    if (step == null || step.isBlank()) {
      throw new InvalidInputException("step", "The form did not say which step it answers.");
    }
    var at = clock.instant();
    if (fix != null && !fix.isBlank()) {
      return OutcomeCommand.fixed(step, fix, typed.consent().contains(fix.strip()), me(), at)
          .withNote(typed.note());
    }
    StepOutcome chosen;
    try {
      chosen = StepOutcome.valueOf(outcome == null ? "" : outcome.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("outcome", "Choose one of the outcome buttons.");
    }
    OutcomeCommand command =
        switch (chosen) {
          case NOTHING_WRONG -> OutcomeCommand.nothingWrong(step, me(), at);
          case NOT_APPLICABLE -> OutcomeCommand.notApplicable(step, me(), at);
          case OUTAGE -> OutcomeCommand.outage(step, me(), at);
          case SKIPPED -> OutcomeCommand.skipped(step, typed.skipReason(), me(), at);
          case FIXED -> throw new InvalidInputException("fix", "Choose which fix worked.");
        };
    return command.withNote(typed.note());
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
    TicketView ticket = TicketView.of(tickets.get(id));
    Optional<DiagnosisView> latest = diagnoses.latest(id);
    if (latest.isEmpty()) {
      return DiagnosisPage.notStarted(ticket, message);
    }
    DiagnosisView view = latest.get();
    Diagnosis diagnosis = view.diagnosis();
    return DiagnosisPage.of(ticket, view, diagnosis, message, typed);
  }
}
