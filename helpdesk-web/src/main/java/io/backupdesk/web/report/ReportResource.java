package io.backupdesk.web.report;

import io.backupdesk.web.common.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The supervisors' reports as JSON, or as a CSV download ({@code Accept: text/csv} or {@code
 * ?format=csv}). Translates HTTP only: the figures and their definitions live in {@link
 * ReportService}.
 */
@Path("/api/v1/reports")
@RolesAllowed("supervisor")
@Tag(
    name = "Reports",
    description =
        "Figures for support leads, computed in the database. Every report takes from/to (UTC days,"
            + " both included; default the last 30 days), deviceModel, iosMajor and agent, and"
            + " answers JSON or CSV.")
@APIResponse(responseCode = "400", description = "A filter value is invalid")
@APIResponse(responseCode = "401", description = "Not signed in (HTTP Basic)")
@APIResponse(responseCode = "403", description = "Signed in without the supervisor role")
@APIResponse(
    responseCode = "406",
    description = "The Accept header allows neither application/json nor text/csv")
public class ReportResource {

  static final MediaType CSV = new MediaType("text", "csv", "UTF-8");

  private final ReportService reports;
  private final Clock clock;

  ReportResource(ReportService reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @GET
  @Path("/resolutions-by-fix")
  @Operation(
      summary = "Which fixes resolve diagnoses: overall, by device model, iOS major and ISO week",
      description =
          "Resolved diagnoses whose confirmed test backup (ended_at) falls in the period, counted"
              + " per step and fix option, with the share of the group's resolutions.")
  @APIResponse(
      responseCode = "200",
      description = "One row per dimension, group and fix",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResolutionsReport.class)),
        @Content(mediaType = "text/csv")
      })
  public Response resolutionsByFix(@BeanParam ReportParams params, @Context HttpHeaders headers) {
    return answer(
        "resolutions-by-fix",
        ReportRows.ResolutionByFix.class,
        params,
        headers,
        reports::resolutionsByFix);
  }

  @GET
  @Path("/step-funnel")
  @Operation(
      summary = "The step funnel per playbook version",
      description =
          "Diagnoses started in the period: per step, how many reached it, were resolved at it,"
              + " are abandoned at it, were escalated or ended on an Apple outage after it, and are"
              + " still open (stalled) at it.")
  @APIResponse(
      responseCode = "200",
      description = "One row per playbook version and step",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FunnelReport.class)),
        @Content(mediaType = "text/csv")
      })
  public Response stepFunnel(@BeanParam ReportParams params, @Context HttpHeaders headers) {
    return answer("step-funnel", ReportRows.FunnelStep.class, params, headers, reports::stepFunnel);
  }

  @GET
  @Path("/escalations")
  @Operation(
      summary = "Escalation rate and Apple outages, by ISO week",
      description =
          "Diagnoses that ended in the period (ended_at), per ISO week of their end plus a 'total'"
              + " row: ended, resolved, escalated, waiting on Apple, escalated / ended.")
  @APIResponse(
      responseCode = "200",
      description = "One row per week, then the total",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EscalationsReport.class)),
        @Content(mediaType = "text/csv")
      })
  public Response escalations(@BeanParam ReportParams params, @Context HttpHeaders headers) {
    return answer(
        "escalations", ReportRows.EscalationWeek.class, params, headers, reports::escalations);
  }

  @GET
  @Path("/time-to-resolution")
  @Operation(
      summary = "Time from ticket opened to first resolution: median and 90th percentile",
      description =
          "Tickets whose first resolved diagnosis ended in the period; seconds from the ticket's"
              + " created_at to that diagnosis's ended_at.")
  @APIResponse(
      responseCode = "200",
      description = "One row",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TimeToResolutionReport.class)),
        @Content(mediaType = "text/csv")
      })
  public Response timeToResolution(@BeanParam ReportParams params, @Context HttpHeaders headers) {
    return answer(
        "time-to-resolution",
        ReportRows.TimeToResolution.class,
        params,
        headers,
        f -> List.of(reports.timeToResolution(f)));
  }

  @GET
  @Path("/step-times")
  @Operation(
      summary = "Time spent per step: median and 90th percentile",
      description =
          "Step results whose step started in the period (started_at); seconds from the step's"
              + " start to its recorded outcome. The agent filter is the agent who recorded it.")
  @APIResponse(
      responseCode = "200",
      description = "One row per step",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StepTimesReport.class)),
        @Content(mediaType = "text/csv")
      })
  public Response stepTimes(@BeanParam ReportParams params, @Context HttpHeaders headers) {
    return answer("step-times", ReportRows.StepTime.class, params, headers, reports::stepTimes);
  }

  @GET
  @Path("/first-contact-resolution")
  @Operation(
      summary = "First-contact resolution rate",
      description =
          "Of the tickets first resolved in the period, the share resolved by the ticket's first"
              + " diagnosis (attempt 1).")
  @APIResponse(
      responseCode = "200",
      description = "One row",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FirstContactReport.class)),
        @Content(mediaType = "text/csv")
      })
  public Response firstContactResolution(
      @BeanParam ReportParams params, @Context HttpHeaders headers) {
    return answer(
        "first-contact-resolution",
        ReportRows.FirstContactResolution.class,
        params,
        headers,
        f -> List.of(reports.firstContactResolution(f)));
  }

  @GET
  @Path("/agents")
  @Operation(
      summary = "Per agent: tickets handled, resolution rate, mean steps to resolution",
      description = "Over the diagnoses each agent started in the period (started_at).")
  @APIResponse(
      responseCode = "200",
      description = "One row per agent",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentsReport.class)),
        @Content(mediaType = "text/csv")
      })
  public Response agents(@BeanParam ReportParams params, @Context HttpHeaders headers) {
    return answer("agents", ReportRows.AgentFigures.class, params, headers, reports::agents);
  }

  @GET
  @Path("/repeat-contacts")
  @Operation(
      summary = "Customers back with a new ticket within 30 days of a resolution",
      description =
          "Of the tickets first resolved in the period, those whose customer opened another ticket"
              + " within 30 days after the resolution.")
  @APIResponse(
      responseCode = "200",
      description = "One row",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RepeatContactsReport.class)),
        @Content(mediaType = "text/csv")
      })
  public Response repeatContacts(@BeanParam ReportParams params, @Context HttpHeaders headers) {
    return answer(
        "repeat-contacts",
        ReportRows.RepeatContacts.class,
        params,
        headers,
        f -> List.of(reports.repeatContacts(f)));
  }

  private <T extends Record> Response answer(
      String name,
      Class<T> rowType,
      ReportParams params,
      HttpHeaders headers,
      Function<ReportFilter, List<T>> compute) {
    boolean csv = wantsCsv(params.format, headers);
    var filter =
        ReportFilter.parse(
            params.from, params.to, params.deviceModel, params.iosMajor, params.agent, clock);
    List<T> rows = compute.apply(filter);
    if (csv) {
      return Response.ok(Csv.write(rowType, rows), CSV)
          .header(
              "Content-Disposition",
              "attachment; filename=\"" + name + "_" + filter.from() + "_" + filter.to() + ".csv\"")
          .build();
    }
    return Response.ok(new Report<>(name, filter, rows), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** {@code format} wins; otherwise the first acceptable of JSON and CSV in the client's order. */
  static boolean wantsCsv(String format, HttpHeaders headers) {
    if (format != null) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default ->
            throw new InvalidInputException(
                "format", "format must be json or csv; got '" + format + "'.");
      };
    }
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
      if (accepted.isCompatible(CSV)) {
        return true;
      }
    }
    throw new NotAcceptableException();
  }

  // Named report types, so that the OpenAPI document describes each report's rows.
  /** The resolutions-by-fix report. */
  public record ResolutionsReport(
      String report, ReportFilter filters, List<ReportRows.ResolutionByFix> rows) {}

  /** The step-funnel report. */
  public record FunnelReport(
      String report, ReportFilter filters, List<ReportRows.FunnelStep> rows) {}

  /** The escalations report. */
  public record EscalationsReport(
      String report, ReportFilter filters, List<ReportRows.EscalationWeek> rows) {}

  /** The time-to-resolution report. */
  public record TimeToResolutionReport(
      String report, ReportFilter filters, List<ReportRows.TimeToResolution> rows) {}

  /** The step-times report. */
  public record StepTimesReport(
      String report, ReportFilter filters, List<ReportRows.StepTime> rows) {}

  /** The first-contact-resolution report. */
  public record FirstContactReport(
      String report, ReportFilter filters, List<ReportRows.FirstContactResolution> rows) {}

  /** The per-agent report. */
  public record AgentsReport(
      String report, ReportFilter filters, List<ReportRows.AgentFigures> rows) {}

  /** The repeat-contacts report. */
  public record RepeatContactsReport(
      String report, ReportFilter filters, List<ReportRows.RepeatContacts> rows) {}
}
