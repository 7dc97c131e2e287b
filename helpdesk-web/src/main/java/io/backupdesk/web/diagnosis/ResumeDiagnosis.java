package io.backupdesk.web.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Continues a paused diagnosis at the step where it stopped. */
@ApplicationScoped
@Transactional
public class ResumeDiagnosis {

  private final DiagnosisUnitOfWork work;
  private final Clock clock;

  ResumeDiagnosis(DiagnosisUnitOfWork work, Clock clock) {
    this.work = work;
    this.clock = clock;
  }

  public DiagnosisView handle(long ticketId, Integer expectedVersion, String agent) {
    return work.apply(
        ticketId, expectedVersion, diagnosis -> diagnosis.resume(agent, clock.instant()));
  }
}
