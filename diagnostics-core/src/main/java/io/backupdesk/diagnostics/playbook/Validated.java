package io.backupdesk.diagnostics.playbook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking a whole document (a device catalogue, a playbook draft): the value it
 * builds, or every problem found, all at once, so that a form or an upload can show each one beside
 * its field.
 */
public final class Validated<T> {
  private final T value;
  private final List<FieldProblem> problems;

  private Validated(T value, List<FieldProblem> problems) {
    this.value = value;
    this.problems = List.copyOf(problems);
  }

  public static <T> Validated<T> valid(T value) {
    return new Validated<>(Objects.requireNonNull(value, "value"), List.of());
  }

  public static <T> Validated<T> invalid(List<FieldProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("An invalid result needs its problems");
    }
    return new Validated<>(null, problems);
  }

  public boolean isValid() {
    return value != null;
  }

  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** Empty exactly when valid. */
  public List<FieldProblem> problems() {
    return problems;
  }

  /** The value, or a {@link ValidationException} carrying every problem. */
  public T orElseThrow(String what) {
    if (value == null) {
      throw new ValidationException(what, problems);
    }
    return value;
  }

  @Override
  public String toString() {
    return isValid() ? "valid " + value : "invalid " + problems;
  }
}
