package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.web.common.InvalidFieldsException;
import io.backupdesk.web.common.ProblemType;
import io.backupdesk.web.playbook.DeviceCatalogs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;

/**
 * Opens a ticket. The phone must be one the device catalogue lists, on an iOS version it runs. A
 * customer who wrote before (same e-mail, any case) is reused, never duplicated and never renamed:
 * the name on the form only names a new customer (renaming is {@link RenameCustomer}). The core
 * opens the case and words its first timeline line.
 */
@ApplicationScoped
@Transactional
public class OpenTicket {

  @Inject TicketRepository tickets;
  @Inject CustomerRepository customers;
  @Inject TicketEventRepository events;
  @Inject DeviceCatalogs catalogs;
  @Inject Clock clock;

  public Ticket handle(@Valid @NotNull NewTicket form, String agent) {
    var device = form.checkDevice(catalogs.current());
    if (!device.isValid()) {
      throw new InvalidFieldsException(ProblemType.UNKNOWN_DEVICE, NewTicket.errors(device));
    }
    Instant now = clock.instant();
    Customer customer =
        customers.findById(
            customers.upsert(
                form.customerEmail().strip(),
                form.customerName().strip(),
                form.customerPhone() == null || form.customerPhone().isBlank()
                    ? null
                    : form.customerPhone().strip(),
                now));
    var opened =
        TicketCase.open(
            null, form.channel(), device.model(), device.iosVersion(), form.priority(), agent, now);
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
