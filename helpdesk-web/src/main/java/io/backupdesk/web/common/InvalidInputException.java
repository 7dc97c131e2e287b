package io.backupdesk.web.common;

/** Input that no rule of the domain could accept as it is (HTTP 400). */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
