package io.backupdesk.web.ticket;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class TicketRepository implements PanacheRepository<Ticket> {

  public List<Ticket> earlierTicketsOf(long customerId, long exceptTicketId) {
    return list(
        "customer.id = ?1 and id <> ?2 order by createdAt desc", customerId, exceptTicketId);
  }
}
