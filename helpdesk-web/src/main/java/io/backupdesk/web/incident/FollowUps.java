package io.backupdesk.web.incident;

import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.diagnostics.ticket.TimelineEntry;
import io.backupdesk.web.common.RuleException;
import io.backupdesk.web.diagnosis.StartDiagnosis;
import io.backupdesk.web.ticket.DiagnosisState;
import io.backupdesk.web.ticket.DiagnosisStates;
import io.backupdesk.web.ticket.TicketCases;
import io.backupdesk.web.ticket.TicketRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What the desk does for tickets around an outage: a ticket whose diagnosis ends waiting on Apple
 * joins the open incident by itself, and a follow-up after recovery starts from the customer's test
 * backup instead of step 1.
 */
@ApplicationScoped
public class FollowUps {

  @Inject IncidentStore incidents;
  @Inject TicketCases tickets;
  @Inject DiagnosisStates diagnoses;
  @Inject StartDiagnosis startDiagnosis;
  @Inject Clock clock;

  /**
   * Links a ticket that just ended waiting on Apple to the open incident, in the same transaction
   * as the outcome that ended it. The ticket is locked already; the incident is locked after it
   * only when the link is new, and a recovery locks only tickets that were linked before, so the
   * two never wait on each other in a circle.
   */
  void linkWaitingTickets(@Observes TicketCases.StatusChanged changed) {
    if (changed.to() != TicketStatus.WAITING_ON_APPLE) {
      return;
    }
    var open = incidents.openId();
    if (open.isEmpty()) {
      return;
    }
    long ticketId = changed.ticket().ticket().id;
    if (incidents.isLinked(open.get(), ticketId)) {
      return;
    }
    // Locked before it is read: two agents ending tickets "waiting on Apple" at once link one
    // after the other, neither refused for the other's link.
    var record = incidents.locked(open.get());
    var incident = incidents.restore(record);
    if (!incident.isOpen()) {
      return; // recovered while this outcome waited for the lock: nothing to wait for
    }
    var happened = incident.link(ticketId, changed.actor(), changed.at());
    if (happened.isEmpty()) {
      return;
    }
    incidents.write(incident, record);
    incidents.log(record.id, null, happened);
    var ticket = changed.ticket();
    tickets.store(
        ticket,
        ticket.ticketCase().linkedToIncident(record.title, changed.actor(), changed.at()),
        null);
  }

  /** Whether the ticket waits for the customer's test backup after Apple recovered. */
  public boolean awaitsBackup(long ticketId, TicketStatus status) {
    return status == TicketStatus.NEW
        && TicketCase.awaitsBackupAfterOutage(
            status, diagnoses.latestOf(ticketId).map(DiagnosisState::latest));
  }

  /**
   * The customer ran Back Up Now after Apple recovered. Completed resolves the ticket; still
   * failing starts the next diagnosis at once, so the agent carries on with the customer.
   */
  @Transactional
  public void backupAfterOutage(long ticketId, boolean completed, String agent) {
    var ticket = tickets.lock(ticketId);
    var latest = diagnoses.latestOf(ticketId).map(DiagnosisState::latest);
    Instant now = clock.instant();
    List<TimelineEntry> lines;
    try {
      lines = ticket.ticketCase().backupAfterOutage(completed, latest, agent, now);
    } catch (DiagnosisException refused) {
      throw new RuleException(refused, new TicketRef(ticketId));
    }
    tickets.store(ticket, lines, null);
    if (!completed) {
      startDiagnosis.handle(ticketId, agent);
    }
  }
}
