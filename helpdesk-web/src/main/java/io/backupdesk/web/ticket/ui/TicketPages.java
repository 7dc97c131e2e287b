package io.backupdesk.web.ticket.ui;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.DeviceModel;
import io.backupdesk.diagnostics.ticket.Channel;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.diagnosis.DiagnosisService;
import io.backupdesk.web.diagnosis.DiagnosisView;
import io.backupdesk.web.identity.ui.CurrentAgent;
import io.backupdesk.web.ticket.NewTicket;
import io.backupdesk.web.ticket.Ticket;
import io.backupdesk.web.ticket.TicketEvent;
import io.backupdesk.web.ticket.TicketService;
import io.backupdesk.web.ticket.TicketUpdate;
import io.backupdesk.web.ticket.TicketView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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
import java.util.Set;
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

  private static final Set<TicketStatus> REOPENABLE =
      Set.of(TicketStatus.RESOLVED, TicketStatus.ESCALATED, TicketStatus.CLOSED);

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
      TicketView ticket,
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
      return REOPENABLE.contains(ticket.status());
    }

    public boolean assignedToMe() {
      return me.equals(ticket.assignee());
    }
  }

  /** Another ticket of the same customer. */
  public record Earlier(long id, String subject, TicketStatus status, Instant createdAt) {}

  /** A line of the timeline with the actor's display name. */
  public record Entry(TicketEvent event, String actorName) {}

  /**
   * The newest diagnosis in a line, and whether the agent continues it or starts a new one. {@code
   * running} is false when there is none or the last one ended.
   */
  public record DiagnosisSummary(
      boolean exists, boolean running, boolean canStart, String status, String progress) {}

  private final TicketService tickets;
  private final DiagnosisService diagnoses;
  private final AgentNames agentNames;
  private final CurrentAgent currentAgent;
  private final Validator validator;
  private final QueuePages queue;

  TicketPages(
      TicketService tickets,
      DiagnosisService diagnoses,
      AgentNames agentNames,
      CurrentAgent currentAgent,
      Validator validator,
      QueuePages queue) {
    this.tickets = tickets;
    this.diagnoses = diagnoses;
    this.agentNames = agentNames;
    this.currentAgent = currentAgent;
    this.validator = validator;
    this.queue = queue;
  }

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
    NewTicket input = form.toNewTicket();
    Set<ConstraintViolation<NewTicket>> violations = validator.validate(input);
    if (!violations.isEmpty()) {
      // One message per field, the same every time: "enter it" before "it has the wrong form".
      var errors = new TreeMap<String, String>();
      violations.stream()
          .sorted(
              Comparator.comparing((ConstraintViolation<NewTicket> v) -> !isPresenceRule(v))
                  .thenComparing(ConstraintViolation::getMessage))
          .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(Templates.newTicket(newTicketPage(form, errors)))
          .build();
    }
    Ticket ticket = tickets.create(input, currentAgent.username());
    return seeTicket(ticket.id);
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
    TicketUpdate change =
        assignee == null || assignee.isBlank()
            ? TicketUpdate.unassigned()
            : TicketUpdate.assignTo(assignee.strip());
    return change(id, version, change);
  }

  @POST
  @Path("{id}/priority")
  public Response priority(
      @RestPath long id, @RestForm Integer version, @RestForm Priority priority) {
    return change(id, version, TicketUpdate.priority(priority));
  }

  @POST
  @Path("{id}/status")
  public Response status(
      @RestPath long id, @RestForm Integer version, @RestForm TicketStatus status) {
    return change(id, version, TicketUpdate.status(status));
  }

  @POST
  @Path("{id}/notes")
  public Response addNote(@RestPath long id, @RestForm String body) {
    try {
      tickets.addNote(id, body, currentAgent.username());
    } catch (InvalidInputException e) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(Templates.ticket(page(id, null, e.getMessage(), body)))
          .build();
    }
    return seeTicket(id);
  }

  private Response change(long id, Integer version, TicketUpdate change) {
    try {
      tickets.update(id, version, change, currentAgent.username());
    } catch (ConflictException e) {
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
    Ticket ticket = tickets.get(id);
    Map<String, String> names = agentNames.all();
    var view = TicketView.of(ticket);
    var earlier =
        tickets.earlierTickets(ticket).stream()
            .map(t -> new Earlier(t.id, t.subject, t.status, t.createdAt))
            .toList();
    var timeline =
        tickets.timeline(id).stream()
            .map(e -> new Entry(e, names.getOrDefault(e.actor, e.actor)))
            .toList();
    return new TicketPage(
        view,
        view.assignee() == null ? null : names.getOrDefault(view.assignee(), view.assignee()),
        earlier,
        timeline,
        agentNames.assignable(),
        List.of(Priority.values()),
        summary(diagnoses.latest(id), view.status()),
        currentAgent.username(),
        message,
        noteError,
        noteText);
  }

  private static DiagnosisSummary summary(Optional<DiagnosisView> latest, TicketStatus status) {
    boolean open = status != TicketStatus.CLOSED;
    if (latest.isEmpty()) {
      return new DiagnosisSummary(false, false, open, null, null);
    }
    Diagnosis d = latest.get().diagnosis();
    boolean running = !d.status().isEnded();
    String progress = d.progress().done() + " of " + d.progress().total() + " steps done";
    return new DiagnosisSummary(true, running, open && !running, d.status().label(), progress);
  }
}
