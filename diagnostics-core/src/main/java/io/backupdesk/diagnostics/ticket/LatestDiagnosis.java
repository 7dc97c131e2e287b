package io.backupdesk.diagnostics.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import java.util.Objects;

/** The newest diagnosis of a ticket, as far as the ticket's rules care: its number and status. */
public record LatestDiagnosis(int attempt, DiagnosisStatus status) {
  public LatestDiagnosis {
    Objects.requireNonNull(status, "status");
    if (attempt < 1) {
      throw new IllegalArgumentException("Attempts are numbered from 1, not " + attempt);
    }
  }
}
