package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.TicketCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;

/**
 * Opens a ticket. A customer who wrote before (same e-mail, any case) is reused, not duplicated;
 * the core opens the case and words its first timeline line.
 */
@ApplicationScoped
@Transactional
public class OpenTicket {

  @Inject TicketRepository tickets;
  @Inject CustomerRepository customers;
  @Inject TicketEventRepository events;
  @Inject Clock clock;
  @Inject TicketClocks clocks;

  public Ticket handle(@Valid @NotNull NewTicket form, String agent) {
    Instant now = clock.instant();
    Customer customer =
        customers
            .findByEmail(form.customerEmail())
            .orElseGet(
                () -> {
                  var c = new Customer();
                  c.email = form.customerEmail().trim();
                  c.createdAt = now;
                  return c;
                });
    customer.name = form.customerName().trim();
    if (form.customerPhone() != null && !form.customerPhone().isBlank()) {
      customer.phone = form.customerPhone().trim();
    }
    customer.updatedAt = now;
    customers.persist(customer);

    var opened =
        TicketCase.open(
            null,
            form.channel(),
            form.deviceModel().trim(),
            form.iosVersion().trim(),
            form.priority(),
            agent,
            now);
    var ticket = new Ticket();
    ticket.customer = customer;
    ticket.subject = form.subject().trim();
    ticket.description = form.description() == null ? "" : form.description().trim();
    TicketMapper.write(opened.snapshot(), ticket);
    clocks.opened(ticket);
    tickets.persist(ticket);
    events.append(ticket.id, null, opened.openedEntry());
    tickets.flush();
    return ticket;
  }
}
