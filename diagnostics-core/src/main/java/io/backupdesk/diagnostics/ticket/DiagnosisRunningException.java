package io.backupdesk.diagnostics.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A ticket status that cannot stand beside the ticket's open diagnosis: nobody resolves, escalates,
 * parks or closes a ticket by hand while its diagnosis runs, and a paused one has to be resumed or
 * escalated before the ticket moves on ({@link TicketCase#statusesBeside}). Names the diagnosis.
 */
public final class DiagnosisRunningException extends DiagnosisException {
  private final long ticket;
  private final int attempt;
  private final DiagnosisStatus diagnosisStatus;

  DiagnosisRunningException(long ticket, TicketStatus wanted, LatestDiagnosis open) {
    super(message(ticket, wanted, open));
    this.ticket = ticket;
    this.attempt = open.attempt();
    this.diagnosisStatus = open.status();
  }

  private static String message(long ticket, TicketStatus wanted, LatestDiagnosis open) {
    String allowed =
        TicketCase.statusesBeside(Optional.of(open.status())).stream()
            .map(TicketStatus::label)
            .collect(Collectors.joining(", "));
    String what = "Ticket " + ticket + " cannot become " + wanted.label();
    if (open.status() == DiagnosisStatus.ABANDONED) {
      return what
          + " while its diagnosis "
          + open.attempt()
          + " is paused (the customer left): resume the diagnosis, or escalate it. Beside a"
          + " paused diagnosis the ticket can be: "
          + allowed
          + ".";
    }
    return what
        + " while its diagnosis "
        + open.attempt()
        + " is "
        + open.status().label().toLowerCase(java.util.Locale.ROOT)
        + ": the ticket stays "
        + allowed
        + " until the diagnosis ends. Finish or escalate the diagnosis, or pause it (customer"
        + " left), first.";
  }

  public long ticket() {
    return ticket;
  }

  /** The open diagnosis's number among the ticket's. */
  public int attempt() {
    return attempt;
  }

  public DiagnosisStatus diagnosisStatus() {
    return diagnosisStatus;
  }
}
