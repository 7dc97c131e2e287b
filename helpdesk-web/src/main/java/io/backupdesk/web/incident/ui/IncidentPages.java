package io.backupdesk.web.incident.ui;

import io.backupdesk.diagnostics.incident.IncidentRefusedException;
import io.backupdesk.diagnostics.incident.IncidentStatus;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.incident.IncidentCommands;
import io.backupdesk.web.incident.IncidentRecord;
import io.backupdesk.web.incident.IncidentReport;
import io.backupdesk.web.incident.IncidentStore;
import io.backupdesk.web.incident.OutageWatch;
import io.backupdesk.web.incident.Suggestions;
import io.backupdesk.web.incident.api.IncidentJson;
import io.backupdesk.web.ticket.Ticket;
import io.backupdesk.web.ticket.TicketRepository;
import io.backupdesk.web.ticket.ui.QueueFilters;
import io.backupdesk.web.ticket.ui.QueuePages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The incidents pages: the list with the desk's suggestions and their evidence, the report, one
 * incident with its tickets, the queue's bulk form, and the ticket-side forms (merge, test backup
 * after an outage). Every successful post redirects; a refused one shows its page again with the
 * reason.
 */
@Path("/incidents")
@RolesAllowed("agent")
@Produces(MediaType.TEXT_HTML)
public class IncidentPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance incidents(ListPage page);

    static native TemplateInstance incident(DetailPage page);
  }

  /** The incidents page. */
  public record ListPage(
      IncidentRecord open,
      List<IncidentJson.Suggestion> pending,
      List<IncidentJson.Evidence> evidence,
      List<IncidentRecord> incidents,
      List<IncidentReport.Week> report,
      boolean supervisor,
      Map<String, String> errors,
      String title,
      String startedAt,
      String message,
      String notice) {
    public String error(String field) {
      return errors.get(field);
    }
  }

  /** One linked ticket as the incident page lists it. */
  public record LinkedRow(
      long ticketId, String subject, TicketStatus status, String linkedBy, Instant linkedAt) {}

  /** One incident's page. */
  public record DetailPage(
      IncidentRecord incident,
      List<LinkedRow> tickets,
      List<IncidentJson.Line> timeline,
      boolean supervisor,
      Map<String, String> errors,
      String ticketIds,
      String noteText,
      String message,
      String notice) {
    public boolean open() {
      return incident.status == IncidentStatus.OPEN;
    }

    public String error(String field) {
      return errors.get(field);
    }
  }

  @Inject IncidentStore incidents;
  @Inject Suggestions suggestions;
  @Inject IncidentCommands commands;
  @Inject OutageWatch watch;
  @Inject IncidentReport report;
  @Inject TicketRepository tickets;
  @Inject SecurityIdentity identity;
  @Inject QueuePages queuePages;
  @Inject QueueIncidentForm queueForm;

  @GET
  public TemplateInstance list(@RestQuery String done) {
    return Templates.incidents(listPage(Map.of(), "", "", null, notice(done)));
  }

  @POST
  @RolesAllowed("supervisor")
  public Response open(@RestForm String title, @RestForm String startedAt) {
    try {
      var record = commands.open(title, parseMinute(startedAt), me());
      return seeOther("/incidents/" + record.id, "opened");
    } catch (IncidentRefusedException e) {
      return listAgain(Map.of("title", e.getMessage()), title, startedAt, null);
    } catch (InvalidInputException e) {
      return listAgain(Map.of(e.field(), e.getMessage()), title, startedAt, null);
    } catch (ConflictException e) {
      return listAgain(Map.of(), title, startedAt, e.getMessage());
    }
  }

  @POST
  @Path("suggestions/{id}/confirm")
  @RolesAllowed("supervisor")
  public Response confirm(@RestPath long id, @RestForm String title) {
    try {
      var record = commands.confirm(id, title, me());
      return seeOther("/incidents/" + record.id, "opened");
    } catch (IncidentRefusedException | ConflictException e) {
      return listAgain(Map.of(), "", "", e.getMessage());
    }
  }

  @POST
  @Path("suggestions/{id}/dismiss")
  @RolesAllowed("supervisor")
  public Response dismiss(@RestPath long id, @RestForm String reason) {
    try {
      commands.dismiss(id, reason, me());
      return seeOther("/incidents", "dismissed");
    } catch (IncidentRefusedException e) {
      return listAgain(Map.of(), "", "", e.getMessage());
    }
  }

  @GET
  @Path("{id}")
  public TemplateInstance detail(@RestPath long id, @RestQuery String done) {
    return Templates.incident(detailPage(incidents.byId(id), Map.of(), "", "", null, notice(done)));
  }

  @POST
  @Path("{id}/links")
  @RolesAllowed("supervisor")
  public Response link(@RestPath long id, @RestForm String ticketIds) {
    return linking(id, ticketIds, true);
  }

  @POST
  @Path("{id}/unlinks")
  @RolesAllowed("supervisor")
  public Response unlink(@RestPath long id, @RestForm("ticketId") List<String> ticketIds) {
    return linking(id, String.join(" ", ticketIds == null ? List.of() : ticketIds), false);
  }

  @POST
  @Path("{id}/notes")
  public Response note(@RestPath long id, @RestForm String text) {
    try {
      commands.addNote(id, text, me());
      return seeOther("/incidents/" + id, "noted");
    } catch (IncidentRefusedException e) {
      return detailAgain(id, Map.of("text", e.getMessage()), "", text, null);
    }
  }

  @POST
  @Path("{id}/recover")
  @RolesAllowed("supervisor")
  public Response recover(@RestPath long id, @RestForm String version) {
    try {
      commands.recover(id, parseVersion(version), me());
      return seeOther("/incidents/" + id, "recovered");
    } catch (IncidentRefusedException | ConflictException e) {
      return detailAgain(id, Map.of(), "", "", e.getMessage());
    }
  }

  /** The queue's bulk form: the ticked tickets join the incident the queue showed. */
  @POST
  @Path("open/links")
  @RolesAllowed("supervisor")
  public Response linkFromQueue(
      @BeanParam QueueFilters queue,
      @RestForm String incident,
      @RestForm String version,
      @RestForm("ticketId") List<String> ticketIds) {
    return fromQueue(queue, incident, version, ticketIds, true);
  }

  /** The queue's bulk form: the ticked tickets leave the incident the queue showed. */
  @POST
  @Path("open/unlinks")
  @RolesAllowed("supervisor")
  public Response unlinkFromQueue(
      @BeanParam QueueFilters queue,
      @RestForm String incident,
      @RestForm String version,
      @RestForm("ticketId") List<String> ticketIds) {
    return fromQueue(queue, incident, version, ticketIds, false);
  }

  private Response fromQueue(
      QueueFilters queue, String incident, String version, List<String> typed, boolean link) {
    var selected = new ArrayList<Long>();
    for (String part : typed == null ? List.<String>of() : typed) {
      Long ticket = parseTicket(part);
      if (ticket == null) {
        return queueAgain(
            queue, 400, "'" + part + "' is not a ticket number: nothing was changed.", selected);
      }
      selected.add(ticket);
    }
    if (selected.isEmpty()) {
      return queueAgain(
          queue,
          400,
          "Select the tickets first: tick their boxes in the queue's first column.",
          selected);
    }
    Long incidentId = parseTicket(incident);
    Integer shown;
    try {
      shown = parseVersion(version);
    } catch (InvalidInputException e) {
      shown = null;
    }
    if (incidentId == null || shown == null) {
      return queueAgain(
          queue, 400, "The form was damaged: reload the queue and select again.", selected);
    }
    try {
      int changed = commands.changeLinksAsShown(incidentId, shown, selected, link, me());
      return Response.seeOther(
              UriBuilder.fromUri(queue.current())
                  .queryParam("incidentDone", link ? "linked" : "unlinked")
                  .queryParam("changed", changed)
                  .queryParam("selected", new TreeSet<>(selected).size())
                  .fragment("incident-links")
                  .build())
          .build();
    } catch (InvalidInputException e) {
      return queueAgain(queue, 400, e.getMessage(), selected);
    } catch (IncidentRefusedException | ConflictException e) {
      return queueAgain(queue, 409, e.getMessage(), selected);
    } catch (NotFoundException e) {
      return queueAgain(
          queue,
          409,
          "There is no incident #" + incidentId + ": reload the queue to see the open one.",
          selected);
    }
  }

  /** The queue as it was, with the reason beside the bulk form and the tickets still ticked. */
  private Response queueAgain(QueueFilters queue, int status, String message, List<Long> selected) {
    queueForm.refused(message, selected);
    return Response.status(status).entity(queuePages.queue(queue)).build();
  }

  private Response linking(long id, String typed, boolean link) {
    List<Long> ids = new ArrayList<>();
    for (String part : (typed == null ? "" : typed).split("[\\s,;]+")) {
      if (part.isBlank()) {
        continue;
      }
      Long ticket = parseTicket(part);
      if (ticket == null) {
        return detailAgain(
            id,
            Map.of("ticketIds", "'" + part + "' is not a ticket number; write numbers like 1234."),
            typed,
            "",
            null);
      }
      ids.add(ticket);
    }
    try {
      if (link) {
        commands.link(id, ids, me());
      } else {
        commands.unlink(id, ids, me());
      }
      return seeOther("/incidents/" + id, link ? "linked" : "unlinked");
    } catch (InvalidInputException e) {
      return detailAgain(id, Map.of("ticketIds", e.getMessage()), typed, "", null);
    } catch (IncidentRefusedException e) {
      return detailAgain(id, Map.of(), typed, "", e.getMessage());
    }
  }

  private ListPage listPage(
      Map<String, String> errors, String title, String startedAt, String message, String notice) {
    var pending = suggestions.pending().stream().map(IncidentJson.Suggestion::of).toList();
    boolean supervisor = identity.hasRole("supervisor");
    return new ListPage(
        incidents.open().orElse(null),
        supervisor ? pending : List.of(),
        supervisor
            ? watch.evidenceNow().stream().map(IncidentJson.Evidence::of).toList()
            : List.of(),
        incidents.newest(50),
        supervisor ? report.weeks() : List.of(),
        supervisor,
        errors,
        title == null ? "" : title,
        startedAt == null ? "" : startedAt,
        message,
        notice);
  }

  private DetailPage detailPage(
      IncidentRecord incident,
      Map<String, String> errors,
      String ticketIds,
      String noteText,
      String message,
      String notice) {
    // One query for every linked ticket: an outage links hundreds.
    List<Long> ids = incident.links.stream().map(l -> l.ticketId).toList();
    Map<Long, Ticket> linked =
        ids.isEmpty()
            ? Map.of()
            : tickets.list("id in ?1", ids).stream().collect(Collectors.toMap(t -> t.id, t -> t));
    var rows =
        incident.links.stream()
            .map(
                l -> {
                  var t = linked.get(l.ticketId);
                  return new LinkedRow(l.ticketId, t.subject, t.status, l.linkedBy, l.linkedAt);
                })
            .toList();
    var timeline =
        incidents.timeline(incident.id).stream()
            .map(e -> new IncidentJson.Line(e.at, e.actor, e.summary))
            .toList();
    return new DetailPage(
        incident,
        rows,
        timeline,
        identity.hasRole("supervisor"),
        errors,
        ticketIds == null ? "" : ticketIds,
        noteText == null ? "" : noteText,
        message,
        notice);
  }

  private Response listAgain(
      Map<String, String> errors, String title, String startedAt, String message) {
    return Response.status(message != null ? Response.Status.CONFLICT : Response.Status.BAD_REQUEST)
        .entity(
            Templates.incidents(
                listPage(
                    errors,
                    title,
                    startedAt,
                    message != null
                        ? message
                        : "The incident was not opened: see the field marked below.",
                    null)))
        .build();
  }

  private Response detailAgain(
      long id, Map<String, String> errors, String ticketIds, String noteText, String message) {
    return Response.status(message != null ? Response.Status.CONFLICT : Response.Status.BAD_REQUEST)
        .entity(
            Templates.incident(
                detailPage(
                    incidents.byId(id),
                    errors,
                    ticketIds,
                    noteText,
                    message != null ? message : "Nothing was saved: see the field marked below.",
                    null)))
        .build();
  }

  private static Response seeOther(String path, String done) {
    return Response.seeOther(UriBuilder.fromPath(path).queryParam("done", done).build()).build();
  }

  private static String notice(String done) {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "opened" -> "The incident is open: tickets ending \"waiting on Apple\" now join it.";
      case "dismissed" -> "The suggestion is dismissed.";
      case "linked" -> "The tickets are linked; each ticket's timeline says so.";
      case "unlinked" -> "The tickets are unlinked.";
      case "noted" -> "Your note is added.";
      case "recovered" ->
          "Recovered: the tickets that were waiting on Apple are back in the queue as follow-ups.";
      default -> null;
    };
  }

  static Long parseTicket(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    if (t.startsWith("#")) {
      t = t.substring(1);
    }
    // ASCII digits only: "١٢" must not read as 12.
    if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Long.parseLong(t);
  }

  private static Integer parseVersion(String version) {
    if (version == null || version.isBlank()) {
      return null;
    }
    if (version.length() > 9 || !version.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidInputException("version", "The form was damaged; reload the page.");
    }
    return Integer.parseInt(version);
  }

  /** A datetime-local value, read as UTC (the page says so); blank means now. */
  private static Instant parseMinute(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "startedAt", "Write the start as a date and time, e.g. 2026-11-30T14:05 (UTC).");
    }
  }

  private String me() {
    return identity.getPrincipal().getName();
  }
}
