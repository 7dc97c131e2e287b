package io.backupdesk.web.diagnosis.api;

import static io.backupdesk.web.common.api.ProblemResponses.FORBIDDEN;
import static io.backupdesk.web.common.api.ProblemResponses.UNAUTHORIZED;

import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.common.api.Preconditions;
import io.backupdesk.web.diagnosis.DiagnosisQuery;
import io.backupdesk.web.diagnosis.DiagnosisView;
import io.backupdesk.web.diagnosis.StartDiagnosis;
import io.backupdesk.web.ticket.TicketQuery;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The guided diagnosis of a ticket: always its newest one, started and read here; the commands on
 * it are {@link DiagnosisCommandResource}'s. Every answer is the whole diagnosis, with its version
 * as ETag.
 */
@Path("/api/v1/tickets/{ticketId}/diagnosis")
@Tag(name = "Diagnosis", description = "The guided nine-step diagnosis of a ticket")
@RolesAllowed("agent")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = UNAUTHORIZED)
@APIResponse(responseCode = "403", description = FORBIDDEN)
public class DiagnosisResource {

  @Inject StartDiagnosis startDiagnosis;
  @Inject DiagnosisQuery diagnoses;
  @Inject TicketQuery tickets;
  @Inject SecurityIdentity identity;

  @POST
  @Operation(
      summary = "Start a diagnosis",
      description =
          "Starts at step 1 of the current playbook with the ticket's device. The ticket moves to"
              + " IN_DIAGNOSIS and, if unassigned, to you. No body is needed.")
  @APIResponse(
      responseCode = "201",
      description = "Started; Location is this diagnosis, ETag its version",
      headers = {@Header(name = "Location"), @Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(responseCode = "404", description = "No such ticket")
  @APIResponse(
      responseCode = "409",
      description =
          "The ticket already has a diagnosis that has not ended (`currentState` is that"
              + " diagnosis), or the ticket is closed")
  public Response start(@PathParam("ticketId") long ticketId, UriInfo uri) {
    var view = startDiagnosis.handle(ticketId, agent());
    return Response.created(uri.getAbsolutePath())
        .tag(Preconditions.etag(view.version()))
        .entity(DiagnosisJson.of(view))
        .build();
  }

  @GET
  @Operation(summary = "Read the ticket's newest diagnosis")
  @APIResponse(
      responseCode = "200",
      description = "The diagnosis",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such ticket, or no diagnosis was ever started for it")
  public Response get(@PathParam("ticketId") long ticketId) {
    var view = diagnoses.latest(ticketId);
    if (view.isEmpty()) {
      tickets.ticket(ticketId); // 404 for the ticket itself when it does not exist
      throw new NotFoundException("A diagnosis of ticket", ticketId);
    }
    return ok(view.get());
  }

  static Response ok(DiagnosisView view) {
    return Response.ok(DiagnosisJson.of(view)).tag(Preconditions.etag(view.version())).build();
  }

  private String agent() {
    return identity.getPrincipal().getName();
  }
}
