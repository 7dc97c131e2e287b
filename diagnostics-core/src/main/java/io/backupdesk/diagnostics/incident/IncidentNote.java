package io.backupdesk.diagnostics.incident;

import java.time.Instant;
import java.util.Objects;

/** Something a supervisor or agent wrote on the incident: what Apple said, what customers see. */
public record IncidentNote(String text, String agent, Instant at) {
  public IncidentNote {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(at, "at");
  }
}
