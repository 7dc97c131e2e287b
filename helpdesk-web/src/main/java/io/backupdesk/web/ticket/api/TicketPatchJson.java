package io.backupdesk.web.ticket.api;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.ticket.TicketUpdate;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change to a ticket's handling; absent fields stay as they are. */
@Schema(name = "TicketPatch")
public record TicketPatchJson(
    TicketStatus status,
    Priority priority,
    @Schema(description = "User name of an enabled agent to hand the ticket to")
        @Size(max = 100, message = "Keep the user name under 100 characters")
        String assignee,
    @Schema(description = "true clears the assignee") Boolean unassign,
    @Schema(description = "The version you saw (or send it as If-Match)") Integer version) {

  TicketUpdate toUpdate() {
    boolean clear = Boolean.TRUE.equals(unassign);
    if (clear && assignee != null) {
      throw new InvalidInputException(
          "unassign", "Either name an assignee or unassign the ticket, not both.");
    }
    var who = assignee == null || assignee.isBlank() ? null : assignee.strip();
    return new TicketUpdate(status, priority, who, clear);
  }
}
