package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;

/**
 * Corrects a customer's name: the one way a name changes (opening a ticket never does). Every
 * ticket of the customer gets a timeline line with the old and the new name, since each shows it.
 */
@ApplicationScoped
@Transactional
public class RenameCustomer {

  @Inject CustomerRepository customers;
  @Inject TicketRepository tickets;
  @Inject TicketEventRepository events;
  @Inject Clock clock;

  /**
   * {@code expectedVersion} is the customer's version the agent saw; if someone renamed the
   * customer since, nothing is written and the caller gets 409.
   */
  public Customer handle(
      long id, Integer expectedVersion, @Valid @NotNull CustomerRename rename, String agent) {
    Customer customer =
        customers.locked(id).orElseThrow(() -> new NotFoundException("Customer", id));
    String name = rename.name().strip();
    if (name.equals(customer.name)) {
      return customer;
    }
    if (expectedVersion != null && expectedVersion != customer.version) {
      throw ConflictException.stale("Customer " + id, expectedVersion, customer.version, null);
    }
    Instant now = clock.instant();
    var line = TicketCase.customerRenamed(customer.name, name, agent, now);
    customer.name = name;
    customer.updatedAt = now;
    tickets.ticketsOf(id).forEach(ticket -> events.append(ticket.id, null, line));
    customers.flush();
    return customer;
  }
}
