package io.backupdesk.web.incident;

import io.backupdesk.diagnostics.incident.Incident;
import io.backupdesk.diagnostics.incident.IncidentEvent;
import io.backupdesk.diagnostics.incident.IncidentRefusedException;
import io.backupdesk.diagnostics.incident.IncidentStatus;
import io.backupdesk.diagnostics.incident.IncidentSuggestion;
import io.backupdesk.diagnostics.incident.Refusal;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.ProblemType;
import io.backupdesk.web.identity.AuditEntry;
import io.backupdesk.web.identity.AuditLog;
import io.backupdesk.web.ticket.TicketCases;
import io.backupdesk.web.ticket.TicketRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * The commands on incidents and suggestions, each in one transaction: the incident (or suggestion)
 * locked, the core deciding, the rows and every linked ticket's timeline saved together. Tickets
 * are always locked after the incident and in ascending id order, so two commands never wait on
 * each other in a circle.
 */
@ApplicationScoped
@Transactional
public class IncidentCommands {

  /** Limits one bulk link or unlink: a supervisor's selection, not a table scan. */
  public static final int MAX_BULK = 500;

  @Inject IncidentStore incidents;
  @Inject Suggestions suggestions;
  @Inject TicketCases tickets;
  @Inject TicketRepository ticketRows;
  @Inject AuditLog audit;
  @Inject IncidentNotices notices;
  @Inject Clock clock;

  /** Opens an incident by hand; 409 while another one is open. */
  public IncidentRecord open(String title, Instant startedAt, String agent) {
    Instant now = clock.instant();
    refuseWhileOneIsOpen();
    if (startedAt != null && startedAt.isBefore(now.minus(java.time.Duration.ofDays(30)))) {
      throw new InvalidInputException(
          "startedAt", "An outage that started more than 30 days ago is history, not an incident.");
    }
    var incident = Incident.open(title, startedAt, agent, now);
    var record = incidents.create(incident, null);
    incidents.log(record.id, null, List.of(incident.openedEvent()));
    audit.record(AuditEntry.Action.INCIDENT_OPENED, agent, "incident " + record.id, title, null);
    notices.opened(record);
    return record;
  }

  /** A supervisor confirms a suggestion: it opens the incident, started when the window did. */
  public IncidentRecord confirm(long suggestionId, String title, String agent) {
    var row = suggestions.locked(suggestionId);
    var suggestion = IncidentSuggestion.restore(row.snapshot());
    Instant now = clock.instant();
    var confirmed = suggestion.confirm(agent, now);
    refuseWhileOneIsOpen();
    row.write(suggestion.snapshot());
    String name =
        title == null || title.isBlank()
            ? "iCloud Backup outage (" + row.signal.counted(row.observed) + ")"
            : title;
    var incident = Incident.openFrom(suggestion, name, agent, now);
    var record = incidents.create(incident, row.id);
    incidents.log(record.id, row.id, confirmed);
    incidents.log(record.id, null, List.of(incident.openedEvent()));
    audit.record(
        AuditEntry.Action.SUGGESTION_CONFIRMED,
        agent,
        "suggestion " + row.id,
        "incident " + record.id + ": " + row.detection().describe(),
        null);
    notices.opened(record);
    return record;
  }

  /** A supervisor judges a suggestion a false alarm. */
  public SuggestionRecord dismiss(long suggestionId, String reason, String agent) {
    var row = suggestions.locked(suggestionId);
    var suggestion = IncidentSuggestion.restore(row.snapshot());
    var dismissed = suggestion.dismiss(reason, agent, clock.instant());
    if (!dismissed.isEmpty()) {
      row.write(suggestion.snapshot());
      incidents.log(null, row.id, dismissed);
      audit.record(
          AuditEntry.Action.SUGGESTION_DISMISSED,
          agent,
          "suggestion " + row.id,
          reason == null ? row.detection().describe() : reason,
          null);
    }
    return row;
  }

  /**
   * Links tickets; each newly linked ticket's timeline says so. Unknown tickets: 422, none kept.
   */
  public IncidentRecord link(long incidentId, Collection<Long> ticketIds, String agent) {
    var record = incidents.locked(incidentId);
    changeLinks(record, ticketIds, true, agent);
    return record;
  }

  public IncidentRecord unlink(long incidentId, Collection<Long> ticketIds, String agent) {
    var record = incidents.locked(incidentId);
    changeLinks(record, ticketIds, false, agent);
    return record;
  }

  /**
   * The queue's bulk form: links (or unlinks) the selected tickets to the incident as the page
   * showed it. A page is refused when that incident was recovered meanwhile, even if every ticket
   * was linked already (the supervisor meant an open incident), or when it changed since, so that
   * nobody acts on a list of tickets older than the incident. Returns how many tickets changed.
   */
  public int changeLinksAsShown(
      long incidentId, int shownVersion, Collection<Long> ticketIds, boolean link, String agent) {
    var record = incidents.locked(incidentId);
    String nothing = link ? "nothing was linked" : "nothing was unlinked";
    if (record.status != IncidentStatus.OPEN) {
      throw new IncidentRefusedException(
          link ? Refusal.LINK_TO_RECOVERED : Refusal.UNLINK_FROM_RECOVERED,
          "The incident \""
              + record.title
              + "\" was marked recovered by "
              + record.recoveredBy
              + ", so "
              + nothing
              + ". If Apple is down again, open a new incident.");
    }
    if (shownVersion != record.version) {
      throw new ConflictException(
          ProblemType.STALE_VERSION,
          "The incident \""
              + record.title
              + "\" changed since this page was loaded (tickets linked or unlinked, or a note"
              + " added), so "
              + nothing
              + ". Your selection is kept: check it and send it again.",
          null);
    }
    return changeLinks(record, ticketIds, link, agent);
  }

  private int changeLinks(
      IncidentRecord record, Collection<Long> ticketIds, boolean link, String agent) {
    var incident = incidents.restore(record);
    var ids = checkedIds(ticketIds);
    Instant now = clock.instant();
    var happened = link ? incident.linkAll(ids, agent, now) : incident.unlinkAll(ids, agent, now);
    for (IncidentEvent e : happened) {
      if (e instanceof IncidentEvent.TicketLinked linked) {
        var ticket = tickets.lock(linked.ticketId());
        tickets.store(
            ticket, ticket.ticketCase().linkedToIncident(record.title, agent, linked.at()), null);
      } else if (e instanceof IncidentEvent.TicketUnlinked unlinked) {
        var ticket = tickets.lock(unlinked.ticketId());
        tickets.store(
            ticket,
            ticket.ticketCase().unlinkedFromIncident(record.title, agent, unlinked.at()),
            null);
      }
    }
    save(record, incident, happened);
    return happened.size();
  }

  public IncidentRecord addNote(long incidentId, String text, String agent) {
    var record = incidents.locked(incidentId);
    var incident = incidents.restore(record);
    return save(record, incident, incident.addNote(text, agent, clock.instant()));
  }

  /**
   * Apple recovered: in this one transaction the incident is closed and every linked ticket still
   * waiting on Apple goes back to the queue as a follow-up with its timeline line. {@code
   * expectedVersion}, when given, refuses a recovery against an incident changed meanwhile.
   */
  public IncidentRecord recover(long incidentId, Integer expectedVersion, String agent) {
    var record = incidents.locked(incidentId);
    if (expectedVersion != null && expectedVersion != record.version) {
      throw new ConflictException(
          ProblemType.STALE_VERSION,
          "The incident \""
              + record.title
              + "\" changed since you opened it (tickets linked or a note added). Reload it,"
              + " check, and mark it recovered again.",
          null);
    }
    var incident = incidents.restore(record);
    var locked = new HashMap<Long, TicketCases.Locked>();
    var statuses = new HashMap<Long, TicketStatus>();
    for (Long id : new TreeSet<>(incident.linkedTickets())) {
      var ticket = tickets.lock(id);
      locked.put(id, ticket);
      statuses.put(id, ticket.ticketCase().status());
    }
    var happened = incident.recover(statuses, agent, clock.instant());
    var recovered = (IncidentEvent.Recovered) happened.get(0);
    for (Long id : recovered.followUps()) {
      var ticket = locked.get(id);
      tickets.store(
          ticket, ticket.ticketCase().appleRecovered(record.title, agent, recovered.at()), null);
    }
    var saved = save(record, incident, happened);
    audit.record(
        AuditEntry.Action.INCIDENT_RECOVERED,
        agent,
        "incident " + record.id,
        recovered.describe(),
        null);
    notices.recovered(record);
    return saved;
  }

  private IncidentRecord save(
      IncidentRecord record, Incident incident, List<IncidentEvent> happened) {
    if (!happened.isEmpty()) {
      incidents.write(incident, record);
      incidents.log(record.id, null, happened);
    }
    return record;
  }

  private void refuseWhileOneIsOpen() {
    incidents
        .open()
        .ifPresent(
            open -> {
              throw new ConflictException(
                  ProblemType.INCIDENT_ALREADY_OPEN,
                  "The incident \""
                      + open.title
                      + "\" (#"
                      + open.id
                      + ") is open: iCloud Backup has one incident at a time. Link the tickets"
                      + " to it, or mark it recovered first.",
                  null);
            });
  }

  /** The ids, once each and in order; every one must be a ticket. */
  private List<Long> checkedIds(Collection<Long> ticketIds) {
    if (ticketIds == null || ticketIds.isEmpty()) {
      throw new InvalidInputException("ticketIds", "Choose at least one ticket.");
    }
    if (ticketIds.size() > MAX_BULK) {
      throw new InvalidInputException(
          "ticketIds", "Choose at most " + MAX_BULK + " tickets at a time.");
    }
    var ids = new ArrayList<>(new TreeSet<>(ticketIds));
    var known =
        new java.util.HashSet<>(
            ticketRows
                .getEntityManager()
                .createQuery("select t.id from Ticket t where t.id in ?1", Long.class)
                .setParameter(1, ids)
                .getResultList());
    var unknown = ids.stream().filter(id -> !known.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(
          "ticketIds",
          "No ticket "
              + String.join(", ", unknown.stream().map(id -> "#" + id).toList())
              + ": nothing was linked or unlinked.");
    }
    return ids;
  }
}
