package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.Channel;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import java.time.Instant;

/** A ticket as the API shows it: a stable contract, not the table. */
public record TicketView(
    long id,
    int version,
    String subject,
    String description,
    CustomerSummary customer,
    String deviceModel,
    String iosVersion,
    Channel channel,
    Priority priority,
    TicketStatus status,
    String assignee,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant resolvedAt,
    Instant closedAt) {

  /** The customer's identity as shown with a ticket. */
  public record CustomerSummary(long id, String name, String email, String phone) {}

  public static TicketView of(Ticket t) {
    var c = t.customer;
    return new TicketView(
        t.id,
        t.version,
        t.subject,
        t.description,
        new CustomerSummary(c.id, c.name, c.email, c.phone),
        t.deviceModel,
        t.iosVersion,
        t.channel,
        t.priority,
        t.status,
        t.assignee,
        t.createdBy,
        t.createdAt,
        t.updatedAt,
        t.resolvedAt,
        t.closedAt);
  }
}
