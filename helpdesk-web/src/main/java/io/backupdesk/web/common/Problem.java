package io.backupdesk.web.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem: what went wrong, in words a person can act on. {@code currentState} carries
 * the resource as it is now when a write lost a race or was illegal, so the client can retry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    Object currentState) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid input field and why. */
  public record FieldError(String field, String message) {}

  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem("/problems/" + slug, title, status, detail, null, null, null);
  }

  public static Problem of(ProblemType type, String detail) {
    return of(type.status(), type.slug(), type.title(), detail);
  }

  public Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, errors, currentState);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, instance, fieldErrors, currentState);
  }

  public Problem withCurrentState(Object state) {
    return new Problem(type, title, status, detail, instance, errors, state);
  }
}
