package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.diagnostics.ticket.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Loads a ticket's case for a command, locked, and stores it again with the timeline lines the
 * command caused. Every command that touches a ticket goes through here, the diagnosis commands
 * included.
 */
@ApplicationScoped
public class TicketCases {

  /** A ticket locked for one command: its row and its case. */
  public record Locked(Ticket ticket, TicketCase ticketCase) {}

  @Inject TicketRepository tickets;
  @Inject TicketEventRepository events;
  @Inject TicketClocks clocks;

  /** The ticket and its case, locked until the transaction ends; 404 for an unknown ticket. */
  public Locked lock(long id) {
    Ticket ticket = tickets.locked(id);
    return new Locked(ticket, TicketMapper.restore(ticket));
  }

  /**
   * Writes the case back into its row and appends the timeline lines, in order; lines about a
   * diagnosis belong to {@code diagnosisId}. Flushes, so that whatever the database refuses is
   * refused inside the command.
   */
  public List<TicketEvent> store(Locked locked, List<TimelineEntry> timeline, Long diagnosisId) {
    var before = locked.ticket().status;
    TicketMapper.write(locked.ticketCase().snapshot(), locked.ticket());
    clocks.stamp(locked.ticket(), before, timeline);
    var stored =
        timeline.stream()
            .map(entry -> events.append(locked.ticket().id, diagnosisId, entry))
            .toList();
    tickets.flush();
    return stored;
  }
}
