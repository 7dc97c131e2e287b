package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Leaves the step after a failed fix without trying another of its fixes. */
@ApplicationScoped
public class MoveOn extends DiagnosisCommandHandler<DiagnosisRequests.MoveOn> {

  @Override
  List<DiagnosisEvent> run(
      Diagnosis diagnosis, DiagnosisRequests.MoveOn request, String agent, Instant now) {
    return diagnosis.moveOn(request.stepKey(), agent, now);
  }
}
