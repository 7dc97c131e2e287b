package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.Limits;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The command to change a ticket's handling, as the API receives it and the forms build it: absent
 * fields stay as they are; {@code unassign} clears the assignee. Checked by {@link ChangeTicket}.
 */
@Schema(name = "TicketPatch", description = "A change to a ticket's handling; absent fields stay.")
public record TicketChange(
    TicketStatus status,
    Priority priority,
    @Schema(description = "User name of an enabled agent to hand the ticket to")
        @Size(max = Limits.USERNAME, message = "Keep the user name under 64 characters")
        String assignee,
    @Schema(description = "true clears the assignee") Boolean unassign,
    @Schema(description = "The version you saw (or send it as If-Match)") Integer version) {

  public static TicketChange status(TicketStatus status, Integer version) {
    return new TicketChange(status, null, null, null, version);
  }

  public static TicketChange priority(Priority priority, Integer version) {
    return new TicketChange(null, priority, null, null, version);
  }

  /** The assignee form: an empty choice means nobody. */
  public static TicketChange assignee(String username, Integer version) {
    return username == null || username.isBlank()
        ? new TicketChange(null, null, null, true, version)
        : new TicketChange(null, null, username, null, version);
  }

  boolean clearsAssignee() {
    boolean clear = Boolean.TRUE.equals(unassign);
    if (clear && assignee != null) {
      throw new InvalidInputException(
          "unassign", "Either name an assignee or unassign the ticket, not both.");
    }
    return clear;
  }

  /** The user name to hand the ticket to, or null. */
  String assigneeName() {
    return assignee == null || assignee.isBlank() ? null : assignee.strip();
  }
}
