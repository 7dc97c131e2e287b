package io.backupdesk.web.export;

import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.Problem;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

  /**
   * Every table's export. The OpenAPI document describes each table's path on its own, with its
   * columns ({@link ExportPaths}): this operation stands for all of them.
   */
  @GET
  @Path("/{table}")
  @Operation(summary = "Export a table")
  @APIResponse(
      responseCode = "200",
      description = "The rows, streamed",
      headers =
          @Header(
              name = NEXT_CURSOR,
              description = "Pass as ?cursor= to resume after this response"),
      content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
  public Response table(
      @PathParam(ExportPaths.TABLE) String path,
      @BeanParam ExportParams params,
      @Context HttpHeaders headers,
      @Context RoutingContext http) {
    // Unknown like any unknown address: the same 404 problem.
    var table = ExportTable.byPath(path).orElseThrow(NotFoundException::new);
    return export(table, params, headers, http);
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
