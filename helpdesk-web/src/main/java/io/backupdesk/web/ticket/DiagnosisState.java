package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.ticket.LatestDiagnosis;

/** How far a ticket's newest diagnosis got, as the ticket's rules and pages need it. */
public record DiagnosisState(int attempt, DiagnosisStatus status, int stepsDone, int steps) {

  public LatestDiagnosis latest() {
    return new LatestDiagnosis(attempt, status);
  }
}
