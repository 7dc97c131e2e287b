package io.backupdesk.web.common.ui;

import io.backupdesk.web.common.ProblemType;
import io.backupdesk.web.common.RequestRefusedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What a page's state-changing route accepts before anything else runs: a form (url-encoded or
 * multipart), nothing else. quarkus-rest-csrf checks the token of a form only, and skips a request
 * of any other type (a JSON body, or none at all); without this gate, a POST with the session
 * cookie alone and no body started diagnoses, revoked tokens and signed people out. A form without
 * a valid token is then refused by the CSRF filter, and a refusal renders as a page ({@code
 * PageResponses}). The form fields themselves are read strictly by {@code common.StrictParams}.
 */
class FormGate {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  @ServerRequestFilter(preMatching = true)
  void onlyFormsChangeState(ContainerRequestContext request) {
    if (!WRITES.contains(request.getMethod()) || !isPage(request.getUriInfo().getPath())) {
      return;
    }
    MediaType type = request.getMediaType();
    boolean form =
        type != null
            && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    if (!form) {
      throw new RequestRefusedException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "This address only takes forms sent from the desk's own pages"
              + (type == null ? " (this request had no body)" : " (this was " + type + ")")
              + "; nothing was saved. Go back to the page and use its form.");
    }
  }

  /** The pages: everything but the API and Quarkus' own endpoints. */
  static boolean isPage(String path) {
    var p = path.startsWith("/") ? path : "/" + path;
    return !p.startsWith("/api/") && !p.equals("/api") && !p.startsWith("/q/");
  }
}
