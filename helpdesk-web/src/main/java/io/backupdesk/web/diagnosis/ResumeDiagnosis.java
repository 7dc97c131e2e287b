package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Continues a paused diagnosis at the step where it stopped. */
@ApplicationScoped
public class ResumeDiagnosis extends DiagnosisCommandHandler<DiagnosisRequests.Resumption> {

  @Override
  List<DiagnosisEvent> run(
      Diagnosis diagnosis, DiagnosisRequests.Resumption request, String agent, Instant now) {
    return diagnosis.resume(agent, now);
  }
}
