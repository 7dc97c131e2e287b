package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.diagnostics.ticket.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
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

  /**
   * A ticket's status changed in a command, fired before the command commits: features that follow
   * tickets (an open incident links a ticket that ends waiting on Apple) add to the same unit of
   * work instead of the ticket feature calling them.
   */
  public record StatusChanged(
      Locked ticket, TicketStatus from, TicketStatus to, String actor, Instant at) {}

  @Inject TicketRepository tickets;
  @Inject TicketEventRepository events;
  @Inject TicketClocks clocks;
  @Inject Event<StatusChanged> statusChanged;

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
    Ticket ticket = locked.ticket();
    var before = TicketMapper.restore(ticket).snapshot();
    var after = locked.ticketCase().snapshot();
    // A command's lines share its agent: the one who resolved or closed the ticket, if it did.
    String actor = timeline.isEmpty() ? null : timeline.get(0).actor();
    TicketMapper.write(after, ticket, actor);
    clocks.stamp(ticket, before.status(), timeline);
    var stored =
        timeline.stream()
            .map(
                entry ->
                    events.append(
                        ticket.id,
                        diagnosisId,
                        entry,
                        TicketMapper.change(entry.kind(), before, after)))
            .toList();
    tickets.flush();
    if (before.status() != after.status() && !timeline.isEmpty()) {
      var last = timeline.get(timeline.size() - 1);
      statusChanged.fire(
          new StatusChanged(locked, before.status(), after.status(), last.actor(), last.at()));
    }
    return stored;
  }
}
