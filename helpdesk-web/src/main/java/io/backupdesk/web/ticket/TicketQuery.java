package io.backupdesk.web.ticket;

import io.backupdesk.web.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads tickets and their timelines for the API and the pages; never writes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TicketQuery {

  @Inject TicketRepository tickets;
  @Inject TicketEventRepository events;

  public Ticket ticket(long id) {
    return tickets.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Ticket", id));
  }

  /** Every line of the ticket's timeline, oldest first; 404 for an unknown ticket. */
  public List<TicketEvent> timeline(long id) {
    ticket(id);
    return events.timeline(id);
  }

  /** The customer's other tickets, newest first. */
  public List<Ticket> earlierTickets(Ticket ticket) {
    return tickets.earlierTicketsOf(ticket.customer.id, ticket.id);
  }
}
