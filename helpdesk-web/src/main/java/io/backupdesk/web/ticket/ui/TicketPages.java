package io.backupdesk.web.ticket.ui;

import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.DeviceModel;
import io.backupdesk.diagnostics.ticket.Channel;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidFieldsException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.RuleException;
import io.backupdesk.web.common.ui.ViewerZone;
import io.backupdesk.web.identity.ui.CurrentAgent;
import io.backupdesk.web.playbook.DeviceCatalogs;
import io.backupdesk.web.ticket.AddNote;
import io.backupdesk.web.ticket.ChangeTicket;
import io.backupdesk.web.ticket.Customer;
import io.backupdesk.web.ticket.CustomerQuery;
import io.backupdesk.web.ticket.CustomerRename;
import io.backupdesk.web.ticket.DiagnosisState;
import io.backupdesk.web.ticket.DiagnosisStates;
import io.backupdesk.web.ticket.NewNote;
import io.backupdesk.web.ticket.OpenTicket;
import io.backupdesk.web.ticket.RenameCustomer;
import io.backupdesk.web.ticket.SetFollowUp;
import io.backupdesk.web.ticket.Ticket;
import io.backupdesk.web.ticket.TicketChange;
import io.backupdesk.web.ticket.TicketQuery;
import io.backupdesk.web.ticket.api.TicketJson;
import io.backupdesk.web.ticket.api.TimelineEventJson;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

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

    /** The customer look-up beside the e-mail field, alone: what htmx swaps in as one types. */
    static native TemplateInstance newTicket$lookup(NewTicketPage page);

    static native TemplateInstance ticket(TicketPage page);
  }

  /**
   * The new-ticket form with what was typed and, after a rejected post, why; and who the e-mail
   * address belongs to, once looked up.
   */
  public record NewTicketPage(
      TicketForm form,
      Map<String, String> errors,
      List<String> models,
      List<Channel> channels,
      List<Priority> priorities,
      CustomerLookup lookup) {
    public String error(String field) {
      return errors.get(field);
    }
  }

  /**
   * What the desk knows of the customer with the typed e-mail address: nothing yet ({@code asked}
   * false), a new customer ({@code name} null), or their name, the phone of their newest ticket and
   * their open tickets.
   */
  public record CustomerLookup(
      boolean asked, String email, String name, String device, List<Earlier> openTickets) {
    static final CustomerLookup NOT_ASKED = new CustomerLookup(false, null, null, null, List.of());

    public boolean known() {
      return name != null;
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
      String noteText,
      Set<TicketStatus> allowedStatuses,
      int customerVersion,
      String nameError) {

    /** Offered only where the status table and the diagnosis beside it both allow it. */
    public boolean canClose() {
      return allowedStatuses.contains(TicketStatus.CLOSED);
    }

    public boolean canReopen() {
      return ticket.status().isReopenable() && allowedStatuses.contains(TicketStatus.NEW);
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
  @Inject RenameCustomer renameCustomer;
  @Inject CustomerQuery customers;
  @Inject DeviceCatalogs catalogs;
  @Inject AddNote addNote;
  @Inject SetFollowUp setFollowUp;
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
    return Templates.newTicket(newTicketPage(new TicketForm(), Map.of(), CustomerLookup.NOT_ASKED));
  }

  /** The look-up as the e-mail address is typed (htmx asks for it; the fragment alone). */
  @GET
  @Path("new/customer")
  public TemplateInstance customerLookup(@RestQuery String customerEmail) {
    var form = new TicketForm();
    form.customerEmail = customerEmail == null ? "" : customerEmail;
    return Templates.newTicket$lookup(newTicketPage(form, Map.of(), lookup(customerEmail)));
  }

  @POST
  public Response create(@BeanParam TicketForm form) {
    if (form.isLookup()) {
      // Without JavaScript, the "Look up" button: the same form, with who the address belongs to.
      return Response.ok(
              Templates.newTicket(newTicketPage(form, Map.of(), lookup(form.customerEmail))))
          .build();
    }
    Ticket ticket;
    var newTicket = form.toNewTicket();
    try {
      ticket = openTicket.handle(newTicket, currentAgent.username());
    } catch (InvalidFieldsException e) {
      var errors = new TreeMap<String, String>();
      e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
      return Response.status(e.type().status())
          .entity(Templates.newTicket(newTicketPage(form, errors, lookup(form.customerEmail))))
          .build();
    }
    return seeTicket(ticket.id);
  }

  private CustomerLookup lookup(String email) {
    if (email == null || email.isBlank()) {
      return CustomerLookup.NOT_ASKED;
    }
    Optional<Customer> found = customers.lookup(email);
    if (found.isEmpty()) {
      return new CustomerLookup(true, email.strip(), null, null, List.of());
    }
    Customer customer = found.get();
    var all = customers.ticketsOf(customer.id);
    String device =
        all.isEmpty() ? null : all.get(0).deviceModel + " on iOS " + all.get(0).iosVersion;
    var open =
        all.stream()
            .filter(t -> t.status.isOpen())
            .map(t -> new Earlier(t.id, t.subject, t.status, t.createdAt))
            .toList();
    return new CustomerLookup(true, customer.email, customer.name, device, open);
  }

  @GET
  @Path("{id}")
  public TemplateInstance ticket(@RestPath long id) {
    return Templates.ticket(page(id, null, null, null, null));
  }

  /** Corrects the customer's name: an explicit edit, written into the timeline. */
  @POST
  @Path("{id}/customer-name")
  public Response renameCustomer(
      @RestPath long id, @RestForm Integer customerVersion, @RestForm String name) {
    Ticket ticket = tickets.ticket(id);
    try {
      renameCustomer.handle(
          ticket.customer.id,
          customerVersion,
          new CustomerRename(name, customerVersion),
          currentAgent.username());
    } catch (ConstraintViolationException e) {
      String message = e.getConstraintViolations().iterator().next().getMessage();
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(Templates.ticket(page(id, null, null, null, message)))
          .build();
    } catch (ConflictException e) {
      return Response.status(Response.Status.CONFLICT)
          .entity(Templates.ticket(page(id, e.getMessage(), null, null, null)))
          .build();
    }
    return seeTicket(id);
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
          .entity(Templates.ticket(page(id, null, message, body, null)))
          .build();
    }
    return seeTicket(id);
  }

  /**
   * The follow-up form: a local date and time in the agent's zone ({@code datetime-local}), empty
   * to clear it.
   */
  @POST
  @Path("{id}/follow-up")
  public Response followUp(
      @RestPath long id, @RestForm Integer version, @RestForm String followUpAt) {
    try {
      Instant at = null;
      if (followUpAt != null && !followUpAt.isBlank()) {
        try {
          at = LocalDateTime.parse(followUpAt.strip()).atZone(ViewerZone.current()).toInstant();
        } catch (DateTimeParseException e) {
          throw new InvalidInputException(
              "followUpAt", "Enter the follow-up as a date and time, such as 2026-12-01 09:00.");
        }
      }
      setFollowUp.handle(id, version, at);
    } catch (InvalidInputException e) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(
              Templates.ticket(
                  page(id, "Follow-up not saved: " + e.getMessage(), null, null, null)))
          .build();
    } catch (ConflictException e) {
      return Response.status(Response.Status.CONFLICT)
          .entity(Templates.ticket(page(id, e.getMessage(), null, null, null)))
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
          .entity(Templates.ticket(page(id, message, null, null, null)))
          .build();
    } catch (RuleException e) {
      return Response.status(Response.Status.CONFLICT)
          .entity(Templates.ticket(page(id, e.getMessage(), null, null, null)))
          .build();
    }
    return seeTicket(id);
  }

  private static Response seeTicket(long id) {
    return Response.seeOther(URI.create("/tickets/" + id)).build();
  }

  private NewTicketPage newTicketPage(
      TicketForm form, Map<String, String> errors, CustomerLookup lookup) {
    var models = new ArrayList<String>();
    // Retired models stay on the tickets that name them but are no longer offered for new ones.
    catalogs.current().activeModels().stream().map(DeviceModel::name).forEach(models::add);
    models.add(DeviceCatalog.OTHER);
    return new NewTicketPage(
        form, errors, models, List.of(Channel.values()), List.of(Priority.values()), lookup);
  }

  private TicketPage page(
      long id, String message, String noteError, String noteText, String nameError) {
    Ticket ticket = tickets.ticket(id);
    var latest = diagnoses.latestOf(id);
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
        summary(latest, view.status()),
        currentAgent.username(),
        message,
        noteError,
        noteText,
        allowed(view.status(), latest),
        ticket.customer.version,
        nameError);
  }

  /** Where an agent may move the ticket now: the status table, then the diagnosis beside it. */
  private static Set<TicketStatus> allowed(TicketStatus status, Optional<DiagnosisState> latest) {
    var beside = TicketCase.statusesBeside(latest.map(DiagnosisState::status));
    var allowed = java.util.EnumSet.noneOf(TicketStatus.class);
    status.allowedNext().stream().filter(beside::contains).forEach(allowed::add);
    return allowed;
  }

  private static DiagnosisSummary summary(Optional<DiagnosisState> latest, TicketStatus status) {
    boolean open = status != TicketStatus.CLOSED;
    if (latest.isEmpty()) {
      return new DiagnosisSummary(false, false, open, null, null);
    }
    DiagnosisState d = latest.get();
    boolean running = !d.status().isEnded();
    String progress = d.stepsDone() + " of " + d.steps() + " steps done";
    // A follow-up after an outage starts from the customer's test backup (its panel's two
    // buttons), not with a new diagnosis from step 1.
    boolean followUp = TicketCase.awaitsBackupAfterOutage(status, Optional.of(d.latest()));
    return new DiagnosisSummary(
        true, running, open && !running && !followUp, d.status().label(), progress);
  }
}
