package io.backupdesk.web.diagnosis;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DiagnosisRepository implements PanacheRepository<DiagnosisRecord> {

  /** The ticket's newest diagnosis: the open one if there is one, otherwise the last that ended. */
  public Optional<DiagnosisRecord> latestOf(long ticketId) {
    return find("ticketId = ?1 order by attempt desc", ticketId).firstResultOptional();
  }

  /** Every diagnosis of these tickets with their step results, by ticket and attempt. */
  public List<DiagnosisRecord> allOf(Collection<Long> ticketIds) {
    return list("ticketId in ?1 order by ticketId desc, attempt", ticketIds);
  }

  /** The ticket's newest diagnosis, locked until the transaction ends. */
  Optional<DiagnosisRecord> latestLocked(long ticketId) {
    return find("ticketId = ?1 order by attempt desc", ticketId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }
}
