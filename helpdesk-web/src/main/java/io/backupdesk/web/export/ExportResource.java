package io.backupdesk.web.export;

import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.Problem;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The bulk export for data consumers: every ticket, diagnosis, step result, timeline line and
 * account, and the playbook, as CSV or NDJSON, streamed however many rows match, resumable with a
 * cursor.
 */
@Path("/api/v1/export")
@RolesAllowed("supervisor")
@Tag(
    name = "Export",
    description =
        "Bulk export as CSV (text/csv) or NDJSON (application/x-ndjson), chosen by ?format=csv|ndjson"
            + " or the Accept header (CSV by default). Times are UTC ISO-8601 with microseconds."
            + " Rows come in a stable order; every row's last column, cursor, says where to resume"
            + " after it, and the Export-Next-Cursor response header gives the cursor after the last"
            + " row of the response. Incremental pull: pass the cursor of your last pull as"
            + " ?cursor=...; you get every row written since, exactly once (a row changed again"
            + " comes again, with its new values). A full pull sends every row committed when it"
            + " started.")
@APIResponse(responseCode = "400", description = "A parameter is invalid")
@APIResponse(responseCode = "401", description = "Not signed in (HTTP Basic)")
@APIResponse(responseCode = "403", description = "Signed in without the supervisor role")
@APIResponse(
    responseCode = "406",
    description = "The Accept header allows neither text/csv nor application/x-ndjson")
@APIResponse(
    responseCode = "503",
    description =
        "The reporting database (a replica) has not yet replayed what the cursor has seen; retry"
            + " after Retry-After seconds")
public class ExportResource {

  static final MediaType CSV = new MediaType("text", "csv", "UTF-8");
  static final MediaType NDJSON = new MediaType("application", "x-ndjson", "UTF-8");
  static final String NEXT_CURSOR = "Export-Next-Cursor";

  private final ExportService exports;
  private final PlaybookExport playbook;

  ExportResource(ExportService exports, PlaybookExport playbook) {
    this.exports = exports;
    this.playbook = playbook;
  }

  @GET
  @Path("/tickets")
  @Operation(
      summary = "Export tickets",
      description =
          "Columns: ticket_id, customer_id, device_model, ios_version, ios_major, channel,"
              + " priority, status, assignee, created_by, created_at, resolved_at, closed_at,"
              + " updated_at, resolved_by, closed_by, cursor. from/to filter on created_at.")
  @APIResponse(
      responseCode = "200",
      description = "The rows, streamed",
      headers =
          @Header(
              name = NEXT_CURSOR,
              description = "Pass as ?cursor= to resume after this response"),
      content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
  public Response tickets(
      @BeanParam ExportParams params, @Context HttpHeaders headers, @Context RoutingContext http) {
    return export(ExportTable.TICKETS, params, headers, http);
  }

  @GET
  @Path("/diagnoses")
  @Operation(
      summary = "Export diagnoses",
      description =
          "Columns: diagnosis_id, ticket_id, attempt, playbook_version, device_model, ios_version,"
              + " status, current_step, resolved_step_key, resolved_step_number,"
              + " resolved_fix_option, escalation_target, escalation_automatic, started_by,"
              + " started_at, ended_at, updated_at, step_order (the order chosen at the start,"
              + " comma-separated step keys), order_policy (ARTICLE, LEARNED or EXPLORE),"
              + " order_propensity (the probability the policy chose that order),"
              + " order_model_version (empty for ARTICLE), current_step_started_at,"
              + " status_before_abandon, cursor. from/to filter on started_at.")
  @APIResponse(
      responseCode = "200",
      description = "The rows, streamed",
      headers =
          @Header(
              name = NEXT_CURSOR,
              description = "Pass as ?cursor= to resume after this response"),
      content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
  public Response diagnoses(
      @BeanParam ExportParams params, @Context HttpHeaders headers, @Context RoutingContext http) {
    return export(ExportTable.DIAGNOSES, params, headers, http);
  }

  @GET
  @Path("/step-results")
  @Operation(
      summary = "Export step results",
      description =
          "One row per recorded step. Columns: step_result_id, ticket_id, diagnosis_id, step_key,"
              + " step_number, playbook_version, step_version, outcome, fix_option, verification"
              + " (PENDING, BACKUP_COMPLETED, STILL_FAILING or empty), consent_given, agent (who"
              + " recorded it), started_at, ended_at, verified_at, verified_by, updated_at,"
              + " position (where the step stood in the walked order), attempt (1 for the step's"
              + " outcome, 2 and up for further fixes tried at it), corrections (how often it was"
              + " corrected; the row holds the corrected values), cursor."
              + " from/to filter on ended_at (when the result was recorded).")
  @APIResponse(
      responseCode = "200",
      description = "The rows, streamed",
      headers =
          @Header(
              name = NEXT_CURSOR,
              description = "Pass as ?cursor= to resume after this response"),
      content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
  public Response stepResults(
      @BeanParam ExportParams params, @Context HttpHeaders headers, @Context RoutingContext http) {
    return export(ExportTable.STEP_RESULTS, params, headers, http);
  }

  @GET
  @Path("/timeline")
  @Operation(
      summary = "Export timeline events",
      description =
          "One row per line of a ticket's timeline (reopens, assignments, priority and status"
              + " changes, diagnosis events, notes without their text). Columns: event_id,"
              + " ticket_id, diagnosis_id, kind, actor, at, from_value, to_value, cursor."
              + " from_value/to_value: user names for ASSIGNED (empty = unassigned), priorities for"
              + " PRIORITY_CHANGED, ticket statuses for STATUS_CHANGED, REOPENED and CLOSED; empty"
              + " for other kinds and for lines written before version 13. from/to and"
              + " updated_since filter on at.")
  @APIResponse(
      responseCode = "200",
      description = "The rows, streamed",
      headers =
          @Header(
              name = NEXT_CURSOR,
              description = "Pass as ?cursor= to resume after this response"),
      content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
  public Response timeline(
      @BeanParam ExportParams params, @Context HttpHeaders headers, @Context RoutingContext http) {
    return export(ExportTable.TIMELINE, params, headers, http);
  }

  @GET
  @Path("/agents")
  @Operation(
      summary = "Export agents",
      description =
          "One row per account, to join the user names of the other exports. Columns: agent_id,"
              + " username, display_name, role (agent, supervisor, admin), active, created_at,"
              + " updated_at, cursor. No e-mail, no secret. from/to filter on created_at.")
  @APIResponse(
      responseCode = "200",
      description = "The rows, streamed",
      headers =
          @Header(
              name = NEXT_CURSOR,
              description = "Pass as ?cursor= to resume after this response"),
      content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
  public Response agents(
      @BeanParam ExportParams params, @Context HttpHeaders headers, @Context RoutingContext http) {
    return export(ExportTable.AGENTS, params, headers, http);
  }

  @GET
  @Path("/incidents")
  @Operation(
      summary = "Export incidents",
      description =
          "One row per Apple outage the desk recorded. Columns: incident_id, status (OPEN,"
              + " RECOVERED), started_at, opened_at, opened_by, suggestion_id (the desk's"
              + " suggestion it was confirmed from, empty when opened by hand), recovered_at,"
              + " recovered_by, cursor. The title is free text and not exported. from/to filter"
              + " on opened_at; updated_since on recovered_at, else opened_at.")
  @APIResponse(
      responseCode = "200",
      description = "The rows, streamed",
      headers =
          @Header(
              name = NEXT_CURSOR,
              description = "Pass as ?cursor= to resume after this response"),
      content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
  public Response incidents(
      @BeanParam ExportParams params, @Context HttpHeaders headers, @Context RoutingContext http) {
    return export(ExportTable.INCIDENTS, params, headers, http);
  }

  @GET
  @Path("/incident-tickets")
  @Operation(
      summary = "Export the tickets linked to incidents",
      description =
          "One row per link (an unlinked ticket's row is gone). Columns: incident_id, ticket_id,"
              + " linked_by, linked_at, cursor. from/to and updated_since filter on linked_at.")
  @APIResponse(
      responseCode = "200",
      description = "The rows, streamed",
      headers =
          @Header(
              name = NEXT_CURSOR,
              description = "Pass as ?cursor= to resume after this response"),
      content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
  public Response incidentTickets(
      @BeanParam ExportParams params, @Context HttpHeaders headers, @Context RoutingContext http) {
    return export(ExportTable.INCIDENT_TICKETS, params, headers, http);
  }

  @GET
  @Path("/playbook")
  @Operation(
      summary = "Export the playbook",
      description =
          "One row per fix option of each step of each playbook version (a step without fixes: one"
              + " row, fix columns empty), to join step and fix keys to titles and labels. Columns:"
              + " playbook_version, playbook_name, step_number, step_key, step_version, step_title,"
              + " step_cost, detects_outage, intrusive, fix_key, fix_label, fix_cost, changes_data,"
              + " costs_money, requires_consent, cursor. Versions never change once published; the"
              + " cursor (v1, v1.12) resumes after a version or a row. from, to and updated_since"
              + " do not apply (400).")
  @APIResponse(
      responseCode = "200",
      description = "The rows",
      headers =
          @Header(
              name = NEXT_CURSOR,
              description = "Pass as ?cursor= for the versions published since"),
      content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
  public Response playbook(@BeanParam ExportParams params, @Context HttpHeaders headers) {
    boolean csv = wantsCsv(params.format, headers);
    var pull = playbook.pull(params);
    StreamingOutput body =
        out -> {
          if (csv) {
            playbook.writeCsv(pull, out);
          } else {
            playbook.writeNdjson(pull, out);
          }
        };
    return respond(body, csv, pull.next().toString(), "playbook");
  }

  private Response export(
      ExportTable table, ExportParams params, HttpHeaders headers, RoutingContext http) {
    boolean csv = wantsCsv(params.format, headers);
    var request = ExportRequest.parse(table, csv, params);
    ExportService.Pull pull;
    try {
      pull = exports.open(request);
    } catch (ExportService.BehindCursorException e) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .type(Problem.MEDIA_TYPE)
          .header("Retry-After", "1")
          .entity(
              Problem.of(503, "behind-cursor", "Not caught up yet", e.getMessage())
                  .withInstance("/api/v1/export/" + table.path))
          .build();
    }
    // Should the response never be written (the client gone first), the transaction must not
    // stay open with its connection.
    http.addEndHandler(ended -> pull.abandon());
    return respond(pull::stream, csv, pull.next().toString(), table.path);
  }

  private static Response respond(StreamingOutput body, boolean csv, String next, String name) {
    var response =
        Response.ok(body, csv ? CSV : NDJSON)
            .header(NEXT_CURSOR, next)
            .header("Cache-Control", "no-store");
    if (csv) {
      response.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    }
    return response.build();
  }

  /**
   * {@code format} wins; otherwise the first acceptable of CSV and NDJSON in the client's order.
   */
  private static boolean wantsCsv(String format, HttpHeaders headers) {
    if (format != null) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "ndjson" -> false;
        default ->
            throw new InvalidInputException(
                "format", "format must be csv or ndjson; got '" + format + "'.");
      };
    }
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.isCompatible(CSV)) {
        return true;
      }
      if (accepted.isCompatible(NDJSON)) {
        return false;
      }
    }
    throw new NotAcceptableException();
  }
}
