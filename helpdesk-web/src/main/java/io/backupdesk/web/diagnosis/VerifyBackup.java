package io.backupdesk.web.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/** Records whether the customer's test backup after a fix completed. */
@ApplicationScoped
@Transactional
public class VerifyBackup {

  private final DiagnosisUnitOfWork work;
  private final Clock clock;

  VerifyBackup(DiagnosisUnitOfWork work, Clock clock) {
    this.work = work;
    this.clock = clock;
  }

  public DiagnosisView handle(
      long ticketId,
      Integer expectedVersion,
      @Valid @NotNull DiagnosisRequests.Verification verification,
      String agent) {
    return work.apply(
        ticketId,
        expectedVersion,
        diagnosis ->
            diagnosis.verify(
                verification.stepKey(), verification.backupCompleted(), agent, clock.instant()));
  }
}
