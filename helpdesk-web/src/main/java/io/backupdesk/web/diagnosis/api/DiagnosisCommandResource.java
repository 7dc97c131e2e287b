package io.backupdesk.web.diagnosis.api;

import static io.backupdesk.web.common.api.ProblemResponses.BAD_REQUEST;
import static io.backupdesk.web.common.api.ProblemResponses.FORBIDDEN;
import static io.backupdesk.web.common.api.ProblemResponses.RULE_BROKEN;
import static io.backupdesk.web.common.api.ProblemResponses.STALE;
import static io.backupdesk.web.common.api.ProblemResponses.UNAUTHORIZED;
import static io.backupdesk.web.common.api.ProblemResponses.UNSUPPORTED;

import io.backupdesk.web.common.Problem;
import io.backupdesk.web.diagnosis.AbandonDiagnosis;
import io.backupdesk.web.diagnosis.CorrectResult;
import io.backupdesk.web.diagnosis.DiagnosisRequests;
import io.backupdesk.web.diagnosis.DiagnosisView;
import io.backupdesk.web.diagnosis.EscalateDiagnosis;
import io.backupdesk.web.diagnosis.FollowArticleOrder;
import io.backupdesk.web.diagnosis.MoveOn;
import io.backupdesk.web.diagnosis.RecordOutcome;
import io.backupdesk.web.diagnosis.ResumeDiagnosis;
import io.backupdesk.web.diagnosis.TryAnotherFix;
import io.backupdesk.web.diagnosis.VerifyBackup;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The commands on a ticket's newest diagnosis: POSTs of small documents (an outcome, a
 * verification, an escalation, ...), each answered with the whole diagnosis and its version as
 * ETag. They share the diagnosis's address with {@link DiagnosisResource}, which starts and reads
 * it, and these answers.
 */
@Path("/api/v1/tickets/{ticketId}/diagnosis")
@Tag(name = "Diagnosis")
@RolesAllowed("agent")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = BAD_REQUEST)
@APIResponse(responseCode = "404", description = "No such ticket, or no diagnosis started")
@APIResponse(responseCode = "415", description = UNSUPPORTED)
@APIResponse(responseCode = "401", description = UNAUTHORIZED)
@APIResponse(responseCode = "403", description = FORBIDDEN)
public class DiagnosisCommandResource {

  @Inject RecordOutcome recordOutcome;
  @Inject VerifyBackup verifyBackup;
  @Inject EscalateDiagnosis escalateDiagnosis;
  @Inject AbandonDiagnosis abandonDiagnosis;
  @Inject ResumeDiagnosis resumeDiagnosis;
  @Inject TryAnotherFix tryAnotherFix;
  @Inject MoveOn moveOn;
  @Inject FollowArticleOrder followArticleOrder;
  @Inject CorrectResult correctResult;
  @Inject SecurityIdentity identity;

  @POST
  @Path("outcomes")
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
  @APIResponse(
      responseCode = "409",
      description =
          STALE
              + " Also: the diagnosis is not in progress, or the step already has another"
              + " outcome.")
  @APIResponse(responseCode = "422", description = RULE_BROKEN)
  public Response recordOutcome(
      @BeanParam CommandTarget target,
      @Valid @NotNull(message = "Send the outcome as a JSON object")
          DiagnosisRequests.Outcome body) {
    return run(recordOutcome::handle, target, body, body.version());
  }

  @POST
  @Path("verification")
  @Operation(
      summary = "Record whether the test backup after a fix completed",
      description =
          "A completed backup resolves the diagnosis with that fix (ticket RESOLVED). A failing"
              + " one moves on to the next step, or with `ifStillFailing: STAY_AT_STEP` stays at"
              + " the step so that another of its fixes can be tried (`anotherFix`).")
  @APIResponse(
      responseCode = "200",
      description = "The diagnosis after the verification",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(
      responseCode = "409",
      description = STALE + " Also: there is no fix waiting for a test backup at that step.")
  @APIResponse(responseCode = "422", description = "Unknown step")
  public Response verify(
      @BeanParam CommandTarget target,
      @Valid @NotNull(message = "Send the verification as a JSON object")
          DiagnosisRequests.Verification body) {
    return run(verifyBackup::handle, target, body, body.version());
  }

  @POST
  @Path("escalation")
  @Operation(
      summary = "Escalate the diagnosis",
      description = "Ends it as ESCALATED (ticket ESCALATED) before the playbook is finished.")
  @APIResponse(
      responseCode = "200",
      description = "The escalated diagnosis",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(
      responseCode = "409",
      description = STALE + " Also: the diagnosis has already ended.")
  public Response escalate(
      @BeanParam CommandTarget target,
      @Valid @NotNull(message = "Send the escalation as a JSON object")
          DiagnosisRequests.Escalation body) {
    return run(escalateDiagnosis::handle, target, body, body.version());
  }

  @POST
  @Path("abandonment")
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
  @APIResponse(
      responseCode = "409",
      description = STALE + " Also: the diagnosis is already paused or has ended.")
  public Response abandon(
      @BeanParam CommandTarget target, @Valid DiagnosisRequests.Abandonment body) {
    var request = body == null ? new DiagnosisRequests.Abandonment(null, null) : body;
    return run(abandonDiagnosis::handle, target, request, request.version());
  }

  @POST
  @Path("resumption")
  @Operation(
      summary = "Resume a paused diagnosis at the step where it stopped",
      description = "The body is optional; send it, or an empty one, as application/json.")
  @APIResponse(
      responseCode = "200",
      description = "The running diagnosis",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(responseCode = "409", description = STALE + " Also: the diagnosis is not paused.")
  public Response resume(@BeanParam CommandTarget target, DiagnosisRequests.Resumption body) {
    var request = body == null ? new DiagnosisRequests.Resumption(null) : body;
    return run(resumeDiagnosis::handle, target, request, request.version());
  }

  @POST
  @Path("another-fix")
  @Operation(
      summary = "Try another fix at the step after a fix failed its test backup",
      description =
          "Only while `anotherFix` is set: after a verification with `backupCompleted: false` and"
              + " `ifStillFailing: STAY_AT_STEP`. The fix must be one of the step's fixes not tried"
              + " yet (`anotherFix.untriedFixOptions`); a fix that deletes data or costs money"
              + " needs `consent: true`. It is recorded as the step's next attempt and waits for"
              + " its own test backup; if that completes, this fix is the resolution. Sending the"
              + " same fix again changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The diagnosis awaiting the new fix's test backup",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(
      responseCode = "409",
      description =
          STALE
              + " Also: the walk is not staying at that step after a failed fix (illegal-transition).")
  @APIResponse(
      responseCode = "422",
      description =
          RULE_BROKEN
              + " Also: fix-already-tried (the step's first fix again), consent-required,"
              + " unknown-fix-option.")
  public Response tryAnotherFix(
      @BeanParam CommandTarget target,
      @Valid @NotNull(message = "Send the fix as a JSON object")
          DiagnosisRequests.AnotherFix body) {
    return run(tryAnotherFix::handle, target, body, body.version());
  }

  @POST
  @Path("move-on")
  @Operation(
      summary = "Move on from the step after a failed fix without trying another of its fixes",
      description =
          "Only while `anotherFix` is set. Goes on to the next step of the order; after the last"
              + " step the diagnosis escalates to tier 2 by itself. Repeating it changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The diagnosis at its next step",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(
      responseCode = "409",
      description = STALE + " Also: the walk is not staying at that step after a failed fix.")
  @APIResponse(responseCode = "422", description = "Unknown step")
  public Response moveOn(
      @BeanParam CommandTarget target,
      @Valid @NotNull(message = "Send the step as a JSON object") DiagnosisRequests.MoveOn body) {
    return run(moveOn::handle, target, body, body.version());
  }

  @POST
  @Path("article-order")
  @Operation(
      summary = "Walk the remaining steps in the article's order",
      description =
          "For a diagnosis that started with a learned or explored order: the steps already walked"
              + " keep their places, the rest follow the article. The original choice stays in"
              + " `order` next to the switch. Changes nothing when the remaining steps already"
              + " follow the article. The body is optional.")
  @APIResponse(
      responseCode = "200",
      description = "The diagnosis in its new order",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(responseCode = "409", description = STALE + " Also: the diagnosis has ended.")
  public Response followArticleOrder(
      @BeanParam CommandTarget target, DiagnosisRequests.ArticleOrder body) {
    var request = body == null ? new DiagnosisRequests.ArticleOrder(null) : body;
    return run(followArticleOrder::handle, target, request, request.version());
  }

  @POST
  @Path("corrections")
  @Operation(
      summary = "Correct a recorded result",
      description =
          "Replaces the result of `stepKey` (attempt `attempt`, default 1) with another answer, or"
              + " with `withdraw: true` takes the latest result back as recorded by mistake. A"
              + " `reason` is required. The original stays in `corrections`, the timeline and the"
              + " audit; reports and the export show the corrected value. An agent may correct a"
              + " result they recorded (or whose test backup they answered) while the diagnosis"
              + " has not ended; a supervisor any result at any time. Correcting the latest result"
              + " moves the walk to where the new answer leaves it (an ended diagnosis it no"
              + " longer supports reopens, paused); an earlier result may only become an answer"
              + " after which the walk goes on. Repeating a correction changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The diagnosis with the corrected result",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = DiagnosisJson.class)))
  @APIResponse(
      responseCode = "403",
      description =
          "correction-not-permitted: not your result, or the diagnosis has ended (ask a"
              + " supervisor). Without the agent role: no body.",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description =
          STALE
              + " Also: contradicting-correction (later results contradict the new answer:"
              + " withdraw them first, latest first).")
  @APIResponse(
      responseCode = "422",
      description =
          "correction-reason-required, nothing-to-correct (no such result), or a playbook rule"
              + " (unknown fix option, consent required, skip reason required, ...)")
  public Response correct(
      @BeanParam CommandTarget target,
      @Valid @NotNull(message = "Send the correction as a JSON object")
          DiagnosisRequests.Correction body) {
    return run(correctResult::handle, target, body, body.version());
  }

  /** How every command's handler is called. */
  @FunctionalInterface
  private interface Handler<R> {
    DiagnosisView handle(long ticketId, Integer expectedVersion, R request, String agent);
  }

  private <R> Response run(Handler<R> handler, CommandTarget target, R request, Integer version) {
    return DiagnosisResource.ok(
        handler.handle(target.ticketId, target.expected(version), request, agent()));
  }

  private String agent() {
    return identity.getPrincipal().getName();
  }
}
