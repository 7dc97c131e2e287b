package io.backupdesk.web.common.ui;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Whether this request has a CSRF token to put in forms ({@code inject:csrfGuard.available}). Error
 * pages for requests no resource matched get none, and must then leave out the layout's sign-out
 * form instead of failing to render.
 */
@Named("csrfGuard")
@RequestScoped
public class CsrfGuard {

  private final CurrentVertxRequest request;

  CsrfGuard(CurrentVertxRequest request) {
    this.request = request;
  }

  public boolean available() {
    var current = request.getCurrent();
    return current != null && current.get("csrf_token") != null;
  }
}
