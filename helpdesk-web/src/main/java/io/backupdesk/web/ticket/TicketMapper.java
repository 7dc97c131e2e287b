package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.diagnostics.ticket.TicketSnapshot;
import io.backupdesk.diagnostics.ticket.TimelineKind;

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
    write(s, t, null);
  }

  /**
   * Also keeps who resolved and who closed the ticket: {@code actor} when the command set the time,
   * nobody once the time is cleared (a reopen), unchanged otherwise.
   */
  static void write(TicketSnapshot s, Ticket t, String actor) {
    if (s.resolvedAt() == null) {
      t.resolvedBy = null;
    } else if (!s.resolvedAt().equals(t.resolvedAt) && actor != null) {
      t.resolvedBy = actor;
    }
    if (s.closedAt() == null) {
      t.closedBy = null;
    } else if (!s.closedAt().equals(t.closedAt) && actor != null) {
      t.closedBy = actor;
    }
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

  /** The values a timeline line changed, before and after; both null for other lines. */
  record Change(String from, String to) {
    static final Change NONE = new Change(null, null);
  }

  /**
   * What a line of an assignment, a priority or an agent's status change changed, from the ticket
   * before and after the command, so that the export can give it as values and not only in words.
   */
  static Change change(TimelineKind kind, TicketSnapshot before, TicketSnapshot after) {
    return switch (kind) {
      case ASSIGNED -> new Change(before.assignee(), after.assignee());
      case PRIORITY_CHANGED -> new Change(before.priority().name(), after.priority().name());
      case STATUS_CHANGED, REOPENED, CLOSED ->
          new Change(before.status().name(), after.status().name());
      default -> Change.NONE;
    };
  }
}
