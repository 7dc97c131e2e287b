package io.backupdesk.web.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.incident.IncidentRefusedException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into a response a person can act on: an RFC 9457 problem under {@code /api},
 * an error page elsewhere. Nothing reaches the client as a bare 500 stack trace.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final ErrorPage errorPage;
  private final Instance<CurrentStates> states;

  ProblemMappers(ErrorPage errorPage, @Any Instance<CurrentStates> states) {
    this.errorPage = errorPage;
    this.states = states;
  }

  @ServerExceptionMapper
  Response refusedRequest(RequestRefusedException e, UriInfo uri) {
    return respond(uri, Problem.of(e.type(), e.getMessage()));
  }

  /**
   * A signed-in caller without the role. The API keeps the security layer's bare 403 (documented as
   * such); a page shows the layout and what to do about it.
   */
  @ServerExceptionMapper
  Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
    if (isApi(uri)) {
      return Response.status(403).build();
    }
    return respond(uri, ErrorPage.forStatus(403, path(uri)));
  }

  @ServerExceptionMapper
  Response notFound(NotFoundException e, UriInfo uri) {
    return respond(uri, Problem.of(ProblemType.NOT_FOUND, e.getMessage()));
  }

  @ServerExceptionMapper
  Response conflict(ConflictException e, UriInfo uri) {
    return respond(uri, Problem.of(e.type(), e.getMessage()), e.about());
  }

  @ServerExceptionMapper
  Response rule(RuleException e, UriInfo uri) {
    return respond(uri, Problem.of(e.type(), e.getMessage()), e.about());
  }

  /** A refusal of the core that no command wrapped with what it was about. */
  @ServerExceptionMapper
  Response refused(DiagnosisException e, UriInfo uri) {
    return respond(uri, Problem.of(ProblemType.of(e), e.getMessage()));
  }

  /** A refusal of the core's incident and merge rules: 409 for a state, 422 for a request. */
  @ServerExceptionMapper
  Response incidentRefused(IncidentRefusedException e, UriInfo uri) {
    var refusal = e.refusal();
    return respond(
        uri,
        Problem.of(
            refusal.isConflict() ? 409 : 422,
            refusal.slug(),
            refusal.isConflict() ? "Conflict" : "Not possible",
            e.getMessage()));
  }

  @ServerExceptionMapper
  Response invalid(InvalidInputException e, UriInfo uri) {
    return respond(
        uri,
        Problem.of(ProblemType.INVALID_INPUT, e.getMessage())
            .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage()))));
  }

  @ServerExceptionMapper
  Response invalidFields(InvalidFieldsException e, UriInfo uri) {
    return respond(uri, Problem.of(e.type(), e.getMessage()).withErrors(e.errors()));
  }

  @ServerExceptionMapper
  Response violations(ConstraintViolationException e, UriInfo uri) {
    var errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
            .toList();
    var detail =
        errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    return respond(uri, Problem.of(ProblemType.INVALID_INPUT, detail).withErrors(errors));
  }

  @ServerExceptionMapper
  Response malformedJson(JsonProcessingException e, UriInfo uri) {
    String detail;
    if (e instanceof InvalidFormatException f && f.getTargetType() == String.class) {
      // Only api.JsonInput refuses well-formed JSON text: text the database cannot store as sent.
      var field = path(f);
      detail = field + " " + f.getOriginalMessage();
      return respond(
          uri,
          Problem.of(ProblemType.INVALID_INPUT, detail)
              .withErrors(List.of(new Problem.FieldError(field, detail))));
    } else if (e instanceof InvalidFormatException f
        && f.getTargetType() != null
        && f.getTargetType().isEnum()) {
      detail =
          "'"
              + f.getValue()
              + "' is not one of "
              + Arrays.toString(f.getTargetType().getEnumConstants())
              + " for "
              + path(f)
              + ".";
    } else if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      detail = "The value of " + path(m) + " has the wrong type or shape.";
    } else {
      detail =
          "The request body is not valid JSON (line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + "). Send a JSON object as documented in /q/openapi.";
    }
    return respond(uri, Problem.of(ProblemType.MALFORMED_JSON, detail));
  }

  /**
   * Declared for the subtype too: otherwise quarkus-rest-jackson's own mapper for it, being the
   * closer match, answers unknown enum values and wrong types with a non-problem body.
   */
  @ServerExceptionMapper
  Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    return malformedJson(e, uri);
  }

  @ServerExceptionMapper
  Response staleRow(OptimisticLockException e, UriInfo uri) {
    return staleWrite(uri);
  }

  @ServerExceptionMapper
  Response staleRow(StaleStateException e, UriInfo uri) {
    return staleWrite(uri);
  }

  @ServerExceptionMapper
  Response http(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
      // quarkus-rest-jackson wraps a body that does not parse as JSON in a plain 400.
      return malformedJson(json, uri);
    }
    if (e.getCause() instanceof InvalidInputException invalid) {
      // StrictParams refused a parameter; JAX-RS wraps that in a 400 (form, query) or a 404 (path).
      if (status == 404) {
        return respond(
            uri,
            isApi(uri)
                ? Problem.of(ProblemType.NOT_FOUND, "Nothing lives at " + path(uri) + ".")
                : ErrorPage.forStatus(404, path(uri)));
      }
      return invalid(invalid, uri);
    }
    if (status >= 500) {
      return unexpected(e, uri);
    }
    if (!isApi(uri) && status == 400) {
      return respond(
          uri,
          Problem.of(
              ProblemType.INVALID_INPUT,
              "Some of what the form sent could not be read, so nothing was saved. Go back, check"
                  + " the fields and send the form again."));
    }
    if (!isApi(uri)) {
      // A page: the sentence for the status, never the JSON-minded one below.
      var response = respond(uri, ErrorPage.forStatus(status, path(uri)));
      var builder = Response.fromResponse(response);
      e.getResponse()
          .getHeaders()
          .forEach(
              (k, v) -> {
                if (!k.equalsIgnoreCase("Content-Type")) {
                  v.forEach(value -> builder.header(k, value));
                }
              });
      return builder.build();
    }
    var title = Response.Status.fromStatusCode(status);
    var detail =
        switch (status) {
          case 404 -> "Nothing lives at " + uri.getPath() + ".";
          case 405 -> "This address does not accept that method.";
          case 406 -> "This resource cannot answer in the media type you asked for.";
          case 415 -> "Send the body as application/json.";
          default -> e.getMessage();
        };
    var problem =
        Problem.of(
            status,
            title == null
                ? "http-" + status
                : title.name().toLowerCase(Locale.ROOT).replace('_', '-'),
            title == null ? "Error" : title.getReasonPhrase(),
            detail);
    var response = respond(uri, problem);
    // Keep headers such as Allow or WWW-Authenticate that the original response carried.
    var builder = Response.fromResponse(response);
    e.getResponse()
        .getHeaders()
        .forEach(
            (k, v) -> {
              if (!k.equalsIgnoreCase("Content-Type")) {
                v.forEach(value -> builder.header(k, value));
              }
            });
    return builder.build();
  }

  @ServerExceptionMapper
  Response unexpected(Throwable e, UriInfo uri) {
    // A version check that fails while the transaction commits arrives wrapped (in a
    // RollbackException and an Arc exception): it is still a lost race, not a server error.
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
        return staleWrite(uri);
      }
    }
    var refusal = DatabaseRefusals.of(e);
    if (refusal.isPresent()) {
      var response = respond(uri, refusal.get().problem());
      if (refusal.get().retryAfterSeconds() == null) {
        return response;
      }
      return Response.fromResponse(response)
          .header("Retry-After", refusal.get().retryAfterSeconds())
          .build();
    }
    if (isFormParsing(e)) {
      return respond(
          uri,
          Problem.of(
              ProblemType.MALFORMED_FORM,
              "The form could not be read (a broken %-escape, a cut-off upload or bytes that are"
                  + " no text); nothing was saved. Reload the page and send the form again."));
    }
    LOG.error("Unexpected failure on " + uri.getPath(), e);
    return respond(
        uri,
        Problem.of(
            ProblemType.UNEXPECTED,
            "Something went wrong on our side; nothing was saved. Try again, and tell an administrator if it persists."));
  }

  /**
   * Whether {@code e} arose while Quarkus REST read a form body: a %-escape that is no escape, a
   * multipart body cut off before its last boundary. The sender's fault, so a 400, whichever
   * exception the parser throws for it.
   */
  static boolean isFormParsing(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      for (var frame : cause.getStackTrace()) {
        var type = frame.getClassName();
        if (type.startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
            || type.equals("org.jboss.resteasy.reactive.common.util.URLUtils")
            || type.startsWith("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private Response staleWrite(UriInfo uri) {
    return respond(
        uri,
        Problem.of(
            ProblemType.STALE_VERSION,
            "Someone else changed this at the same moment; nothing of yours was saved. Reload and try again."));
  }

  /** Under {@code /api}, the problem shows the resource it was about as it is stored now. */
  private Response respond(UriInfo uri, Problem problem, StateRef about) {
    if (about == null || !isApi(uri)) {
      return respond(uri, problem);
    }
    Object current =
        states.stream()
            .map(renderer -> renderer.render(about))
            .flatMap(Optional::stream)
            .findFirst()
            .orElse(null);
    return respond(uri, problem.withCurrentState(current));
  }

  private static boolean isApi(UriInfo uri) {
    return path(uri).startsWith("/api/");
  }

  private static String path(UriInfo uri) {
    return "/" + uri.getPath().replaceFirst("^/", "");
  }

  private Response respond(UriInfo uri, Problem problem) {
    var path = path(uri);
    if (path.startsWith("/api/")) {
      return Response.status(problem.status())
          .type(Problem.MEDIA_TYPE)
          .entity(problem.withInstance(path))
          .build();
    }
    return Response.status(problem.status())
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(errorPage.render(problem, path, false))
        .build();
  }

  private static String leaf(String propertyPath) {
    var dot = propertyPath.lastIndexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
