package io.backupdesk.web.report;

import io.backupdesk.web.common.InvalidInputException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The reports' {@code ?format=csv|json}, which wins over the Accept header: it becomes the Accept
 * header before the request is matched, so that JAX-RS picks the representation by the resource's
 * {@code @Produces} as for any other request (and answers 406 when Accept allows none).
 */
public class ReportFormat {

  static final String API = "/api/v1/reports";

  @ServerRequestFilter(preMatching = true)
  void formatWinsOverAccept(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.equals(API) && !path.startsWith(API + "/")) {
      return;
    }
    String format = request.getUriInfo().getQueryParameters().getFirst("format");
    if (format == null) {
      return;
    }
    String accept =
        switch (format.strip().toLowerCase(Locale.ROOT)) {
          case "csv" -> ReportCsvWriter.MEDIA_TYPE;
          case "json" -> MediaType.APPLICATION_JSON;
          default ->
              throw new InvalidInputException(
                  "format", "format must be json or csv; got '" + format + "'.");
        };
    request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept);
  }
}
