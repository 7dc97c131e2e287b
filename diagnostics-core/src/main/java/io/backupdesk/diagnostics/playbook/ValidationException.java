package io.backupdesk.diagnostics.playbook;

import java.util.List;

/**
 * A document refused for the problems it lists (every one, each with its field): an HTTP 422 with
 * the list, never a 500.
 */
public final class ValidationException extends IllegalArgumentException {
  private final transient List<FieldProblem> problems;

  public ValidationException(String what, List<FieldProblem> problems) {
    super(
        what
            + " has "
            + problems.size()
            + (problems.size() == 1 ? " problem: " : " problems: ")
            + String.join("; ", problems.stream().map(FieldProblem::toString).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
