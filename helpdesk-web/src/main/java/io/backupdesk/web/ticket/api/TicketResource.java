package io.backupdesk.web.ticket.api;

import static io.backupdesk.web.common.api.ProblemResponses.BAD_REQUEST;
import static io.backupdesk.web.common.api.ProblemResponses.BUSY;
import static io.backupdesk.web.common.api.ProblemResponses.FORBIDDEN;
import static io.backupdesk.web.common.api.ProblemResponses.NOT_FOUND_TICKET;
import static io.backupdesk.web.common.api.ProblemResponses.STALE;
import static io.backupdesk.web.common.api.ProblemResponses.UNAUTHORIZED;
import static io.backupdesk.web.common.api.ProblemResponses.UNSUPPORTED;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.api.IfMatch;
import io.backupdesk.web.common.api.Preconditions;
import io.backupdesk.web.common.api.QueryParams;
import io.backupdesk.web.identity.AgentRepository;
import io.backupdesk.web.ticket.AddNote;
import io.backupdesk.web.ticket.AssigneeFilter;
import io.backupdesk.web.ticket.ChangeTicket;
import io.backupdesk.web.ticket.NewNote;
import io.backupdesk.web.ticket.NewTicket;
import io.backupdesk.web.ticket.OpenTicket;
import io.backupdesk.web.ticket.QueuePage;
import io.backupdesk.web.ticket.QueueQuery;
import io.backupdesk.web.ticket.Ticket;
import io.backupdesk.web.ticket.TicketChange;
import io.backupdesk.web.ticket.TicketQuery;
import io.backupdesk.web.ticket.TicketQueue;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tickets over HTTP: open, list the queue, read, change handling, add notes, read the timeline. */
@Path("/api/v1/tickets")
@Tag(name = "Tickets", description = "Customers' requests for help, the queue and timelines")
@RolesAllowed("agent")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = UNAUTHORIZED)
@APIResponse(responseCode = "403", description = FORBIDDEN)
public class TicketResource {

  /** The values of {@code assigned}: keywords, never user names. */
  public enum Assigned {
    MINE,
    UNASSIGNED;

    /** The keyword that {@code assignee} carried before {@code assigned} existed. */
    static Optional<Assigned> formerly(String assignee) {
      return Arrays.stream(values())
          .filter(a -> a.name().toLowerCase(Locale.ROOT).equals(assignee))
          .findFirst();
    }
  }

  @Inject OpenTicket openTicket;
  @Inject ChangeTicket changeTicket;
  @Inject AddNote addNote;
  @Inject TicketQuery tickets;
  @Inject TicketQueue queue;
  @Inject AgentRepository agents;
  @Inject SecurityIdentity identity;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Open a ticket",
      description =
          "A customer who wrote before (same e-mail, any case) is reused and keeps their name"
              + " (`customerName` only names a new customer; correct a name with PATCH"
              + " /api/v1/customers/{id}). Tickets opened at the same moment for one new address"
              + " share one new customer. The model must be in the device catalogue (or `Other`)"
              + " and the iOS version one it runs. The ticket starts NEW.")
  @APIResponse(
      responseCode = "201",
      description = "Opened; Location names the ticket, ETag is its version",
      headers = {@Header(name = "Location"), @Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = TicketJson.class)))
  @APIResponse(
      responseCode = "400",
      description =
          BAD_REQUEST
              + " An e-mail address outside the one rule the database also holds (e.g. a quoted"
              + " local part) is refused here, naming `customerEmail`.")
  @APIResponse(
      responseCode = "422",
      description =
          "`unknown-device`: a model the device catalogue does not list, or an iOS version the"
              + " model cannot run; `errors` names `deviceModel` and/or `iosVersion`")
  @APIResponse(responseCode = "415", description = UNSUPPORTED)
  @APIResponse(responseCode = "503", description = BUSY)
  public Response create(
      // Not @Valid: OpenTicket checks the fields and the phone together, naming every field once.
      @NotNull(message = "Send the ticket as a JSON object") NewTicket body, UriInfo uri) {
    Ticket ticket = openTicket.handle(body, agent());
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(ticket.id)).build())
        .tag(Preconditions.etag(ticket.version))
        .entity(TicketJson.of(ticket))
        .build();
  }

  @GET
  @Operation(
      summary = "Read the queue, one page at a time",
      description =
          "Filters combine with AND. Pages are cut by a cursor: pass `next` of one page as `after`"
              + " of the next; a ticket never appears on two pages.")
  @APIResponse(
      responseCode = "200",
      description = "One page, the cursor of the next, and counts per status",
      content = @Content(schema = @Schema(implementation = QueuePage.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "An unknown status, priority, sort or `assigned`, both `assignee` and `assigned`, a bad"
              + " cursor or limit")
  public QueuePage list(
      @Parameter(
              description =
                  "NEW, IN_DIAGNOSIS, WAITING_ON_CUSTOMER, WAITING_ON_APPLE, RESOLVED,"
                      + " ESCALATED or CLOSED")
          @QueryParam("status")
          String status,
      @Parameter(
              description =
                  "A user name: that agent's tickets. (Before `assigned` existed, `mine` and"
                      + " `unassigned` here meant what `assigned` means; they still do while no"
                      + " account has that name.)")
          @QueryParam("assignee")
          String assignee,
      @Parameter(description = "`MINE` (your tickets) or `UNASSIGNED` (nobody's)")
          @QueryParam("assigned")
          String assigned,
      @Parameter(description = "LOW, NORMAL, HIGH or URGENT") @QueryParam("priority")
          String priority,
      @Parameter(
              description =
                  "A ticket number (`42` or `#42`), a customer's e-mail, or words that start the"
                      + " subject or the customer's name, or a device model (`iPhone 8` also"
                      + " finds `iPhone 8 Plus`)")
          @QueryParam("q")
          String q,
      @Parameter(
              description =
                  "UPDATED_DESC (default), UPDATED_ASC, CREATED_DESC, CREATED_ASC, or DUE_ASC"
                      + " (soonest due time first; only tickets with a running target, i.e. not"
                      + " resolved or closed)")
          @QueryParam("sort")
          String sort,
      @Parameter(description = "The `next` cursor of the previous page") @QueryParam("after")
          String after,
      @Parameter(description = "Tickets per page, 1 to 200 (default 25)") @QueryParam("limit")
          String limit) {
    var query =
        new QueueQuery(
            QueryParams.enumValue("status", status, TicketStatus.class),
            assigneeFilter(assignee, QueryParams.enumValue("assigned", assigned, Assigned.class)),
            QueryParams.enumValue("priority", priority, Priority.class),
            q,
            QueryParams.enumValue("sort", sort, QueueQuery.Sort.class),
            after == null || after.isBlank() ? null : after.strip(),
            QueryParams.intValue("limit", limit));
    return queue.page(query, agent());
  }

  /**
   * {@code assigned} names a keyword, {@code assignee} an account, so the two never collide. An old
   * client's {@code assignee=mine} keeps its meaning unless an account is called "mine".
   */
  private AssigneeFilter assigneeFilter(String assignee, Assigned assigned) {
    String name = assignee == null || assignee.isBlank() ? null : assignee.strip();
    if (name != null && assigned != null) {
      throw new InvalidInputException(
          "assigned", "Filter by an agent (assignee) or by assigned, not both.");
    }
    var former = name == null ? Optional.<Assigned>empty() : Assigned.formerly(name);
    if (former.isPresent() && agents.findByUsername(name).isEmpty()) {
      assigned = former.get();
      name = null;
    }
    if (name != null) {
      return AssigneeFilter.agent(name);
    }
    if (assigned == null) {
      return null;
    }
    return assigned == Assigned.MINE ? AssigneeFilter.mine() : AssigneeFilter.unassigned();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a ticket", description = "The ETag is the ticket's version.")
  @APIResponse(
      responseCode = "200",
      description = "The ticket",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = TicketJson.class)))
  @APIResponse(responseCode = "404", description = NOT_FOUND_TICKET)
  public Response get(@PathParam("id") long id) {
    return ok(tickets.ticket(id));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change status, priority or assignee",
      description =
          "Absent fields stay as they are. Send the version you saw as `version` or `If-Match`:"
              + " if the ticket changed since, nothing is written and you get 409 with"
              + " `currentState`.")
  @APIResponse(
      responseCode = "200",
      description = "The ticket after the change",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = TicketJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(
      responseCode = "404",
      description = "No such ticket, or no enabled agent with the assignee's user name")
  @APIResponse(
      responseCode = "409",
      description =
          STALE
              + " A status the ticket cannot move to (e.g. RESOLVED from NEW) is also 409, and so"
              + " is a status that cannot stand beside the ticket's open diagnosis"
              + " (`diagnosis-running`: e.g. RESOLVED while it is in progress; the detail names the"
              + " diagnosis).")
  @APIResponse(responseCode = "415", description = UNSUPPORTED)
  public Response update(
      @PathParam("id") long id,
      @BeanParam IfMatch ifMatch,
      @Valid @NotNull(message = "Send the change as a JSON object") TicketChange body) {
    var expected = ifMatch.expected(body.version());
    changeTicket.handle(id, expected, body, agent());
    // Read it back: the updated entity is detached once the handler's transaction has ended.
    return ok(tickets.ticket(id));
  }

  @POST
  @Path("{id}/notes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a note to the ticket's timeline")
  @APIResponse(
      responseCode = "201",
      description = "The note as a timeline event; Location is the timeline",
      headers = @Header(name = "Location"),
      content = @Content(schema = @Schema(implementation = TimelineEventJson.class)))
  @APIResponse(
      responseCode = "400",
      description = "The note is missing, blank or longer than 10,000 characters")
  @APIResponse(responseCode = "404", description = NOT_FOUND_TICKET)
  @APIResponse(responseCode = "415", description = UNSUPPORTED)
  public Response addNote(
      @PathParam("id") long id,
      @Valid @NotNull(message = "Send the note as a JSON object") NewNote body,
      UriInfo uri) {
    var event = addNote.handle(id, body, agent());
    var timeline = uri.getBaseUriBuilder().path("api/v1/tickets/{id}/timeline").build(id);
    return Response.created(timeline).entity(TimelineEventJson.of(event)).build();
  }

  @GET
  @Path("{id}/timeline")
  @Operation(summary = "Read the ticket's timeline, oldest event first")
  @APIResponse(
      responseCode = "200",
      description = "Every event of the ticket and its diagnoses",
      content = @Content(schema = @Schema(implementation = TimelineEventJson.Timeline.class)))
  @APIResponse(responseCode = "404", description = NOT_FOUND_TICKET)
  public TimelineEventJson.Timeline timeline(@PathParam("id") long id) {
    return new TimelineEventJson.Timeline(
        id, tickets.timeline(id).stream().map(TimelineEventJson::of).toList());
  }

  /** A ticket as every answer of the ticket API sends it: its version as ETag. */
  static Response ok(Ticket ticket) {
    return Response.ok(TicketJson.of(ticket)).tag(Preconditions.etag(ticket.version)).build();
  }

  private String agent() {
    return identity.getPrincipal().getName();
  }
}
