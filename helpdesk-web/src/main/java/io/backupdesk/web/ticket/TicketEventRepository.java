package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.TimelineEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class TicketEventRepository implements PanacheRepository<TicketEvent> {

  public List<TicketEvent> timeline(long ticketId) {
    return list("ticketId = ?1 order by at, id", ticketId);
  }

  /** Stores a line the core wrote; {@code diagnosisId} names the diagnosis it is about, if any. */
  public TicketEvent append(long ticketId, Long diagnosisId, TimelineEntry entry) {
    return append(ticketId, diagnosisId, entry, TicketMapper.Change.NONE);
  }

  /** The same, with the values the line changed (see {@link TicketMapper#change}). */
  TicketEvent append(
      long ticketId, Long diagnosisId, TimelineEntry entry, TicketMapper.Change change) {
    var event = new TicketEvent();
    event.ticketId = ticketId;
    event.diagnosisId = entry.kind().aboutDiagnosis() ? diagnosisId : null;
    event.kind = entry.kind();
    event.actor = entry.actor();
    event.at = entry.at();
    event.summary = entry.summary();
    event.body = entry.details();
    event.fromValue = change.from();
    event.toValue = change.to();
    persist(event);
    return event;
  }
}
