package io.backupdesk.diagnostics.playbook;

import java.util.Objects;

/**
 * One thing wrong with what someone typed or uploaded, and where: {@code field} is a form field
 * ({@code iosVersion}) or a path into a document ({@code steps[3].fixOptions[1].label}, indexes
 * counted from 0); the message tells a person what to change.
 */
public record FieldProblem(String field, String message) {
  public FieldProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return (field.isEmpty() ? "" : field + ": ") + message;
  }
}
