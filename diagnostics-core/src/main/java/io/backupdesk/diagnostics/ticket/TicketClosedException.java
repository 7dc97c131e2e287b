package io.backupdesk.diagnostics.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisException;

/**
 * The ticket is not open for diagnosing: it is closed (no new diagnosis), or its status cannot
 * follow what the diagnosis did (someone moved the ticket meanwhile). Reopening it comes first.
 */
public final class TicketClosedException extends DiagnosisException {
  private TicketClosedException(String message) {
    super(message);
  }

  static TicketClosedException beforeStart(long ticket) {
    return new TicketClosedException(
        "Ticket " + ticket + " is closed: reopen it before starting a diagnosis.");
  }

  static TicketClosedException cannotFollow(long ticket, TicketStatus status) {
    return new TicketClosedException(
        "Ticket " + ticket + " is " + status.label() + ": reopen it first.");
  }
}
