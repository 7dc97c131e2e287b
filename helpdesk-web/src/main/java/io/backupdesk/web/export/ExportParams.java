package io.backupdesk.web.export;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every export takes, as sent; {@link ExportRequest} checks them. */
public class ExportParams {

  @QueryParam("format")
  @Parameter(description = "csv or ndjson; overrides Accept")
  public String format;

  @QueryParam("from")
  @Parameter(
      description =
          "First UTC day, included, e.g. 2024-05-01, of the export's own time (see each export)")
  public String from;

  @QueryParam("to")
  @Parameter(description = "Last UTC day, included, of the same time")
  public String to;

  @QueryParam("updated_since")
  @Parameter(
      description =
          "Only rows with updated_at (the timeline: at) at or after this time, e.g."
              + " 2024-05-01T00:00:00Z")
  public String updatedSince;

  @QueryParam("cursor")
  @Parameter(
      description =
          "Resume after this cursor: the Export-Next-Cursor header of the last pull, or the cursor"
              + " column of the last row stored")
  public String cursor;
}
