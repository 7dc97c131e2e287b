package io.backupdesk.web.diagnosis.api;

import static io.backupdesk.web.common.api.ProblemResponses.BAD_REQUEST;
import static io.backupdesk.web.common.api.ProblemResponses.FORBIDDEN;
import static io.backupdesk.web.common.api.ProblemResponses.RULE_BROKEN;
import static io.backupdesk.web.common.api.ProblemResponses.STALE;
import static io.backupdesk.web.common.api.ProblemResponses.UNAUTHORIZED;
import static io.backupdesk.web.common.api.ProblemResponses.UNSUPPORTED;

import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.common.api.Preconditions;
import io.backupdesk.web.diagnosis.AbandonDiagnosis;
import io.backupdesk.web.diagnosis.DiagnosisQuery;
import io.backupdesk.web.diagnosis.DiagnosisRequests;
import io.backupdesk.web.diagnosis.DiagnosisView;
import io.backupdesk.web.diagnosis.EscalateDiagnosis;
import io.backupdesk.web.diagnosis.FollowArticleOrder;
import io.backupdesk.web.diagnosis.RecordOutcome;
import io.backupdesk.web.diagnosis.ResumeDiagnosis;
import io.backupdesk.web.diagnosis.StartDiagnosis;
import io.backupdesk.web.diagnosis.VerifyBackup;
import io.backupdesk.web.ticket.TicketQuery;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The guided diagnosis of a ticket: always its newest one. Commands are POSTs of small documents
 * (an outcome, a verification, an escalation, ...); every answer is the whole diagnosis, with its
 * version as ETag.
 */
@Path("/api/v1/tickets/{ticketId}/diagnosis")
@Tag(name = "Diagnosis", description = "The guided nine-step diagnosis of a ticket")
@RolesAllowed("agent")
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosisResource {

  @Inject StartDiagnosis startDiagnosis;
  @Inject RecordOutcome recordOutcome;
  @Inject VerifyBackup verifyBackup;
  @Inject EscalateDiagnosis escalateDiagnosis;
  @Inject AbandonDiagnosis abandonDiagnosis;
  @Inject ResumeDiagnosis resumeDiagnosis;
  @Inject FollowArticleOrder followArticleOrder;
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
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = FORBIDDEN)
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
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = FORBIDDEN)
  public Response get(@PathParam("ticketId") long ticketId) {
    var view = diagnoses.latest(ticketId);
    if (view.isEmpty()) {
      tickets.ticket(ticketId); // 404 for the ticket itself when it does not exist
      throw new NotFoundException("A diagnosis of ticket", ticketId);
    }
    return ok(view.get());
  }

  @POST
  @Path("outcomes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record what the current step found",
      description =
          "FIXED needs `fixOption` (and `consent: true` for a fix that requires it) and waits for"
              + " a verification; SKIPPED needs `skipReason`; OUTAGE (only at the step that checks"
              + " Apple's service) ends the diagnosis as WAITING_ON_APPLE; anything else moves on."
              + " Sending the same outcome again changes nothing and answers 200.")
  @APIResponse(
      responseCode = "200",
      description = "The diagnosis after the outcome",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such ticket, or no diagnosis started")
  @APIResponse(
      responseCode = "409",
      description =
          STALE
              + " Also: the diagnosis is not in progress, or the step already has another"
              + " outcome.")
  @APIResponse(responseCode = "415", description = UNSUPPORTED)
  @APIResponse(responseCode = "422", description = RULE_BROKEN)
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = FORBIDDEN)
  public Response recordOutcome(
      @PathParam("ticketId") long ticketId,
      @Parameter(in = ParameterIn.HEADER, description = "The ETag you read, e.g. \"3\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull(message = "Send the outcome as a JSON object")
          DiagnosisRequests.Outcome body) {
    var expected = Preconditions.expectedVersion(body.version(), ifMatch);
    return ok(recordOutcome.handle(ticketId, expected, body, agent()));
  }

  @POST
  @Path("verification")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record whether the test backup after a fix completed",
      description =
          "A completed backup resolves the diagnosis with that fix (ticket RESOLVED); a failing"
              + " one moves on to the next step.")
  @APIResponse(
      responseCode = "200",
      description = "The diagnosis after the verification",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such ticket, or no diagnosis started")
  @APIResponse(
      responseCode = "409",
      description = STALE + " Also: there is no fix waiting for a test backup at that step.")
  @APIResponse(responseCode = "415", description = UNSUPPORTED)
  @APIResponse(responseCode = "422", description = "Unknown step")
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = FORBIDDEN)
  public Response verify(
      @PathParam("ticketId") long ticketId,
      @Parameter(in = ParameterIn.HEADER, description = "The ETag you read, e.g. \"3\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull(message = "Send the verification as a JSON object")
          DiagnosisRequests.Verification body) {
    var expected = Preconditions.expectedVersion(body.version(), ifMatch);
    return ok(verifyBackup.handle(ticketId, expected, body, agent()));
  }

  @POST
  @Path("escalation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Escalate the diagnosis",
      description = "Ends it as ESCALATED (ticket ESCALATED) before the playbook is finished.")
  @APIResponse(
      responseCode = "200",
      description = "The escalated diagnosis",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such ticket, or no diagnosis started")
  @APIResponse(
      responseCode = "409",
      description = STALE + " Also: the diagnosis has already ended.")
  @APIResponse(responseCode = "415", description = UNSUPPORTED)
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = FORBIDDEN)
  public Response escalate(
      @PathParam("ticketId") long ticketId,
      @Parameter(in = ParameterIn.HEADER, description = "The ETag you read, e.g. \"3\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull(message = "Send the escalation as a JSON object")
          DiagnosisRequests.Escalation body) {
    var expected = Preconditions.expectedVersion(body.version(), ifMatch);
    return ok(escalateDiagnosis.handle(ticketId, expected, body, agent()));
  }

  @POST
  @Path("abandonment")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Pause the diagnosis because the customer left",
      description =
          "The diagnosis becomes ABANDONED at its current step and the ticket WAITING_ON_CUSTOMER."
              + " The body is optional; send it, or an empty one, as application/json.")
  @APIResponse(
      responseCode = "200",
      description = "The paused diagnosis",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such ticket, or no diagnosis started")
  @APIResponse(
      responseCode = "409",
      description = STALE + " Also: the diagnosis is already paused or has ended.")
  @APIResponse(responseCode = "415", description = UNSUPPORTED)
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = FORBIDDEN)
  public Response abandon(
      @PathParam("ticketId") long ticketId,
      @Parameter(in = ParameterIn.HEADER, description = "The ETag you read, e.g. \"3\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid DiagnosisRequests.Abandonment body) {
    var request = body == null ? new DiagnosisRequests.Abandonment(null, null) : body;
    var expected = Preconditions.expectedVersion(request.version(), ifMatch);
    return ok(abandonDiagnosis.handle(ticketId, expected, request, agent()));
  }

  @POST
  @Path("resumption")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Resume a paused diagnosis at the step where it stopped",
      description = "The body is optional; send it, or an empty one, as application/json.")
  @APIResponse(
      responseCode = "200",
      description = "The running diagnosis",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such ticket, or no diagnosis started")
  @APIResponse(responseCode = "409", description = STALE + " Also: the diagnosis is not paused.")
  @APIResponse(responseCode = "415", description = UNSUPPORTED)
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = FORBIDDEN)
  public Response resume(
      @PathParam("ticketId") long ticketId,
      @Parameter(in = ParameterIn.HEADER, description = "The ETag you read, e.g. \"3\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      DiagnosisRequests.Resumption body) {
    var request = body == null ? new DiagnosisRequests.Resumption(null) : body;
    var expected = Preconditions.expectedVersion(request.version(), ifMatch);
    return ok(resumeDiagnosis.handle(ticketId, expected, request, agent()));
  }

  @POST
  @Path("article-order")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Walk the remaining steps in the article's order",
      description =
          "For a diagnosis walking a learned or explored order: the steps already walked keep"
              + " their places, the rest follow the article. The original order, policy and"
              + " propensity stay recorded (see `order`). Changes nothing when the rest already"
              + " follows the article. The body is optional.")
  @APIResponse(
      responseCode = "200",
      description = "The diagnosis in its new order",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such ticket, or no diagnosis started")
  @APIResponse(responseCode = "409", description = STALE + " Also: the diagnosis has ended.")
  @APIResponse(responseCode = "415", description = UNSUPPORTED)
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = FORBIDDEN)
  public Response followArticleOrder(
      @PathParam("ticketId") long ticketId,
      @Parameter(in = ParameterIn.HEADER, description = "The ETag you read, e.g. \"3\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      FollowArticleOrder.Request body) {
    var request = body == null ? new FollowArticleOrder.Request(null) : body;
    var expected = Preconditions.expectedVersion(request.version(), ifMatch);
    return ok(followArticleOrder.handle(ticketId, expected, request, agent()));
  }

  private static Response ok(DiagnosisView view) {
    return Response.ok(DiagnosisJson.of(view)).tag(Preconditions.etag(view.version())).build();
  }

  private String agent() {
    return identity.getPrincipal().getName();
  }
}
