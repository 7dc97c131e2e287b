package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;

/**
 * A change to a ticket's handling. A null field stays as it is; {@code unassign} clears the
 * assignee.
 */
public record TicketUpdate(
    TicketStatus status, Priority priority, String assignee, boolean unassign) {

  public static TicketUpdate status(TicketStatus status) {
    return new TicketUpdate(status, null, null, false);
  }

  public static TicketUpdate priority(Priority priority) {
    return new TicketUpdate(null, priority, null, false);
  }

  public static TicketUpdate assignTo(String username) {
    return new TicketUpdate(null, null, username, false);
  }

  public static TicketUpdate unassigned() {
    return new TicketUpdate(null, null, null, true);
  }
}
