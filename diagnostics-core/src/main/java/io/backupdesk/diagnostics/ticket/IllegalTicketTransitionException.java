package io.backupdesk.diagnostics.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisException;

/** A ticket move that the status table does not allow, such as closed straight to resolved. */
public final class IllegalTicketTransitionException extends DiagnosisException {
  private final TicketStatus from;
  private final TicketStatus to;

  public IllegalTicketTransitionException(TicketStatus from, TicketStatus to) {
    this(
        from,
        to,
        "A ticket cannot go from \""
            + from.label()
            + "\" to \""
            + to.label()
            + "\". From \""
            + from.label()
            + "\" it can move to: "
            + String.join(", ", from.allowedNext().stream().map(TicketStatus::label).toList())
            + ".");
  }

  private IllegalTicketTransitionException(TicketStatus from, TicketStatus to, String message) {
    super(message);
    this.from = from;
    this.to = to;
  }

  /** An agent asked for the move: the answer names where the ticket can go instead. */
  static IllegalTicketTransitionException askedFor(TicketStatus from, TicketStatus to) {
    return new IllegalTicketTransitionException(
        from,
        to,
        "A ticket that is "
            + from.label()
            + " cannot become "
            + to.label()
            + ". Allowed next: "
            + from.allowedNext().stream().map(TicketStatus::label).sorted().toList()
            + ".");
  }

  /** A move the ticket's case refused for a reason of its own, said in {@code message}. */
  static IllegalTicketTransitionException because(
      TicketStatus from, TicketStatus to, String message) {
    return new IllegalTicketTransitionException(from, to, message);
  }

  public TicketStatus from() {
    return from;
  }

  public TicketStatus to() {
    return to;
  }
}
