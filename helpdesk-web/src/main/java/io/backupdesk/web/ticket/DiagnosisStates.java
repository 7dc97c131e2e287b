package io.backupdesk.web.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the ticket feature reads about a ticket's diagnoses. The diagnosis feature answers it (it
 * stores them), so tickets never reach into diagnosis code: the dependency runs one way only.
 */
public interface DiagnosisStates {
  /** The ticket's newest diagnosis; empty if none was started. */
  Optional<DiagnosisState> latestOf(long ticketId);

  /** Every diagnosis of these tickets, by ticket and then attempt. */
  List<DiagnosisOutcome> allOf(Collection<Long> ticketIds);
}
