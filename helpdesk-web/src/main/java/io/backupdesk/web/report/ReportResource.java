package io.backupdesk.web.report;

import io.backupdesk.web.common.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The supervisors' reports as JSON, or as a CSV download of the same rows ({@code Accept:
 * text/csv}; {@code ?format=csv|json} wins, see {@link ReportFormat}). Which reports exist is
 * {@link ReportKind}'s to say; the figures and their definitions live in {@link ReportService}.
 */
@Path("/api/v1/reports")
@RolesAllowed("supervisor")
@Tag(
    name = "Reports",
    description =
        "Figures for support leads, read from summaries kept up to date within about a second."
            + " Every report takes from/to (UTC days, both included; default the last 30 days),"
            + " deviceModel, iosMajor and agent, and answers JSON or CSV.")
public class ReportResource {

  private final ReportService reports;
  private final Clock clock;

  ReportResource(ReportService reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @GET
  @Path("/{report}")
  @Produces({MediaType.APPLICATION_JSON, ReportCsvWriter.MEDIA_TYPE})
  @Operation(
      summary = "One report",
      description =
          "resolutions-by-fix, step-funnel, escalations, time-to-resolution, step-times,"
              + " first-contact-resolution, agents, repeat-contacts or headline. Their rows and"
              + " definitions: docs/api.md and the README's Reports section. asOf is the moment"
              + " the figures are exact for.")
  @APIResponse(
      responseCode = "200",
      description = "The report; as CSV, its rows with a header line",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Report.class)),
        @Content(mediaType = ReportCsvWriter.MEDIA_TYPE)
      })
  @APIResponse(
      responseCode = "400",
      description = "A filter value is invalid, or agent names no account")
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Signed in without the supervisor role")
  @APIResponse(responseCode = "404", description = "No report of that name")
  @APIResponse(
      responseCode = "406",
      description = "The Accept header allows neither application/json nor text/csv")
  public Report<Record> report(
      @Parameter(description = "The report's name, e.g. escalations") @RestPath String report,
      @BeanParam ReportParams params) {
    var kind = ReportKind.bySlug(report).orElseThrow(() -> new NotFoundException("Report", report));
    var filter =
        ReportFilter.parse(
            params.from, params.to, params.deviceModel, params.iosMajor, params.agent, clock);
    return reports.report(kind, filter);
  }
}
