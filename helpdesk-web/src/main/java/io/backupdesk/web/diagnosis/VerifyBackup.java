package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Records whether the customer's test backup after a fix completed. */
@ApplicationScoped
public class VerifyBackup extends DiagnosisCommandHandler<DiagnosisRequests.Verification> {

  @Override
  List<DiagnosisEvent> run(
      Diagnosis diagnosis, DiagnosisRequests.Verification request, String agent, Instant now) {
    return diagnosis.verify(
        request.stepKey(),
        request.fixOption(),
        request.backupCompleted(),
        request.afterStillFailing(),
        agent,
        now);
  }
}
