package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.ServiceTargets;
import io.backupdesk.diagnostics.ticket.TicketClock;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.diagnostics.ticket.TimelineEntry;
import io.backupdesk.diagnostics.ticket.TimelineKind;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps each ticket's clock columns (V18) in step with the core's {@link TicketClock}: every
 * command that stores a ticket passes through {@link #stamp}, and at start-up {@link #reconcile}
 * fills in rows written without them (older rows, the data generator's) and moves the due times of
 * open tickets to the targets now configured.
 */
@ApplicationScoped
public class TicketClocks {

  private static final Logger LOG = Logger.getLogger(TicketClocks.class);

  @Inject ServiceTargets targets;
  @Inject EntityManager em;

  /** The clock of a ticket as it is stored. */
  public TicketClock of(Ticket t) {
    return targets.clock(facts(t));
  }

  public ServiceTargets targets() {
    return targets;
  }

  static TicketClock.Facts facts(Ticket t) {
    return new TicketClock.Facts(
        t.priority,
        t.status,
        t.createdAt,
        t.firstResponseAt,
        t.resolvedAt,
        t.statusSince,
        t.followUpAt);
  }

  /** A ticket just opened: its status starts now and its first-response target runs. */
  public void opened(Ticket t) {
    t.statusSince = t.createdAt;
    t.dueAt = of(t).dueAt();
  }

  /**
   * After a command: the first line that answered the customer stamps the first response, a new
   * status restarts "waiting since" (and leaving "waiting on customer" drops its follow-up date),
   * and the due time follows.
   */
  void stamp(Ticket t, TicketStatus before, List<TimelineEntry> timeline) {
    if (t.firstResponseAt == null) {
      timeline.stream()
          .filter(e -> ServiceTargets.answersCustomer(e.kind()))
          .map(TimelineEntry::at)
          .findFirst()
          .ifPresent(at -> t.firstResponseAt = at);
    }
    if (t.status != before || t.statusSince == null) {
      t.statusSince = timeline.isEmpty() ? t.updatedAt : timeline.get(timeline.size() - 1).at();
      if (before == TicketStatus.WAITING_ON_CUSTOMER) {
        t.followUpAt = null;
      }
    }
    t.dueAt = of(t).dueAt();
  }

  /** After Flyway, the admin bootstrap and the demo data (which write tickets without a clock). */
  @Transactional
  void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 200) StartupEvent event) {
    reconcile(false);
  }

  /**
   * Fills the clock of open tickets that have none, from their timelines (the status is taken to
   * have started at the last line that can move it), then brings every open ticket's due time to
   * the configured targets, whatever they were brought to before. Neither the version nor {@code
   * updated_at} moves: nothing an agent did changed.
   */
  @Transactional
  public int reconcile() {
    return reconcile(true);
  }

  /**
   * As {@link #reconcile()}, but at start-up the open tickets are walked only when the targets
   * differ from those they were last brought to (V35) or some ticket was just filled: an ordinary
   * start does no more than two index lookups.
   */
  private int reconcile(boolean always) {
    // One instance at a time: two starting together would otherwise both walk the tickets.
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('ticket-clock-targets'))")
        .getSingleResult();
    int filled =
        em.createNativeQuery(
                "UPDATE ticket t SET"
                    + " first_response_at = (SELECT min(e.at) FROM ticket_event e"
                    + "   WHERE e.ticket_id = t.id AND e.kind IN ("
                    + kinds(true)
                    + ")),"
                    + " status_since = coalesce((SELECT max(e.at) FROM ticket_event e"
                    + "   WHERE e.ticket_id = t.id AND e.kind IN ("
                    + kinds(false)
                    + ")), t.created_at)"
                    + " WHERE t.status_since IS NULL AND t.status NOT IN ('RESOLVED', 'CLOSED')")
            .executeUpdate();
    String configured = describe(targets);
    @SuppressWarnings("unchecked")
    List<String> applied =
        em.createNativeQuery("SELECT targets FROM ticket_clock_targets WHERE id = 1", String.class)
            .getResultList();
    if (!always && filled == 0 && applied.equals(List.of(configured))) {
      return 0;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> open =
        em.createNativeQuery(
                "SELECT id, priority, status, created_at, first_response_at, resolved_at, due_at"
                    + " FROM ticket WHERE status NOT IN ('RESOLVED', 'CLOSED')",
                Object[].class)
            .getResultList();
    int moved = 0;
    var update = em.createNativeQuery("UPDATE ticket SET due_at = :due WHERE id = :id");
    for (Object[] r : open) {
      var due =
          targets
              .clock(
                  new TicketClock.Facts(
                      io.backupdesk.diagnostics.ticket.Priority.valueOf((String) r[1]),
                      TicketStatus.valueOf((String) r[2]),
                      instant(r[3]),
                      instant(r[4]),
                      instant(r[5]),
                      null,
                      null))
              .dueAt();
      if (!Objects.equals(due, instant(r[6]))) {
        update
            .setParameter("due", due == null ? null : OffsetDateTime.ofInstant(due, ZoneOffset.UTC))
            .setParameter("id", ((Number) r[0]).longValue())
            .executeUpdate();
        moved++;
      }
    }
    em.createNativeQuery(
            "INSERT INTO ticket_clock_targets (id, targets, applied_at) VALUES (1, :targets, now())"
                + " ON CONFLICT (id) DO UPDATE SET targets = EXCLUDED.targets,"
                + " applied_at = EXCLUDED.applied_at")
        .setParameter("targets", configured)
        .executeUpdate();
    if (filled + moved > 0) {
      LOG.infof(
          "Ticket clocks: %d open tickets got their first response and status time from their"
              + " timelines, %d due times moved to the configured targets",
          filled, moved);
    }
    return filled + moved;
  }

  /** The targets that decide due times, as stored beside the tickets brought to them. */
  static String describe(ServiceTargets targets) {
    return Arrays.stream(io.backupdesk.diagnostics.ticket.Priority.values())
        .map(p -> p.name() + " " + targets.of(p).firstResponse() + " " + targets.of(p).resolution())
        .collect(Collectors.joining("; "));
  }

  /** The timeline kinds that answer the customer, or those that can move a ticket's status. */
  private static String kinds(boolean answering) {
    return Arrays.stream(TimelineKind.values())
        .filter(
            k -> answering ? ServiceTargets.answersCustomer(k) : ServiceTargets.mayMoveStatus(k))
        .map(k -> "'" + k.name() + "'")
        .collect(Collectors.joining(", "));
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}
