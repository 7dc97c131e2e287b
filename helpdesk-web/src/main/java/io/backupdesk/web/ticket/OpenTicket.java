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

  public Ticket handle(@Valid @NotNull NewTicket form, String agent) {
    Instant now = clock.instant();
    var phone =
        form.customerPhone() == null || form.customerPhone().isBlank()
            ? null
            : form.customerPhone().trim();
    Customer customer =
        customers.findOrCreate(form.customerEmail().trim(), form.customerName().trim(), phone, now);
    // Written only when it changes: otherwise every ticket of the customer would bump its version
    // and tickets opened at the same moment would conflict for nothing.
    var name = form.customerName().trim();
    if (!name.equals(customer.name) || (phone != null && !phone.equals(customer.phone))) {
      customer.name = name;
      if (phone != null) {
        customer.phone = phone;
      }
      customer.updatedAt = now;
    }

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
    tickets.persist(ticket);
    events.append(ticket.id, null, opened.openedEntry());
    tickets.flush();
    return ticket;
  }
}
