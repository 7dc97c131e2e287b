package io.backupdesk.diagnostics.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisException;

/** A ticket move that the status table does not allow, such as closed straight to resolved. */
public final class IllegalTicketTransitionException extends DiagnosisException {
  private final TicketStatus from;
  private final TicketStatus to;

  public IllegalTicketTransitionException(TicketStatus from, TicketStatus to) {
    super(
        "A ticket cannot go from \""
            + from.label()
            + "\" to \""
            + to.label()
            + "\". From \""
            + from.label()
            + "\" it can move to: "
            + String.join(", ", from.allowedNext().stream().map(TicketStatus::label).toList())
            + ".");
    this.from = from;
    this.to = to;
  }

  public TicketStatus from() {
    return from;
  }

  public TicketStatus to() {
    return to;
  }
}
