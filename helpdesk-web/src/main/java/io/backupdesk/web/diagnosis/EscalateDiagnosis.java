package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Hands the diagnosis on before the playbook is finished. */
@ApplicationScoped
public class EscalateDiagnosis extends DiagnosisCommandHandler<DiagnosisRequests.Escalation> {

  @Override
  List<DiagnosisEvent> run(
      Diagnosis diagnosis, DiagnosisRequests.Escalation request, String agent, Instant now) {
    return diagnosis.escalate(request.target(), request.reason(), agent, now);
  }
}
