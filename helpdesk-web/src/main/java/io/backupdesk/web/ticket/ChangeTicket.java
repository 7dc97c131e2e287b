package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.ticket.AgentDirectory;
import io.backupdesk.diagnostics.ticket.TimelineEntry;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.RuleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;

/**
 * Changes a ticket's priority, assignee or status, in that order, in one transaction: the ticket
 * locked, the core deciding what is allowed and wording the timeline, the rows saved.
 */
@ApplicationScoped
@Transactional
public class ChangeTicket {

  @Inject TicketCases tickets;
  @Inject DiagnosisStates diagnoses;
  @Inject AgentDirectory agents;
  @Inject Clock clock;

  /**
   * {@code expectedVersion} is the version the agent saw; if someone changed the ticket since,
   * nothing is written and the caller gets 409 with the ticket as it is now.
   */
  public Ticket handle(
      long id, Integer expectedVersion, @Valid @NotNull TicketChange change, String agent) {
    var locked = tickets.lock(id);
    Ticket ticket = locked.ticket();
    if (expectedVersion != null && expectedVersion != ticket.version) {
      throw ConflictException.stale(
          "Ticket " + id, expectedVersion, ticket.version, new TicketRef(id));
    }
    var ticketCase = locked.ticketCase();
    Instant now = clock.instant();
    var timeline = new ArrayList<TimelineEntry>();
    try {
      if (change.priority() != null) {
        timeline.addAll(ticketCase.changePriority(change.priority(), agent, now));
      }
      if (change.clearsAssignee()) {
        timeline.addAll(ticketCase.unassign(agent, now));
      } else if (change.assigneeName() != null) {
        timeline.addAll(ticketCase.assign(change.assigneeName(), agents, agent, now));
      }
      if (change.status() != null) {
        var latest = diagnoses.latestOf(id).map(DiagnosisState::latest);
        timeline.addAll(ticketCase.changeStatus(change.status(), latest, agent, now));
      }
    } catch (DiagnosisException refused) {
      throw new RuleException(refused, new TicketRef(id));
    }
    tickets.store(locked, timeline, null);
    return ticket;
  }
}
