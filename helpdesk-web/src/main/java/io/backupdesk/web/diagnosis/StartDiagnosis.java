package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.ticket.AgentDirectory;
import io.backupdesk.diagnostics.ticket.DiagnosisOpenException;
import io.backupdesk.diagnostics.ticket.LatestDiagnosis;
import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.web.common.RuleException;
import io.backupdesk.web.order.OrderChooser;
import io.backupdesk.web.ticket.TicketCases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Starts a ticket's next walk through the current playbook: the ticket locked, its case deciding
 * (one open diagnosis at a time, not on a closed ticket, the starter takes an unassigned ticket).
 * The order it walks comes from the step-order settings ({@link OrderChooser}): the article's while
 * suggestions are off, else the learned order for the phone or, for a share of diagnoses, an
 * explored one, with the policy, model version and propensity recorded with the diagnosis.
 */
@ApplicationScoped
@Transactional
public class StartDiagnosis {

  @Inject DiagnosisRepository diagnoses;
  @Inject DiagnosisQuery query;
  @Inject TicketCases tickets;
  @Inject AgentDirectory agents;
  @Inject Playbooks playbooks;
  @Inject Clock clock;
  @Inject OrderChooser orders;

  public DiagnosisView handle(long ticketId, String agent) {
    var ticket = tickets.lock(ticketId);
    var latest = diagnoses.latestOf(ticketId).map(d -> new LatestDiagnosis(d.attempt, d.status));
    Instant now = clock.instant();
    TicketCase.DiagnosisStart start;
    try {
      var playbook = playbooks.current();
      var phone = ticket.ticketCase().snapshot();
      var choice = orders.choose(playbook, new Device(phone.deviceModel(), phone.iosVersion()));
      start = ticket.ticketCase().startDiagnosis(latest, playbook, choice, agent, agents, now);
    } catch (DiagnosisOpenException open) {
      throw new RuleException(open, new DiagnosisRef(ticketId));
    } catch (DiagnosisException refused) {
      throw new RuleException(refused, null);
    }
    var record = new DiagnosisRecord();
    record.ticketId = ticketId;
    record.attempt = start.attempt();
    DiagnosisMapper.write(start.diagnosis().snapshot(), record, now);
    diagnoses.persist(record);
    tickets.store(ticket, start.timeline(), record.id);
    return DiagnosisQuery.view(record, start.diagnosis());
  }
}
