package io.backupdesk.web.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupdesk.web.common.ErrorPage;
import io.backupdesk.web.common.Problem;
import io.backupdesk.web.common.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body exceeds {@code quarkus.http.limits.max-body-size} with a
 * 413: a problem for the API, the error page in the app's layout for a page's form. Quarkus' own
 * check answers with an empty 413 and closes the connection at once; a client still sending its
 * body then sees the connection reset and never reads the answer, and a browser shows its own error
 * page. Here the rest of the body is read and thrown away (up to a bound), so the client gets the
 * answer. The same goes for any failure of the HTTP layer on a page before a resource ran.
 */
@ApplicationScoped
class OversizedBodies {

  /** Beyond this much discarded input the sender is not worth listening to any longer. */
  private static final long MAX_DISCARDED = 64L * 1024 * 1024;

  private final long limit;
  private final ObjectMapper json;
  private final ErrorPage errorPage;

  OversizedBodies(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
      ObjectMapper json,
      ErrorPage errorPage) {
    this.limit = limit.asLongValue();
    this.json = json;
    this.errorPage = errorPage;
  }

  void register(@Observes Router router) {
    // Quarkus' own limit runs at order -2: come first.
    router.route().order(-3).handler(this::refuseIfTooLarge);
    router.route().order(-3).failureHandler(this::pageFailure);
  }

  /**
   * A page whose request failed in the HTTP layer (not in a resource, whose failures the exception
   * mappers answer): the error page instead of Vert.x' plain text. The API keeps Quarkus' handling.
   */
  private void pageFailure(RoutingContext context) {
    var path = context.normalizedPath();
    var failure = context.failure();
    boolean security =
        failure != null
            && (failure.getClass().getName().startsWith("io.quarkus.security.")
                || failure
                    .getClass()
                    .getName()
                    .startsWith("io.quarkus.vertx.http.runtime.security."));
    if (security
        || path.startsWith("/api/")
        || path.startsWith("/q/")
        || context.response().headWritten()) {
      // Sign-in challenges and refusals are the security layer's to answer (a redirect to /login).
      context.next();
      return;
    }
    int status = context.statusCode() >= 400 ? context.statusCode() : 500;
    var problem = ErrorPage.forStatus(status, path);
    if (status == 413) {
      problem = ErrorPage.tooLarge(Math.max(1, limit / (1024 * 1024)));
    }
    if (status >= 500) {
      org.jboss.logging.Logger.getLogger(OversizedBodies.class)
          .error("Unexpected failure on " + path, context.failure());
    }
    context
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
        .end(errorPage.render(problem, path, true));
  }

  private void refuseIfTooLarge(RoutingContext context) {
    var declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    long length;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (length <= limit) {
      context.next();
      return;
    }
    var request = context.request();
    var discarded = new AtomicLong();
    request.handler(
        chunk -> {
          if (discarded.addAndGet(chunk.length()) > MAX_DISCARDED) {
            request.connection().close();
          }
        });
    request.exceptionHandler(e -> {});
    request.resume();
    if (!request.path().startsWith("/api/")) {
      context
          .response()
          .setStatusCode(413)
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
          .end(
              errorPage.render(
                  ErrorPage.tooLarge(Math.max(1, limit / (1024 * 1024))), request.path(), true));
      return;
    }
    var problem =
        Problem.of(
                ProblemType.BODY_TOO_LARGE,
                "The body has "
                    + length
                    + " bytes; the API accepts at most "
                    + limit
                    + ". Send less, e.g. a shorter note.")
            .withInstance(request.path());
    String body;
    try {
      body = json.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      body = "{\"status\":413,\"detail\":\"Request body too large\"}";
    }
    context
        .response()
        .setStatusCode(413)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(body);
  }
}
