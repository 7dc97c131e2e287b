package io.backupdesk.web.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/** Hands the diagnosis on before the playbook is finished. */
@ApplicationScoped
@Transactional
public class EscalateDiagnosis {

  private final DiagnosisUnitOfWork work;
  private final Clock clock;

  EscalateDiagnosis(DiagnosisUnitOfWork work, Clock clock) {
    this.work = work;
    this.clock = clock;
  }

  public DiagnosisView handle(
      long ticketId,
      Integer expectedVersion,
      @Valid @NotNull DiagnosisRequests.Escalation escalation,
      String agent) {
    return work.apply(
        ticketId,
        expectedVersion,
        diagnosis ->
            diagnosis.escalate(escalation.target(), escalation.reason(), agent, clock.instant()));
  }
}
