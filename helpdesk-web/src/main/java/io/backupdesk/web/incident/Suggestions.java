package io.backupdesk.web.incident;

import io.backupdesk.diagnostics.incident.Signal;
import io.backupdesk.diagnostics.incident.SuggestionStatus;
import io.backupdesk.web.common.NotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

/** The stored suggestions of incidents. */
@ApplicationScoped
public class Suggestions implements PanacheRepository<SuggestionRecord> {

  SuggestionRecord locked(long id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> new NotFoundException("Suggestion", id));
  }

  public List<SuggestionRecord> pending() {
    return list("status = ?1 order by raisedAt desc", SuggestionStatus.PENDING);
  }

  public List<SuggestionRecord> newest(int limit) {
    return find("order by raisedAt desc, id desc").page(0, limit).list();
  }

  /**
   * Whether the desk already raised this signal for a window that reaches into {@code since}: a
   * burst that goes on for an hour is one suggestion, whatever a supervisor decided about it.
   */
  boolean raisedSince(Signal signal, Instant since) {
    return count("signal = ?1 and windowEnd > ?2", signal, since) > 0;
  }
}
