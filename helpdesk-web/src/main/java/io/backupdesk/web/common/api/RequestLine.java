package io.backupdesk.web.common.api;

import io.backupdesk.web.common.InvalidInputException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a NUL character (%00) in the path or a query parameter of an API call before any resource
 * sees it: PostgreSQL cannot compare or store text that contains it, so a lookup by such a user
 * name or e-mail would otherwise end in a 500.
 */
class RequestLine {

  @ServerRequestFilter(preMatching = true)
  void refuseNul(ContainerRequestContext request) {
    var uri = request.getUriInfo();
    var path = uri.getPath();
    if (!path.startsWith("/api/") && !path.startsWith("api/")) {
      return;
    }
    if (path.indexOf('\u0000') >= 0) {
      throw new InvalidInputException(
          "path", "The address contains the character NUL (%00), which no name or number has.");
    }
    uri.getQueryParameters()
        .forEach(
            (name, values) -> {
              if (name.indexOf('\u0000') >= 0
                  || values.stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                throw new InvalidInputException(
                    name.replace("\u0000", ""),
                    "The query parameter contains the character NUL (%00): remove it.");
              }
            });
  }
}
