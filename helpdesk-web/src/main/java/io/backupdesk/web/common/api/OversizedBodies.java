package io.backupdesk.web.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Answers an API call whose declared body exceeds {@code quarkus.http.limits.max-body-size} with a
 * 413 problem. Quarkus' own check answers with an empty 413 and closes the connection at once; a
 * client still sending its body then sees the connection reset and never reads the answer. Here the
 * rest of the body is read and thrown away (up to a bound), so the client gets the problem.
 */
@ApplicationScoped
class OversizedBodies {

  /** Beyond this much discarded input the sender is not worth listening to any longer. */
  private static final long MAX_DISCARDED = 64L * 1024 * 1024;

  private final long limit;
  private final ObjectMapper json;

  OversizedBodies(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
      ObjectMapper json) {
    this.limit = limit.asLongValue();
    this.json = json;
  }

  void register(@Observes Router router) {
    // Quarkus' own limit runs at order -2: come first, for the API only.
    router.route("/api/*").order(-3).handler(this::refuseIfTooLarge);
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
