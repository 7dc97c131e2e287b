package io.backupdesk.web.ticket;

import io.backupdesk.web.common.NotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class TicketRepository implements PanacheRepository<Ticket> {

  /**
   * The ticket, locked until the transaction ends: every write to a ticket takes this lock, so
   * writes at the same moment queue up instead of failing on the row.
   */
  public Ticket locked(long id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> new NotFoundException("Ticket", id));
  }

  public List<Ticket> earlierTicketsOf(long customerId, long exceptTicketId) {
    return list(
        "customer.id = ?1 and id <> ?2 order by createdAt desc", customerId, exceptTicketId);
  }

  /** Every ticket of the customer, newest first. */
  public List<Ticket> ticketsOf(long customerId) {
    return list("customer.id = ?1 order by createdAt desc, id desc", customerId);
  }
}
