package io.backupdesk.web.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/** Pauses the diagnosis because the customer left. */
@ApplicationScoped
@Transactional
public class AbandonDiagnosis {

  private final DiagnosisUnitOfWork work;
  private final Clock clock;

  AbandonDiagnosis(DiagnosisUnitOfWork work, Clock clock) {
    this.work = work;
    this.clock = clock;
  }

  public DiagnosisView handle(
      long ticketId,
      Integer expectedVersion,
      @Valid @NotNull DiagnosisRequests.Abandonment abandonment,
      String agent) {
    return work.apply(
        ticketId,
        expectedVersion,
        diagnosis -> diagnosis.abandon(abandonment.reason(), agent, clock.instant()));
  }
}
