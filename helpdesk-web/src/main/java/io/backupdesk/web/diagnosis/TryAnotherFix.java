package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Records another fix at the step the walk stays at after a fix failed its test backup. */
@ApplicationScoped
public class TryAnotherFix extends DiagnosisCommandHandler<DiagnosisRequests.AnotherFix> {

  @Override
  List<DiagnosisEvent> run(
      Diagnosis diagnosis, DiagnosisRequests.AnotherFix request, String agent, Instant now) {
    return diagnosis.tryAnotherFix(request.toCommand(agent, now));
  }
}
