package io.backupdesk.web.ticket.api;

import io.backupdesk.diagnostics.ticket.Channel;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.ticket.Ticket;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A ticket as the API returns it (also as {@code currentState} of a 409 about a ticket) and as the
 * pages show it. {@code version} is also sent as the ETag; send it back as {@code version} or
 * {@code If-Match}.
 */
@Schema(name = "Ticket", description = "A customer's request for help with one iPhone.")
public record TicketJson(
    @Schema(description = "The ticket number") long id,
    @Schema(description = "Changes with every write; send it back to guard against lost updates")
        int version,
    String subject,
    String description,
    CustomerRef customer,
    String deviceModel,
    String iosVersion,
    Channel channel,
    Priority priority,
    TicketStatus status,
    @Schema(description = "User name of the agent handling it; null when unassigned")
        String assignee,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant resolvedAt,
    Instant closedAt,
    @Schema(description = "The first timeline event that answered the customer; null before it")
        Instant firstResponseAt,
    @Schema(description = "When the ticket entered its current status") Instant statusSince,
    @Schema(description = "When to chase the customer (while waiting on the customer)")
        Instant followUpAt,
    @Schema(
            description =
                "When the next target (first response, then resolution) falls due; null once"
                    + " resolved or closed")
        Instant dueAt,
    @Schema(description = "The ticket this one was merged into as a duplicate; null if none")
        Long mergedInto) {

  /** Who the ticket is for; the full record is at /api/v1/customers/{id}. */
  @Schema(name = "TicketCustomer")
  public record CustomerRef(long id, String name, String email, String phone) {}

  public static TicketJson of(Ticket t) {
    var c = t.customer;
    return new TicketJson(
        t.id,
        t.version,
        t.subject,
        t.description,
        new CustomerRef(c.id, c.name, c.email, c.phone),
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
        t.closedAt,
        t.firstResponseAt,
        t.statusSince,
        t.followUpAt,
        t.dueAt,
        t.mergedInto);
  }
}
