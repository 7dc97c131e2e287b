package io.backupdesk.web.incident.api;

import static io.backupdesk.web.common.api.ProblemResponses.NOT_FOUND_TICKET;

import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.incident.FollowUps;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The test backup that a follow-up after an Apple outage starts with. */
@Path("/api/v1/tickets/{ticketId}/backup-after-outage")
@Tag(name = "Incidents")
@RolesAllowed("agent")
public class FollowUpResource {

  @Inject FollowUps followUps;
  @Inject SecurityIdentity identity;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record the customer's Back Up Now after Apple recovered",
      description =
          "Only on a follow-up (NEW, its latest diagnosis ended waiting on Apple). Completed"
              + " resolves the ticket; still failing starts the next diagnosis.")
  @APIResponse(responseCode = "204", description = "Recorded")
  @APIResponse(responseCode = "400", description = "No `completed`")
  @APIResponse(responseCode = "404", description = NOT_FOUND_TICKET)
  @APIResponse(responseCode = "409", description = "The ticket is not such a follow-up")
  public Response record(
      @PathParam("ticketId") long ticketId, IncidentJson.BackupAfterOutage body) {
    if (body == null || body.completed() == null) {
      throw new InvalidInputException(
          "completed", "Say whether the backup completed: true or false.");
    }
    followUps.backupAfterOutage(ticketId, body.completed(), identity.getPrincipal().getName());
    return Response.noContent().build();
  }
}
