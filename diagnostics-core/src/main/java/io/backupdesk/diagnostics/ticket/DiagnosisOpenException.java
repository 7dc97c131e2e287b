package io.backupdesk.diagnostics.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;

/** A ticket has at most one diagnosis that has not ended; a second one cannot start beside it. */
public final class DiagnosisOpenException extends DiagnosisException {
  DiagnosisOpenException(long ticket, DiagnosisStatus open) {
    super(
        "Ticket "
            + ticket
            + " already has a diagnosis that has not ended ("
            + open.label()
            + "): resume or escalate it instead of starting another.");
  }
}
