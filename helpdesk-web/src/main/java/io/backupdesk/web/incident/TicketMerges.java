package io.backupdesk.web.incident;

import io.backupdesk.diagnostics.incident.MergeCandidate;
import io.backupdesk.diagnostics.incident.MergePlan;
import io.backupdesk.diagnostics.incident.TicketMerge;
import io.backupdesk.web.identity.AuditEntry;
import io.backupdesk.web.identity.AuditLog;
import io.backupdesk.web.ticket.DiagnosisState;
import io.backupdesk.web.ticket.DiagnosisStates;
import io.backupdesk.web.ticket.TicketCases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Merges a customer's duplicate ticket into the one that carries on: both locked (lower id first),
 * the core's merge rules deciding, the duplicate closed with a link, both timelines told.
 */
@ApplicationScoped
@Transactional
public class TicketMerges {

  @Inject TicketCases tickets;
  @Inject DiagnosisStates diagnoses;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public MergePlan merge(long sourceId, long targetId, String agent) {
    var first = tickets.lock(Math.min(sourceId, targetId));
    var second = sourceId == targetId ? first : tickets.lock(Math.max(sourceId, targetId));
    var source = sourceId <= targetId ? first : second;
    var target = sourceId <= targetId ? second : first;
    MergePlan plan = TicketMerge.plan(candidate(source), candidate(target));
    if (plan.alreadyDone()) {
      return plan;
    }
    Instant now = clock.instant();
    tickets.store(source, source.ticketCase().mergedInto(targetId, agent, now), null);
    source.ticket().mergedInto = targetId;
    tickets.store(target, target.ticketCase().mergedFrom(sourceId, agent, now), null);
    audit.record(
        AuditEntry.Action.TICKETS_MERGED,
        agent,
        "ticket " + sourceId,
        "merged into ticket " + targetId,
        null);
    return plan;
  }

  private MergeCandidate candidate(TicketCases.Locked locked) {
    var ticket = locked.ticket();
    boolean open =
        diagnoses
            .latestOf(ticket.id)
            .map(DiagnosisState::status)
            .map(s -> !s.isEnded())
            .orElse(false);
    return new MergeCandidate(
        ticket.id, ticket.customer.id, ticket.status, open, ticket.mergedInto);
  }
}
