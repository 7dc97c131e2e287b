package io.backupdesk.web.ticket.api;

import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.ticket.Customer;
import io.backupdesk.web.ticket.Ticket;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer with every ticket they opened, newest first. */
@Schema(name = "Customer")
public record CustomerJson(
    long id,
    String name,
    String email,
    String phone,
    @Schema(description = "Changes when the name is corrected; send it back with a correction")
        int version,
    Instant createdAt,
    Instant updatedAt,
    List<TicketRef> tickets) {

  /** One of the customer's tickets; the full ticket is at /api/v1/tickets/{id}. */
  @Schema(name = "CustomerTicket")
  public record TicketRef(long id, String subject, TicketStatus status, Instant createdAt) {}

  static CustomerJson of(Customer c, List<Ticket> tickets) {
    return new CustomerJson(
        c.id,
        c.name,
        c.email,
        c.phone,
        c.version,
        c.createdAt,
        c.updatedAt,
        tickets.stream().map(t -> new TicketRef(t.id, t.subject, t.status, t.createdAt)).toList());
  }
}
