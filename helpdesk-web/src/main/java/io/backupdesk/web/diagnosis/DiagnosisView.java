package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import java.time.Instant;

/**
 * A diagnosis as the UI and the API see it: the core aggregate, which knows the steps, the progress
 * and what may happen next, plus the identity and version that the database gives it, and while it
 * is paused who paused it, when and why ({@code pause} null otherwise).
 */
public record DiagnosisView(
    long id,
    long ticketId,
    int attempt,
    int version,
    Instant updatedAt,
    Diagnosis diagnosis,
    Pause pause) {

  /** Who paused the diagnosis, when, and why (the reason may be null: it is optional). */
  public record Pause(Instant at, String by, String reason) {}
}
