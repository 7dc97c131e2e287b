package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Pauses the diagnosis because the customer left. */
@ApplicationScoped
public class AbandonDiagnosis extends DiagnosisCommandHandler<DiagnosisRequests.Abandonment> {

  @Override
  List<DiagnosisEvent> run(
      Diagnosis diagnosis, DiagnosisRequests.Abandonment request, String agent, Instant now) {
    return diagnosis.abandon(request.reason(), agent, now);
  }
}
