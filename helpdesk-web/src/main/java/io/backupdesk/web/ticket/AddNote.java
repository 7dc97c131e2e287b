package io.backupdesk.web.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/** Adds an internal note to a ticket's timeline. */
@ApplicationScoped
@Transactional
public class AddNote {

  @Inject TicketCases tickets;
  @Inject Clock clock;

  public TicketEvent handle(long id, @Valid @NotNull NewNote note, String agent) {
    // Locked like every other write to the ticket, so notes and changes at the same moment are
    // written one after the other. A note moves the last activity only, which is not versioned:
    // a colleague's open priority or assignee form stays current.
    var locked = tickets.lock(id);
    var timeline = locked.ticketCase().addNote(note.body(), agent, clock.instant());
    return tickets.store(locked, timeline, null).get(0);
  }
}
