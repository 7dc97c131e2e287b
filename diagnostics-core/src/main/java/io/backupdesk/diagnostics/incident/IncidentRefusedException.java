package io.backupdesk.diagnostics.incident;

import java.util.Objects;

/**
 * A command on an incident, a suggestion or a merge that was refused and changed nothing. The
 * message tells a person what to do; the {@link Refusal} tells the caller how to answer.
 */
public final class IncidentRefusedException extends RuntimeException {
  private final Refusal refusal;

  public IncidentRefusedException(Refusal refusal, String message) {
    super(message);
    this.refusal = Objects.requireNonNull(refusal, "refusal");
  }

  public Refusal refusal() {
    return refusal;
  }
}
