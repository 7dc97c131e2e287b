package io.backupdesk.web.common;

import java.util.List;

/**
 * Input that is well-formed but that a rule refuses, field by field (HTTP 422), such as a phone
 * model the device catalogue does not list or an iOS version the model cannot run. The API names
 * every field in the problem's {@code errors}; the pages show each message beside its field.
 */
public class InvalidFieldsException extends RuntimeException {

  private final ProblemType type;
  private final transient List<Problem.FieldError> errors;

  public InvalidFieldsException(ProblemType type, List<Problem.FieldError> errors) {
    super(String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()));
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  public ProblemType type() {
    return type;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
