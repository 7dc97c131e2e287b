package io.backupdesk.diagnostics.incident;

import java.time.Instant;
import java.util.List;

/**
 * An incident as stored. {@code startedAt} is when the outage began as far as the desk knows (the
 * suggestion's window, or what the opener said); {@code openedAt} when the record was opened;
 * {@code evidence} the detection it was confirmed from (null when opened by hand).
 */
public record IncidentSnapshot(
    String title,
    IncidentStatus status,
    Instant startedAt,
    Instant openedAt,
    String openedBy,
    Detection evidence,
    List<LinkedTicket> links,
    List<IncidentNote> notes,
    Instant recoveredAt,
    String recoveredBy) {
  public IncidentSnapshot {
    links = List.copyOf(links);
    notes = List.copyOf(notes);
  }
}
