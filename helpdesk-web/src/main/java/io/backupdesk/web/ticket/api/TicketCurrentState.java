package io.backupdesk.web.ticket.api;

import io.backupdesk.web.common.CurrentStates;
import io.backupdesk.web.common.StateRef;
import io.backupdesk.web.ticket.TicketQuery;
import io.backupdesk.web.ticket.TicketRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** A refusal about a ticket shows the ticket as the API returns it from GET, as it is now. */
@ApplicationScoped
class TicketCurrentState implements CurrentStates {

  private final TicketQuery tickets;

  TicketCurrentState(TicketQuery tickets) {
    this.tickets = tickets;
  }

  @Override
  public Optional<Object> render(StateRef ref) {
    return ref instanceof TicketRef ticket
        ? Optional.of(TicketJson.of(tickets.ticket(ticket.ticketId())))
        : Optional.empty();
  }
}
