package io.backupdesk.web.export;

import io.backupdesk.web.common.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The bulk export for data consumers: every ticket, diagnosis and step result as CSV or NDJSON,
 * streamed however many rows match, resumable with a cursor.
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
            + " comes again, with its new values). A row shows up once all transactions that were"
            + " running when it was written have ended.")
@APIResponse(responseCode = "400", description = "A parameter is invalid")
@APIResponse(responseCode = "401", description = "Not signed in (HTTP Basic)")
@APIResponse(responseCode = "403", description = "Signed in without the supervisor role")
@APIResponse(
    responseCode = "406",
    description = "The Accept header allows neither text/csv nor application/x-ndjson")
public class ExportResource {

  static final MediaType CSV = new MediaType("text", "csv", "UTF-8");
  static final MediaType NDJSON = new MediaType("application", "x-ndjson", "UTF-8");
  static final String NEXT_CURSOR = "Export-Next-Cursor";

  private final ExportService exports;

  ExportResource(ExportService exports) {
    this.exports = exports;
  }

  @GET
  @Path("/tickets")
  @Operation(
      summary = "Export tickets",
      description =
          "Columns: ticket_id, customer_id, device_model, ios_version, ios_major, channel,"
              + " priority, status, assignee, created_by, created_at, resolved_at, closed_at,"
              + " updated_at, cursor. from/to filter on created_at.")
  @APIResponse(
      responseCode = "200",
      description = "The rows, streamed",
      headers =
          @Header(
              name = NEXT_CURSOR,
              description = "Pass as ?cursor= to resume after this response"),
      content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
  public Response tickets(
      @QueryParam("format") @Parameter(description = "csv or ndjson; overrides Accept")
          String format,
      @QueryParam("from")
          @Parameter(description = "First UTC day of creation, included, e.g. 2024-05-01")
          String from,
      @QueryParam("to") @Parameter(description = "Last UTC day of creation, included") String to,
      @QueryParam("updated_since")
          @Parameter(
              description =
                  "Only rows with updated_at at or after this time, e.g. 2024-05-01T00:00:00Z")
          String updatedSince,
      @QueryParam("cursor")
          @Parameter(description = "Resume after this cursor (Export-Next-Cursor of the last pull)")
          String cursor,
      @Context HttpHeaders headers) {
    return export(ExportTable.TICKETS, format, from, to, updatedSince, cursor, headers);
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
              + " order_model_version (empty for ARTICLE), cursor. from/to filter on started_at.")
  @APIResponse(
      responseCode = "200",
      description = "The rows, streamed",
      headers =
          @Header(
              name = NEXT_CURSOR,
              description = "Pass as ?cursor= to resume after this response"),
      content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
  public Response diagnoses(
      @QueryParam("format") @Parameter(description = "csv or ndjson; overrides Accept")
          String format,
      @QueryParam("from") @Parameter(description = "First UTC day of the start, included")
          String from,
      @QueryParam("to") @Parameter(description = "Last UTC day of the start, included") String to,
      @QueryParam("updated_since")
          @Parameter(description = "Only rows with updated_at at or after this time")
          String updatedSince,
      @QueryParam("cursor") @Parameter(description = "Resume after this cursor") String cursor,
      @Context HttpHeaders headers) {
    return export(ExportTable.DIAGNOSES, format, from, to, updatedSince, cursor, headers);
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
      @QueryParam("format") @Parameter(description = "csv or ndjson; overrides Accept")
          String format,
      @QueryParam("from") @Parameter(description = "First UTC day of recording, included")
          String from,
      @QueryParam("to") @Parameter(description = "Last UTC day of recording, included") String to,
      @QueryParam("updated_since")
          @Parameter(description = "Only rows with updated_at at or after this time")
          String updatedSince,
      @QueryParam("cursor") @Parameter(description = "Resume after this cursor") String cursor,
      @Context HttpHeaders headers) {
    return export(ExportTable.STEP_RESULTS, format, from, to, updatedSince, cursor, headers);
  }

  private Response export(
      ExportTable table,
      String format,
      String from,
      String to,
      String updatedSince,
      String cursor,
      HttpHeaders headers) {
    boolean csv = wantsCsv(format, headers);
    var request = ExportRequest.parse(table, csv, from, to, updatedSince, cursor);
    var plan = exports.plan(request);
    StreamingOutput body = out -> exports.stream(plan, out);
    var response =
        Response.ok(body, csv ? CSV : NDJSON)
            .header(NEXT_CURSOR, plan.next().toString())
            .header("Cache-Control", "no-store");
    if (csv) {
      response.header("Content-Disposition", "attachment; filename=\"" + table.path + ".csv\"");
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
