package io.backupdesk.diagnostics.incident;

import io.backupdesk.diagnostics.ticket.TicketStatus;
import java.util.Objects;

/**
 * A ticket as the merge rules see it: its id, its customer, its status, whether a diagnosis on it
 * is still open (in progress, awaiting its test backup, or paused), and the ticket it was already
 * merged into (null if none).
 */
public record MergeCandidate(
    long ticketId,
    long customerId,
    TicketStatus status,
    boolean hasOpenDiagnosis,
    Long mergedInto) {
  public MergeCandidate {
    Objects.requireNonNull(status, "status");
  }

  public static MergeCandidate of(
      long ticketId, long customerId, TicketStatus status, boolean hasOpenDiagnosis) {
    return new MergeCandidate(ticketId, customerId, status, hasOpenDiagnosis, null);
  }
}
