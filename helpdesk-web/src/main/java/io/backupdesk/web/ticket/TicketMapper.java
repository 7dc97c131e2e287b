package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.diagnostics.ticket.TicketSnapshot;

/** Copies a core ticket case into the row that stores it, and back. */
final class TicketMapper {

  private TicketMapper() {}

  static TicketCase restore(Ticket t) {
    return TicketCase.restore(
        new TicketSnapshot(
            t.id,
            t.channel,
            t.deviceModel,
            t.iosVersion,
            t.createdBy,
            t.createdAt,
            t.status,
            t.priority,
            t.assignee,
            t.updatedAt,
            t.resolvedAt,
            t.closedAt));
  }

  static void write(TicketSnapshot s, Ticket t) {
    t.channel = s.channel();
    t.deviceModel = s.deviceModel();
    t.iosVersion = s.iosVersion();
    t.createdBy = s.createdBy();
    t.createdAt = s.createdAt();
    t.status = s.status();
    t.priority = s.priority();
    t.assignee = s.assignee();
    t.updatedAt = s.updatedAt();
    t.resolvedAt = s.resolvedAt();
    t.closedAt = s.closedAt();
  }
}
