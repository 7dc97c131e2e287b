package io.backupdesk.web.ticket.api;

import static io.backupdesk.web.common.api.ProblemResponses.BAD_REQUEST;
import static io.backupdesk.web.common.api.ProblemResponses.FORBIDDEN;
import static io.backupdesk.web.common.api.ProblemResponses.NOT_FOUND_TICKET;
import static io.backupdesk.web.common.api.ProblemResponses.UNAUTHORIZED;
import static io.backupdesk.web.common.api.ProblemResponses.UNSUPPORTED;

import io.backupdesk.web.common.api.IfMatch;
import io.backupdesk.web.ticket.SetFollowUp;
import io.backupdesk.web.ticket.TicketQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** When to chase a customer a ticket waits on. */
@Path("/api/v1/tickets/{id}/follow-up")
@Tag(name = "Tickets")
@RolesAllowed("agent")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = UNAUTHORIZED)
@APIResponse(responseCode = "403", description = FORBIDDEN)
public class FollowUpResource {

  /** The follow-up to set; {@code followUpAt} null clears it. */
  @Schema(name = "FollowUp")
  public record FollowUp(
      @Schema(description = "UTC ISO-8601, in the future, within 90 days; null clears it")
          Instant followUpAt,
      @Schema(description = "The version you saw (or send it as If-Match)") Integer version) {}

  @Inject SetFollowUp setFollowUp;
  @Inject TicketQuery tickets;

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set or clear the follow-up date of a ticket waiting on the customer",
      description =
          "Only while the ticket's status is WAITING_ON_CUSTOMER (else 409"
              + " not-waiting-on-customer); the date is dropped when the ticket moves on. The"
              + " queue flags the ticket when the date comes.")
  @APIResponse(
      responseCode = "200",
      description = "The ticket with its follow-up date",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = TicketJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "404", description = NOT_FOUND_TICKET)
  @APIResponse(
      responseCode = "409",
      description =
          "The ticket changed since the version you sent, or it is not waiting on the customer")
  @APIResponse(responseCode = "415", description = UNSUPPORTED)
  public Response set(
      @PathParam("id") long id,
      @BeanParam IfMatch ifMatch,
      @NotNull(message = "Send the follow-up as a JSON object") FollowUp body) {
    var expected = ifMatch.expected(body.version());
    setFollowUp.handle(id, expected, body.followUpAt());
    return TicketResource.ok(tickets.ticket(id));
  }
}
