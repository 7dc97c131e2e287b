package io.backupdesk.web.ticket;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class TicketEventRepository implements PanacheRepository<TicketEvent> {

  public List<TicketEvent> timeline(long ticketId) {
    return list("ticketId = ?1 order by at, id", ticketId);
  }

  public TicketEvent append(
      long ticketId,
      Long diagnosisId,
      TicketEvent.Kind kind,
      String actor,
      Instant at,
      String summary,
      String body) {
    var event = new TicketEvent();
    event.ticketId = ticketId;
    event.diagnosisId = diagnosisId;
    event.kind = kind;
    event.actor = actor;
    event.at = at;
    event.summary = summary.length() > 500 ? summary.substring(0, 499) + "…" : summary;
    event.body = body;
    persist(event);
    return event;
  }
}
