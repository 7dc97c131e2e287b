package io.backupdesk.web.report;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every report accepts, as sent; {@link ReportFilter} checks them. */
public class ReportParams {

  @QueryParam("from")
  @Parameter(
      description =
          "First day of the period (UTC, included), e.g. 2024-05-01. Default: 29 days before 'to'.")
  public String from;

  @QueryParam("to")
  @Parameter(
      description = "Last day of the period (UTC, included). Default: today, or 'from' + 29 days.")
  public String to;

  @QueryParam("deviceModel")
  @Parameter(description = "Only tickets for this device model, exactly as stored, e.g. iPhone 13.")
  public String deviceModel;

  @QueryParam("iosMajor")
  @Parameter(description = "Only tickets on this iOS major version, e.g. 17.")
  public String iosMajor;

  @QueryParam("agent")
  @Parameter(
      description =
          "Only the work of this agent (user name): the diagnoses they started; for step times, the"
              + " steps they recorded.")
  public String agent;

  @QueryParam("format")
  @Parameter(
      description =
          "json or csv. Overrides the Accept header (application/json or text/csv); JSON when"
              + " neither says otherwise.")
  public String format;
}
