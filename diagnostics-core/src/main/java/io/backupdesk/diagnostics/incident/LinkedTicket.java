package io.backupdesk.diagnostics.incident;

import java.time.Instant;
import java.util.Objects;

/** A ticket held up by the incident, with who linked it and when. */
public record LinkedTicket(long ticketId, String agent, Instant at) {
  public LinkedTicket {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(at, "at");
  }
}
