package io.backupdesk.web.ticket.ui;

import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.DeviceModel;
import io.backupdesk.diagnostics.ticket.Channel;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.RuleException;
import io.backupdesk.web.identity.ui.CurrentAgent;
import io.backupdesk.web.ticket.AddNote;
import io.backupdesk.web.ticket.ChangeTicket;
import io.backupdesk.web.ticket.DiagnosisState;
import io.backupdesk.web.ticket.DiagnosisStates;
import io.backupdesk.web.ticket.NewNote;
import io.backupdesk.web.ticket.OpenTicket;
import io.backupdesk.web.ticket.Ticket;
import io.backupdesk.web.ticket.TicketChange;
import io.backupdesk.web.ticket.TicketQuery;
import io.backupdesk.web.ticket.api.TicketJson;
import io.backupdesk.web.ticket.api.TimelineEventJson;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The new-ticket form and the ticket page with its handling forms. Every change posts the version
 * the agent saw; a stale one shows the page again with what changed meanwhile, and nothing saved.
 */
@Path("/tickets")
@RolesAllowed("agent")
@Produces(MediaType.TEXT_HTML)
public class TicketPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance newTicket(NewTicketPage page);

    static native TemplateInstance ticket(TicketPage page);
  }

  /** The new-ticket form with what was typed and, after a rejected post, why. */
  public record NewTicketPage(
      TicketForm form,
      Map<String, String> errors,
      List<String> models,
      List<Channel> channels,
      List<Priority> priorities) {
    public String error(String field) {
      return errors.get(field);
    }
  }

  /** Everything the ticket page shows. */
  public record TicketPage(
      TicketJson ticket,
      String assigneeName,
      List<Earlier> earlier,
      List<Entry> timeline,
      List<AgentNames.Choice> agents,
      List<Priority> priorities,
      DiagnosisSummary diagnosis,
      String me,
      String message,
      String noteError,
      String noteText) {

    public boolean canClose() {
      return ticket.status() != TicketStatus.CLOSED;
    }

    public boolean canReopen() {
      return ticket.status().isReopenable();
    }

    public boolean assignedToMe() {
      return me.equals(ticket.assignee());
    }
  }

  /** Another ticket of the same customer. */
  public record Earlier(long id, String subject, TicketStatus status, Instant createdAt) {}

  /** A line of the timeline with the actor's display name. */
  public record Entry(TimelineEventJson event, String actorName) {}

  /**
   * The newest diagnosis in a line, and whether the agent continues it or starts a new one. {@code
   * running} is false when there is none or the last one ended.
   */
  public record DiagnosisSummary(
      boolean exists, boolean running, boolean canStart, String status, String progress) {}

  @Inject OpenTicket openTicket;
  @Inject ChangeTicket changeTicket;
  @Inject AddNote addNote;
  @Inject TicketQuery tickets;
  @Inject DiagnosisStates diagnoses;
  @Inject AgentNames agentNames;
  @Inject CurrentAgent currentAgent;
  @Inject QueuePages queue;
  @Inject io.backupdesk.web.ticket.LatestChange latestChange;

  /** {@code /tickets} is the queue too. */
  @GET
  public TemplateInstance list(@BeanParam QueueFilters filters) {
    return queue.queue(filters);
  }

  @GET
  @Path("new")
  public TemplateInstance newTicket() {
    return Templates.newTicket(newTicketPage(new TicketForm(), Map.of()));
  }

  @POST
  public Response create(@BeanParam TicketForm form) {
    Ticket ticket;
    try {
      ticket = openTicket.handle(form.toNewTicket(), currentAgent.username());
    } catch (ConstraintViolationException e) {
      // One message per field, the same every time: "enter it" before "it has the wrong form".
      var errors = new TreeMap<String, String>();
      e.getConstraintViolations().stream()
          .sorted(
              Comparator.comparing((ConstraintViolation<?> v) -> !isPresenceRule(v))
                  .thenComparing(ConstraintViolation::getMessage))
          .forEach(v -> errors.putIfAbsent(field(v), v.getMessage()));
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(Templates.newTicket(newTicketPage(form, errors)))
          .build();
    }
    return seeTicket(ticket.id);
  }

  /** The form field a violation is about: the last name of its path (handle.form.subject). */
  private static String field(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static boolean isPresenceRule(ConstraintViolation<?> violation) {
    var rule = violation.getConstraintDescriptor().getAnnotation().annotationType();
    return rule == NotBlank.class || rule == NotNull.class;
  }

  @GET
  @Path("{id}")
  public TemplateInstance ticket(@RestPath long id) {
    return Templates.ticket(page(id, null, null, null));
  }

  @POST
  @Path("{id}/assignee")
  public Response assign(@RestPath long id, @RestForm Integer version, @RestForm String assignee) {
    return change(id, version, TicketChange.assignee(assignee, version));
  }

  @POST
  @Path("{id}/priority")
  public Response priority(
      @RestPath long id, @RestForm Integer version, @RestForm Priority priority) {
    return change(id, version, TicketChange.priority(priority, version));
  }

  @POST
  @Path("{id}/status")
  public Response status(
      @RestPath long id, @RestForm Integer version, @RestForm TicketStatus status) {
    return change(id, version, TicketChange.status(status, version));
  }

  @POST
  @Path("{id}/notes")
  public Response addNote(@RestPath long id, @RestForm String body) {
    try {
      addNote.handle(id, new NewNote(body), currentAgent.username());
    } catch (ConstraintViolationException e) {
      String message = e.getConstraintViolations().iterator().next().getMessage();
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(Templates.ticket(page(id, null, message, body)))
          .build();
    }
    return seeTicket(id);
  }

  private Response change(long id, Integer version, TicketChange change) {
    try {
      changeTicket.handle(id, version, change, currentAgent.username());
    } catch (ConflictException e) {
      var message =
          e.inWords("this ticket", latestChange.of(id).orElse(null), java.time.Instant.now());
      return Response.status(Response.Status.CONFLICT)
          .entity(Templates.ticket(page(id, message, null, null)))
          .build();
    } catch (RuleException e) {
      return Response.status(Response.Status.CONFLICT)
          .entity(Templates.ticket(page(id, e.getMessage(), null, null)))
          .build();
    }
    return seeTicket(id);
  }

  private static Response seeTicket(long id) {
    return Response.seeOther(URI.create("/tickets/" + id)).build();
  }

  private static NewTicketPage newTicketPage(TicketForm form, Map<String, String> errors) {
    var models = new ArrayList<String>();
    DeviceCatalog.standard().models().stream().map(DeviceModel::name).forEach(models::add);
    models.add(DeviceCatalog.OTHER);
    return new NewTicketPage(
        form, errors, models, List.of(Channel.values()), List.of(Priority.values()));
  }

  private TicketPage page(long id, String message, String noteError, String noteText) {
    Ticket ticket = tickets.ticket(id);
    Map<String, String> names = agentNames.all();
    var view = TicketJson.of(ticket);
    var earlier =
        tickets.earlierTickets(ticket).stream()
            .map(t -> new Earlier(t.id, t.subject, t.status, t.createdAt))
            .toList();
    var timeline =
        tickets.timeline(id).stream()
            .map(e -> new Entry(TimelineEventJson.of(e), names.getOrDefault(e.actor, e.actor)))
            .toList();
    return new TicketPage(
        view,
        view.assignee() == null ? null : names.getOrDefault(view.assignee(), view.assignee()),
        earlier,
        timeline,
        agentNames.assignable(),
        List.of(Priority.values()),
        summary(diagnoses.latestOf(id), view.status()),
        currentAgent.username(),
        message,
        noteError,
        noteText);
  }

  private static DiagnosisSummary summary(Optional<DiagnosisState> latest, TicketStatus status) {
    boolean open = status != TicketStatus.CLOSED;
    if (latest.isEmpty()) {
      return new DiagnosisSummary(false, false, open, null, null);
    }
    DiagnosisState d = latest.get();
    boolean running = !d.status().isEnded();
    String progress = d.stepsDone() + " of " + d.steps() + " steps done";
    return new DiagnosisSummary(true, running, open && !running, d.status().label(), progress);
  }
}
