package io.backupdesk.web.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/** Records what the current step found. */
@ApplicationScoped
@Transactional
public class RecordOutcome {

  private final DiagnosisUnitOfWork work;
  private final Clock clock;

  RecordOutcome(DiagnosisUnitOfWork work, Clock clock) {
    this.work = work;
    this.clock = clock;
  }

  public DiagnosisView handle(
      long ticketId,
      Integer expectedVersion,
      @Valid @NotNull DiagnosisRequests.Outcome outcome,
      String agent) {
    var command = outcome.toCommand(agent, clock.instant());
    return work.apply(ticketId, expectedVersion, diagnosis -> diagnosis.record(command));
  }
}
