package io.backupdesk.diagnostics.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisException;

/** A ticket cannot be closed while its diagnosis is running: the walk has to end first. */
public final class DiagnosisRunningException extends DiagnosisException {
  DiagnosisRunningException(long ticket) {
    super(
        "Ticket " + ticket + " has a diagnosis in progress: finish, escalate or abandon it first.");
  }
}
