package io.backupdesk.web.incident.api;

import static io.backupdesk.web.common.api.ProblemResponses.BAD_REQUEST;
import static io.backupdesk.web.common.api.ProblemResponses.UNAUTHORIZED;

import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.incident.IncidentCommands;
import io.backupdesk.web.incident.IncidentRecord;
import io.backupdesk.web.incident.IncidentReport;
import io.backupdesk.web.incident.IncidentStore;
import io.backupdesk.web.incident.OutageWatch;
import io.backupdesk.web.incident.Suggestions;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Incidents over HTTP: Apple outages, the tickets they hold up, the desk's suggestions with their
 * evidence, recovery, and the incident report. Agents read and add notes; supervisors decide.
 */
@Path("/api/v1/incidents")
@Tag(name = "Incidents", description = "Apple outages, linked tickets, suggestions and recovery")
@RolesAllowed("agent")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

  static final String REFUSED =
      "Not possible now (`type` says why): an incident is open already, the incident is"
          + " recovered, the suggestion was decided, or the version is stale.";
  static final String UNKNOWN = "No incident or suggestion with this number.";

  @Inject IncidentCommands commands;
  @Inject IncidentStore incidents;
  @Inject Suggestions suggestions;
  @Inject OutageWatch watch;
  @Inject IncidentReport report;
  @Inject SecurityIdentity identity;

  @GET
  @Operation(summary = "The newest incidents, open first")
  @APIResponse(responseCode = "200", description = "Up to 100 incidents, newest first")
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  public List<IncidentJson.Incident> list() {
    return incidents.newest(100).stream().map(this::json).toList();
  }

  @POST
  @RolesAllowed("supervisor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open an incident by hand", description = "One incident is open at a time.")
  @APIResponse(responseCode = "201", description = "Opened; Location names it")
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "409", description = REFUSED)
  @APIResponse(
      responseCode = "422",
      description = "A title that is empty, too long or not one line")
  public Response open(IncidentJson.NewIncident body, UriInfo uri) {
    if (body == null) {
      throw new InvalidInputException("title", "Send the incident as a JSON object with a title.");
    }
    var record = commands.open(body.title(), body.startedAt(), agent());
    return created(uri, record);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One incident with its linked tickets, notes and timeline")
  @APIResponse(responseCode = "200", description = "The incident")
  @APIResponse(responseCode = "404", description = UNKNOWN)
  public IncidentJson.Incident get(@PathParam("id") long id) {
    return json(incidents.byId(id));
  }

  @POST
  @Path("{id}/links")
  @RolesAllowed("supervisor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Link tickets to the incident",
      description = "Tickets already linked are left alone; each new link is on its timeline.")
  @APIResponse(responseCode = "200", description = "The incident as it is now")
  @APIResponse(responseCode = "400", description = "No tickets, too many, or an unknown ticket")
  @APIResponse(responseCode = "404", description = UNKNOWN)
  @APIResponse(responseCode = "409", description = REFUSED)
  public IncidentJson.Incident link(@PathParam("id") long id, IncidentJson.TicketSelection body) {
    return json(commands.link(id, body == null ? null : body.ticketIds(), agent()));
  }

  @POST
  @Path("{id}/unlinks")
  @RolesAllowed("supervisor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Unlink tickets from the incident")
  @APIResponse(responseCode = "200", description = "The incident as it is now")
  @APIResponse(responseCode = "400", description = "No tickets, too many, or an unknown ticket")
  @APIResponse(responseCode = "404", description = UNKNOWN)
  @APIResponse(responseCode = "409", description = REFUSED)
  public IncidentJson.Incident unlink(@PathParam("id") long id, IncidentJson.TicketSelection body) {
    return json(commands.unlink(id, body == null ? null : body.ticketIds(), agent()));
  }

  @POST
  @Path("{id}/notes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a note to the incident (what Apple says, what customers see)")
  @APIResponse(responseCode = "200", description = "The incident as it is now")
  @APIResponse(responseCode = "404", description = UNKNOWN)
  @APIResponse(responseCode = "422", description = "An empty or too long note")
  public IncidentJson.Incident note(@PathParam("id") long id, IncidentJson.NoteText body) {
    return json(commands.addNote(id, body == null ? null : body.text(), agent()));
  }

  @POST
  @Path("{id}/recovery")
  @RolesAllowed("supervisor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Mark the incident recovered",
      description =
          "In one transaction: every linked ticket still waiting on Apple goes back to the queue"
              + " as a follow-up with a timeline entry; the others stay as they are.")
  @APIResponse(responseCode = "200", description = "The recovered incident")
  @APIResponse(responseCode = "404", description = UNKNOWN)
  @APIResponse(responseCode = "409", description = REFUSED)
  public IncidentJson.Incident recover(@PathParam("id") long id, IncidentJson.Recovery body) {
    return json(commands.recover(id, body == null ? null : body.version(), agent()));
  }

  @GET
  @Path("suggestions")
  @RolesAllowed("supervisor")
  @Operation(summary = "The desk's suggestions, pending first, with their evidence")
  @APIResponse(responseCode = "200", description = "Pending suggestions, then the 50 newest")
  public List<IncidentJson.Suggestion> suggestions() {
    var pending = suggestions.pending();
    var rest = suggestions.newest(50).stream().filter(s -> !pending.contains(s)).toList();
    return java.util.stream.Stream.concat(pending.stream(), rest.stream())
        .map(IncidentJson.Suggestion::of)
        .toList();
  }

  @GET
  @Path("evidence")
  @RolesAllowed("supervisor")
  @Operation(
      summary = "The detection's evidence right now",
      description = "For each signal: the count in the recent window, the count expected, p.")
  @APIResponse(responseCode = "200", description = "One entry per signal")
  public List<IncidentJson.Evidence> evidence() {
    return watch.evidenceNow().stream().map(IncidentJson.Evidence::of).toList();
  }

  @POST
  @Path("suggestions/{id}/confirmation")
  @RolesAllowed("supervisor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Confirm a suggestion: it opens the incident")
  @APIResponse(responseCode = "201", description = "The incident it opened")
  @APIResponse(responseCode = "404", description = UNKNOWN)
  @APIResponse(responseCode = "409", description = REFUSED)
  public Response confirm(@PathParam("id") long id, IncidentJson.Confirmation body, UriInfo uri) {
    var record = commands.confirm(id, body == null ? null : body.title(), agent());
    return Response.created(
            uri.getBaseUriBuilder().path("api/v1/incidents").path(Long.toString(record.id)).build())
        .entity(json(record))
        .build();
  }

  @POST
  @Path("suggestions/{id}/dismissal")
  @RolesAllowed("supervisor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Dismiss a suggestion as a false alarm")
  @APIResponse(responseCode = "200", description = "The dismissed suggestion")
  @APIResponse(responseCode = "404", description = UNKNOWN)
  @APIResponse(responseCode = "409", description = REFUSED)
  public IncidentJson.Suggestion dismiss(@PathParam("id") long id, IncidentJson.Dismissal body) {
    return IncidentJson.Suggestion.of(
        commands.dismiss(id, body == null ? null : body.reason(), agent()));
  }

  @GET
  @Path("report")
  @RolesAllowed("supervisor")
  @Operation(
      summary = "Incidents by week",
      description =
          "Per week of opening: incidents, tickets affected, minutes from the first outage finding"
              + " to the incident, minutes to recovery, and linked tickets resolved within a day of"
              + " recovery.")
  @APIResponse(responseCode = "200", description = "One row per week with incidents")
  public List<IncidentReport.Week> report() {
    return report.weeks();
  }

  private Response created(UriInfo uri, IncidentRecord record) {
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(record.id)).build())
        .entity(json(record))
        .build();
  }

  private IncidentJson.Incident json(IncidentRecord record) {
    return IncidentJson.Incident.of(record, incidents.timeline(record.id));
  }

  private String agent() {
    return identity.getPrincipal().getName();
  }
}
