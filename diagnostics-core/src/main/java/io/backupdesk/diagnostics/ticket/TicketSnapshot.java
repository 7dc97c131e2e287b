package io.backupdesk.diagnostics.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything needed to store a ticket's case and restore it exactly. {@code number} is null until
 * the ticket is stored; {@code assignee} is a user name or null; {@code resolvedAt} is set while
 * resolved (and kept when a resolved ticket is closed), {@code closedAt} while closed.
 */
public record TicketSnapshot(
    Long number,
    Channel channel,
    String deviceModel,
    String iosVersion,
    String createdBy,
    Instant createdAt,
    TicketStatus status,
    Priority priority,
    String assignee,
    Instant updatedAt,
    Instant resolvedAt,
    Instant closedAt) {

  public TicketSnapshot {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(deviceModel, "deviceModel");
    Objects.requireNonNull(iosVersion, "iosVersion");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
