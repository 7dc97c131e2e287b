package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.ServiceTargets;
import io.backupdesk.diagnostics.ticket.TicketClock;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the queue. Keyset pagination on (sort time, id) keeps a deep page as fast as the first: the
 * database walks one index from the cursor instead of counting past skipped rows.
 *
 * <p>The one native query of the app, on purpose: it needs PostgreSQL's row comparison {@code
 * (updated_at, id) < (?, ?)} (which walks the queue indexes), a {@code LATERAL} join to the newest
 * diagnosis and full-text matching ({@code @@ to_tsquery}), none of which JPQL can say; the
 * benchmarks in {@code bench/} measure it. Only fixed fragments are joined into its text, every
 * value is a bound parameter.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TicketQueue {

  private static final Pattern TICKET_NUMBER = Pattern.compile("#?(\\d{1,18})");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final EntityManager em;
  private final Playbooks playbooks;
  private final ServiceTargets targets;
  private final Clock clock;

  TicketQueue(EntityManager em, Playbooks playbooks, ServiceTargets targets, Clock clock) {
    this.em = em;
    this.playbooks = playbooks;
    this.targets = targets;
    this.clock = clock;
  }

  /** One page, {@code currentAgent} being whom "mine" means, with the counts per status. */
  public QueuePage page(QueueQuery query, String currentAgent) {
    var where = new ArrayList<String>();
    var params = new HashMap<String, Object>();
    if (query.status() != null) {
      where.add("t.status = :status");
      params.put("status", query.status().name());
    }
    if (query.priority() != null) {
      where.add("t.priority = :priority");
      params.put("priority", query.priority().name());
    }
    if (query.assignee() != null) {
      var assignee = query.assignee();
      switch (assignee.kind()) {
        case UNASSIGNED -> where.add("t.assignee IS NULL");
        case MINE, AGENT -> {
          where.add("t.assignee = :assignee");
          params.put(
              "assignee",
              assignee.kind() == AssigneeFilter.Kind.MINE ? currentAgent : assignee.username());
        }
      }
    }
    if (query.text() != null) {
      where.add(textCondition(query.text(), params));
    }
    var sort = query.sort();
    if (sort == QueueQuery.Sort.DUE_ASC) {
      where.add("t.due_at IS NOT NULL");
    }
    if (query.after() != null) {
      var cursor = QueueQuery.Cursor.decode(query.after());
      where.add(
          "(t."
              + sort.column
              + ", t.id) "
              + (sort.ascending ? ">" : "<")
              + " (:cursorAt, :cursorId)");
      params.put("cursorAt", OffsetDateTime.ofInstant(cursor.at(), java.time.ZoneOffset.UTC));
      params.put("cursorId", cursor.id());
    }
    var direction = sort.ascending ? "ASC" : "DESC";
    var sql =
        """
        SELECT t.id, t.version, t.subject, c.name, c.email, t.device_model, t.ios_version,
               t.status, t.priority, t.assignee, t.created_at, t.updated_at,
               d.status AS diagnosis_status,
               (SELECT count(DISTINCT sr.step_key) FROM step_result sr WHERE sr.diagnosis_id = d.id)
                 AS steps_done,
               d.current_step,
               t.due_at, t.first_response_at, t.resolved_at, t.status_since, t.follow_up_at,
               t.customer_id
        FROM ticket t
        JOIN customer c ON c.id = t.customer_id
        LEFT JOIN LATERAL (
            SELECT d.id, d.status, d.current_step FROM diagnosis d
            WHERE d.ticket_id = t.id ORDER BY d.attempt DESC LIMIT 1) d ON true
        """
            + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where) + "\n")
            + "ORDER BY t."
            + sort.column
            + " "
            + direction
            + ", t.id "
            + direction
            + "\nLIMIT :limit";
    var q = em.createNativeQuery(sql, Object[].class);
    params.forEach(q::setParameter);
    q.setParameter("limit", query.limit() + 1);
    @SuppressWarnings("unchecked")
    List<Object[]> raw = q.getResultList();
    int steps = playbooks.current().size();
    Instant now = clock.instant();
    var rows = new ArrayList<QueuePage.Item>();
    for (int i = 0; i < Math.min(raw.size(), query.limit()); i++) {
      rows.add(toItem(raw.get(i), steps, now));
    }
    String next = null;
    if (raw.size() > query.limit()) {
      var last = rows.get(rows.size() - 1);
      var at =
          switch (sort.column) {
            case "created_at" -> last.createdAt();
            case "due_at" -> last.dueAt();
            default -> last.updatedAt();
          };
      next = new QueueQuery.Cursor(at, last.id()).encode();
    }
    return new QueuePage(rows, next, countsByStatus());
  }

  /**
   * Tickets per status over the whole queue, for the filter tabs: read from counters that triggers
   * keep exact (V4 migration), not counted on every page.
   */
  public Map<TicketStatus, Long> countsByStatus() {
    var counts = new EnumMap<TicketStatus, Long>(TicketStatus.class);
    for (var s : TicketStatus.values()) {
      counts.put(s, 0L);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> raw =
        em.createNativeQuery("SELECT status, tickets FROM ticket_status_count", Object[].class)
            .getResultList();
    for (Object[] r : raw) {
      counts.put(TicketStatus.valueOf((String) r[0]), ((Number) r[1]).longValue());
    }
    return counts;
  }

  /**
   * A number finds that ticket; an e-mail address finds its customer's tickets; words find subjects
   * and customer names starting with them, and the text as a whole finds device models it starts at
   * a word boundary ("iPhone 8" finds "iPhone 8" and "iPhone 8 Plus", not "iPhone 15").
   */
  private static String textCondition(String text, Map<String, Object> params) {
    var number = TICKET_NUMBER.matcher(text);
    if (number.matches()) {
      params.put("ticketNumber", Long.parseLong(number.group(1)));
      return "t.id = :ticketNumber";
    }
    if (text.contains("@")) {
      params.put("email", text.toLowerCase(java.util.Locale.ROOT));
      return "t.customer_id IN (SELECT id FROM customer WHERE lower(email) = :email)";
    }
    var words =
        WORD.matcher(text.toLowerCase(java.util.Locale.ROOT))
            .results()
            .map(m -> m.group() + ":*")
            .toList();
    if (words.isEmpty()) {
      return "false";
    }
    params.put("tsquery", String.join(" & ", words));
    var model = String.join(" ", text.toLowerCase(java.util.Locale.ROOT).split("\\s+"));
    params.put("model", model);
    params.put(
        "modelPrefix", model.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %");
    return "(t.search @@ to_tsquery('simple', :tsquery)"
        + " OR t.customer_id IN (SELECT id FROM customer WHERE search @@ to_tsquery('simple', :tsquery))"
        + " OR lower(t.device_model) = :model OR lower(t.device_model) LIKE :modelPrefix)";
  }

  private QueuePage.Item toItem(Object[] r, int steps, Instant now) {
    var priority = Priority.valueOf((String) r[8]);
    var status = TicketStatus.valueOf((String) r[7]);
    var createdAt = instant(r[10]);
    // The stored due time is what the queue sorts by; the flags come from the core's clock.
    var ticketClock =
        targets.clock(
            new TicketClock.Facts(
                priority,
                status,
                createdAt,
                instant(r[16]),
                instant(r[17]),
                instant(r[18]),
                instant(r[19])));
    return new QueuePage.Item(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).intValue(),
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        (String) r[6],
        status,
        priority,
        (String) r[9],
        createdAt,
        instant(r[11]),
        r[12] == null
            ? null
            : new QueuePage.Progress(
                DiagnosisStatus.valueOf((String) r[12]),
                ((Number) r[13]).intValue(),
                r[14] == null ? null : ((Number) r[14]).intValue(),
                steps),
        instant(r[15]),
        ticketClock.stage(),
        ticketClock.overdue(now),
        instant(r[18]),
        status == TicketStatus.WAITING_ON_CUSTOMER ? instant(r[19]) : null,
        ticketClock.followUpDue(now) || ticketClock.waitingTooLong(now),
        ((Number) r[20]).longValue());
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
