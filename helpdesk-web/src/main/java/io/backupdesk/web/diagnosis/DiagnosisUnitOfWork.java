package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.ticket.AgentDirectory;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.common.RuleException;
import io.backupdesk.web.ticket.TicketCases;
import io.backupdesk.web.ticket.TicketQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What every command on a started diagnosis shares: one transaction, the diagnosis row locked for
 * its duration, the core deciding what is legal, and the ticket's case writing the timeline and
 * following the diagnosis's status.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class DiagnosisUnitOfWork {

  @Inject DiagnosisRepository diagnoses;
  @Inject DiagnosisQuery query;
  @Inject TicketCases tickets;
  @Inject TicketQuery ticketQuery;
  @Inject AgentDirectory agents;
  @Inject Clock clock;

  /**
   * Loads and locks the diagnosis, lets the core run the command, and stores what changed. An
   * identical repeat (a double click, a retried request) changes nothing and succeeds whatever
   * version it names; any real change against a stale version is refused.
   */
  DiagnosisView apply(
      long ticketId, Integer expectedVersion, Function<Diagnosis, List<DiagnosisEvent>> command) {
    var record =
        diagnoses
            .latestLocked(ticketId)
            .orElseThrow(
                () -> {
                  ticketQuery.ticket(ticketId); // 404 for the ticket itself when it does not exist
                  return new NotFoundException("A diagnosis of ticket", ticketId);
                });
    var diagnosis = query.restore(record);
    List<DiagnosisEvent> happened;
    try {
      happened = command.apply(diagnosis);
    } catch (DiagnosisException refused) {
      throw new RuleException(refused, new DiagnosisRef(ticketId));
    }
    if (happened.isEmpty()) {
      return DiagnosisQuery.view(record, diagnosis);
    }
    if (expectedVersion != null && expectedVersion != record.version) {
      throw ConflictException.stale(
          "The diagnosis of ticket " + ticketId,
          expectedVersion,
          record.version,
          new DiagnosisRef(ticketId));
    }
    Instant now = clock.instant();
    DiagnosisMapper.write(diagnosis.snapshot(), record, now);
    DiagnosisMapper.notePause(record, happened);
    // The ticket follows the diagnosis; lock it so that a ticket change committed meanwhile (a new
    // priority, a note) makes this command wait instead of failing on the ticket's version.
    var ticket = tickets.lock(ticketId);
    try {
      var timeline =
          ticket.ticketCase().diagnosisProgressed(diagnosis, record.attempt, happened, agents, now);
      tickets.store(ticket, timeline, record.id);
    } catch (DiagnosisException refused) {
      throw new RuleException(refused, null);
    }
    return DiagnosisQuery.view(record, diagnosis);
  }
}
