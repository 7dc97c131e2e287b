package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.CorrectionScope;
import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import io.backupdesk.web.identity.AuditEntry;
import io.backupdesk.web.identity.AuditLog;
import io.backupdesk.web.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Corrects a recorded result. The core decides what may change; this maps the person's role to
 * whose results they may correct (a supervisor anyone's at any time, an agent their own while the
 * diagnosis is open) and writes the correction into the audit trail, in the same transaction.
 */
@ApplicationScoped
public class CorrectResult extends DiagnosisCommandHandler<DiagnosisRequests.Correction> {

  @Inject SecurityIdentity identity;
  @Inject AuditLog audit;

  @Override
  List<DiagnosisEvent> run(
      Diagnosis diagnosis, DiagnosisRequests.Correction request, String agent, Instant now) {
    CorrectionScope scope =
        identity.hasRole(Role.SUPERVISOR.value())
            ? CorrectionScope.ANY_RESULT_ANY_TIME
            : CorrectionScope.OWN_RESULTS_WHILE_OPEN;
    return diagnosis.correct(request.toCommand(agent, scope, now));
  }

  @Override
  void happened(long ticketId, Diagnosis diagnosis, List<DiagnosisEvent> events, String agent) {
    for (DiagnosisEvent event : events) {
      if (event instanceof DiagnosisEvent.Corrected corrected) {
        audit.recordWithin(
            AuditEntry.Action.RESULT_CORRECTED,
            agent,
            "ticket " + ticketId,
            corrected.describe(diagnosis.playbook()));
      }
    }
  }
}
