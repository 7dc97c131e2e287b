package io.backupdesk.web.common.ui;

import io.backupdesk.web.common.ErrorPage;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Two rules for every answer of the application's resources. What a signed-in person sees is never
 * kept by the browser or a proxy ({@code Cache-Control: no-store}): otherwise Back after signing
 * out shows the customer's data again from the cache. And a page refused without a body (the CSRF
 * filter, the security layer) gets the error page in the app's layout, never the browser's own.
 */
class PageResponses {

  private final SecurityIdentity identity;
  private final ErrorPage errorPage;

  PageResponses(SecurityIdentity identity, ErrorPage errorPage) {
    this.identity = identity;
    this.errorPage = errorPage;
  }

  @ServerResponseFilter
  void apply(ContainerRequestContext request, ContainerResponseContext response) {
    if (!identity.isAnonymous()) {
      var headers = response.getHeaders();
      headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
      headers.putSingle("Pragma", "no-cache");
    }
    String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
    if (response.getStatus() >= 400 && !response.hasEntity() && FormGate.isPage(path)) {
      var problem = ErrorPage.forStatus(response.getStatus(), path);
      response.setEntity(
          errorPage.render(problem, path, false),
          null,
          MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
  }
}
