package io.backupdesk.web.testing;

import io.backupdesk.web.ticket.AddNote;
import io.backupdesk.web.ticket.ChangeTicket;
import io.backupdesk.web.ticket.NewNote;
import io.backupdesk.web.ticket.NewTicket;
import io.backupdesk.web.ticket.OpenTicket;
import io.backupdesk.web.ticket.Ticket;
import io.backupdesk.web.ticket.TicketChange;
import io.backupdesk.web.ticket.TicketEvent;
import io.backupdesk.web.ticket.TicketQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Opens, changes and reads tickets in tests through the handlers the API and the pages use. */
@ApplicationScoped
public class TestTickets {

  private final OpenTicket openTicket;
  private final ChangeTicket changeTicket;
  private final AddNote addNote;
  private final TicketQuery query;

  TestTickets(
      OpenTicket openTicket, ChangeTicket changeTicket, AddNote addNote, TicketQuery query) {
    this.openTicket = openTicket;
    this.changeTicket = changeTicket;
    this.addNote = addNote;
    this.query = query;
  }

  public Ticket create(NewTicket form, String agent) {
    return openTicket.handle(form, agent);
  }

  public Ticket update(long id, Integer expectedVersion, TicketChange change, String agent) {
    return changeTicket.handle(id, expectedVersion, change, agent);
  }

  public TicketEvent addNote(long id, String body, String agent) {
    return addNote.handle(id, new NewNote(body), agent);
  }

  public Ticket get(long id) {
    return query.ticket(id);
  }

  public List<TicketEvent> timeline(long id) {
    return query.timeline(id);
  }
}
