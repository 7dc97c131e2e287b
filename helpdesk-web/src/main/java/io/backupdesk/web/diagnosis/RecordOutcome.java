package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Records what the current step found. */
@ApplicationScoped
public class RecordOutcome extends DiagnosisCommandHandler<DiagnosisRequests.Outcome> {

  @Override
  List<DiagnosisEvent> run(
      Diagnosis diagnosis, DiagnosisRequests.Outcome request, String agent, Instant now) {
    return diagnosis.record(request.toCommand(agent, now));
  }
}
