package io.backupdesk.web.incident;

import io.backupdesk.diagnostics.incident.Incident;
import io.backupdesk.diagnostics.incident.IncidentEvent;
import io.backupdesk.diagnostics.incident.IncidentNote;
import io.backupdesk.diagnostics.incident.IncidentSnapshot;
import io.backupdesk.diagnostics.incident.IncidentStatus;
import io.backupdesk.diagnostics.incident.LinkedTicket;
import io.backupdesk.web.common.NotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Loads incidents as the core's {@link Incident} and stores what a command changed: links added or
 * removed, notes appended, the recovery, and the incident's own timeline lines.
 */
@ApplicationScoped
public class IncidentStore implements PanacheRepository<IncidentRecord> {

  /** The incident, locked until the transaction ends; 404 for an unknown one. */
  IncidentRecord locked(long id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> new NotFoundException("Incident", id));
  }

  public IncidentRecord byId(long id) {
    return findByIdOptional(id).orElseThrow(() -> new NotFoundException("Incident", id));
  }

  /** The incident open now, if any (the schema allows one at a time). */
  public Optional<IncidentRecord> open() {
    return find("status", IncidentStatus.OPEN).firstResultOptional();
  }

  /**
   * The open incident as every agent page shows it (banner, notice, bulk form), read with one plain
   * statement: a page asks on every request, and the ORM's query machinery cost more than the
   * statement (bench/RESULTS.md, "The open incident read plainly").
   */
  Optional<OpenIncident.Shown> shown() {
    return getEntityManager()
        .unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (var statement =
                  connection.prepareStatement(
                      "SELECT id, title, started_at, version FROM incident WHERE status = ?")) {
                statement.setString(1, IncidentStatus.OPEN.name());
                try (var r = statement.executeQuery()) {
                  return r.next()
                      ? Optional.of(
                          new OpenIncident.Shown(
                              r.getLong(1),
                              r.getString(2),
                              r.getObject(3, OffsetDateTime.class).toInstant(),
                              r.getInt(4)))
                      : Optional.empty();
                }
              }
            });
  }

  /**
   * The open incident's id, without loading it: a command that locks it next must not have read it
   * first (the lock would then only be upgraded, checking the version read before it waited).
   */
  Optional<Long> openId() {
    return getEntityManager()
        .createQuery("select i.id from IncidentRecord i where i.status = :open", Long.class)
        .setParameter("open", IncidentStatus.OPEN)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Whether the ticket is linked to the incident, without loading the incident's links. */
  boolean isLinked(long incidentId, long ticketId) {
    return getEntityManager().find(IncidentLink.class, new IncidentLink.Key(incidentId, ticketId))
        != null;
  }

  public List<IncidentRecord> newest(int limit) {
    return find("order by openedAt desc, id desc").page(0, limit).list();
  }

  /** An incident as a ticket's page names it. */
  public record Named(long id, String title, IncidentStatus status) {}

  /**
   * The incidents a ticket is linked to, newest first: ids and titles only, read without loading
   * the incidents' links into the page's persistence context.
   */
  public List<Named> linkedTo(long ticketId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT i.id, i.title, i.status FROM incident i JOIN incident_ticket l"
                    + " ON l.incident_id = i.id WHERE l.ticket_id = ?1 ORDER BY i.opened_at DESC")
            .setParameter(1, ticketId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Named(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    IncidentStatus.valueOf((String) r[2])))
        .toList();
  }

  Incident restore(IncidentRecord r) {
    var evidence =
        r.suggestionId == null
            ? null
            : getEntityManager().find(SuggestionRecord.class, r.suggestionId).detection();
    return Incident.restore(
        new IncidentSnapshot(
            r.title,
            r.status,
            r.startedAt,
            r.openedAt,
            r.openedBy,
            evidence,
            r.links.stream()
                .map(l -> new LinkedTicket(l.ticketId, l.linkedBy, l.linkedAt))
                .toList(),
            r.notes.stream().map(n -> new IncidentNote(n.text, n.agent, n.at)).toList(),
            r.recoveredAt,
            r.recoveredBy));
  }

  /** A new incident's row, from the core's first snapshot. */
  IncidentRecord create(Incident incident, Long suggestionId) {
    var r = new IncidentRecord();
    var s = incident.snapshot();
    r.title = s.title();
    r.status = s.status();
    r.startedAt = s.startedAt();
    r.openedAt = s.openedAt();
    r.openedBy = s.openedBy();
    r.suggestionId = suggestionId;
    persist(r);
    flush();
    return r;
  }

  /** Writes what changed since the record was loaded. */
  void write(Incident incident, IncidentRecord r) {
    IncidentSnapshot s = incident.snapshot();
    r.status = s.status();
    r.recoveredAt = s.recoveredAt();
    r.recoveredBy = s.recoveredBy();
    var wanted = new HashMap<Long, LinkedTicket>();
    s.links().forEach(l -> wanted.put(l.ticketId(), l));
    r.links.removeIf(l -> !wanted.containsKey(l.ticketId));
    var present = new HashSet<Long>();
    r.links.forEach(l -> present.add(l.ticketId));
    for (LinkedTicket l : s.links()) {
      if (present.add(l.ticketId())) {
        var link = new IncidentLink();
        link.incidentId = r.id;
        link.ticketId = l.ticketId();
        link.linkedBy = l.agent();
        link.linkedAt = l.at();
        r.links.add(link);
      }
    }
    for (int i = r.notes.size(); i < s.notes().size(); i++) {
      IncidentNote n = s.notes().get(i);
      var note = new IncidentNoteRecord();
      note.incidentId = r.id;
      note.text = n.text();
      note.agent = n.agent();
      note.at = n.at();
      r.notes.add(note);
    }
    // Bumps the version even when only a child row changed, so a stale form is refused.
    getEntityManager().lock(r, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    flush();
  }

  /** Appends the incident's (or suggestion's) timeline lines, as the core worded them. */
  void log(Long incidentId, Long suggestionId, List<? extends IncidentEvent> events) {
    for (IncidentEvent e : events) {
      var line = new IncidentEventRecord();
      line.incidentId = incidentId;
      line.suggestionId = suggestionId;
      line.at = e.at();
      line.actor = e.agent();
      line.summary = e.describe().length() > 2000 ? e.describe().substring(0, 2000) : e.describe();
      getEntityManager().persist(line);
    }
  }

  public List<IncidentEventRecord> timeline(long incidentId) {
    return getEntityManager()
        .createQuery(
            "from IncidentEventRecord where incidentId = ?1 order by at, id",
            IncidentEventRecord.class)
        .setParameter(1, incidentId)
        .getResultList();
  }
}
