package io.backupdesk.web.incident.api;

import static io.backupdesk.web.common.api.ProblemResponses.NOT_FOUND_TICKET;

import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.incident.TicketMerges;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Merging a customer's duplicate ticket into the one that carries on. */
@Path("/api/v1/tickets/{ticketId}/merge")
@Tag(name = "Tickets")
@RolesAllowed("agent")
@Produces(MediaType.APPLICATION_JSON)
public class TicketMergeResource {

  /** What a merge did. */
  public record Merged(long ticketId, long mergedInto, boolean alreadyDone) {}

  @Inject TicketMerges merges;
  @Inject SecurityIdentity identity;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Merge this ticket into another ticket of the same customer",
      description =
          "This ticket is closed with a link to `into`; both timelines are kept and each names the"
              + " other. Repeating the same merge changes nothing.")
  @APIResponse(responseCode = "200", description = "Merged (or merged already)")
  @APIResponse(responseCode = "400", description = "No `into`")
  @APIResponse(responseCode = "404", description = NOT_FOUND_TICKET)
  @APIResponse(
      responseCode = "409",
      description =
          "This ticket was merged elsewhere, `into` was merged or is closed, or this ticket's"
              + " diagnosis is still open")
  @APIResponse(
      responseCode = "422",
      description = "A ticket into itself, or tickets of different customers")
  public Merged merge(@PathParam("ticketId") long ticketId, IncidentJson.Merge body) {
    if (body == null || body.into() == null) {
      throw new InvalidInputException("into", "Name the ticket this one merges into.");
    }
    var plan = merges.merge(ticketId, body.into(), identity.getPrincipal().getName());
    return new Merged(plan.sourceId(), plan.targetId(), plan.alreadyDone());
  }
}
