package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.ServiceTargets;
import io.backupdesk.diagnostics.ticket.TicketClock;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Reads the queue. Keyset pagination on (sort time, id) keeps a deep page as fast as the first: the
 * database walks one index from the cursor instead of counting past skipped rows.
 *
 * <p>SQL on purpose: it needs PostgreSQL's row comparison {@code (updated_at, id) < (?, ?)} (which
 * walks the queue indexes), a {@code LATERAL} join to the newest diagnosis and full-text matching
 * ({@code @@ to_tsquery}), none of which JPQL can say; the benchmarks in {@code bench/} measure it.
 * Only fixed fragments are joined into its text, every value is a bound parameter.
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
    var sql = new Sql();
    if (query.status() != null) {
      sql.and("t.status = ?", query.status().name());
    }
    if (query.priority() != null) {
      sql.and("t.priority = ?", query.priority().name());
    }
    if (query.assignee() != null) {
      var assignee = query.assignee();
      switch (assignee.kind()) {
        case UNASSIGNED -> sql.and("t.assignee IS NULL");
        case MINE -> sql.and("t.assignee = ?", currentAgent);
        case AGENT -> sql.and("t.assignee = ?", assignee.username());
      }
    }
    if (query.text() != null) {
      textCondition(query.text(), sql);
    }
    var sort = query.sort();
    if (sort == QueueQuery.Sort.DUE_ASC) {
      sql.and("t.due_at IS NOT NULL");
    }
    if (query.after() != null) {
      var cursor = QueueQuery.Cursor.decode(query.after());
      sql.and(
          "(t." + sort.column + ", t.id) " + (sort.ascending ? ">" : "<") + " (?, ?)",
          cursor.at(),
          cursor.id());
    }
    var direction = sort.ascending ? "ASC" : "DESC";
    sql.append(
            """
            SELECT t.id, t.version, t.subject, c.name, c.email, t.device_model, t.ios_version,
                   t.status, t.priority, t.assignee, t.created_at, t.updated_at,
                   d.status AS diagnosis_status,
                   (SELECT count(DISTINCT sr.step_key) FROM step_result sr WHERE sr.diagnosis_id = d.id)
                     AS steps_done,
                   d.current_step,
                   t.due_at, t.first_response_at, t.resolved_at, t.status_since, t.follow_up_at,
                   t.customer_id, a.display_name
            FROM ticket t
            JOIN customer c ON c.id = t.customer_id
            LEFT JOIN agent a ON a.username = t.assignee
            LEFT JOIN LATERAL (
                SELECT d.id, d.status, d.current_step FROM diagnosis d
                WHERE d.ticket_id = t.id ORDER BY d.attempt DESC LIMIT 1) d ON true
            WHERE\s""")
        .append(sql.where())
        .append("\nORDER BY t." + sort.column + " " + direction + ", t.id " + direction)
        .append("\nLIMIT " + sql.bind(query.limit() + 1));
    int steps = playbooks.current().size();
    Instant now = clock.instant();
    // Plain JDBC on the ORM's connection: the queue is the busiest read of the desk, and mapping
    // its rows through the ORM's native-query machinery cost more than running them
    // (bench/RESULTS.md, "Hot paths").
    return session()
        .doReturningWork(
            connection -> {
              var rows = new ArrayList<QueuePage.Item>();
              boolean more = false;
              try (var statement = connection.prepareStatement(sql.text())) {
                sql.bind(statement);
                try (ResultSet r = statement.executeQuery()) {
                  while (r.next()) {
                    if (rows.size() == query.limit()) {
                      more = true;
                      break;
                    }
                    rows.add(toItem(r, steps, now));
                  }
                }
              }
              String next = null;
              if (more) {
                var last = rows.get(rows.size() - 1);
                var at =
                    switch (sort.column) {
                      case "created_at" -> last.createdAt();
                      case "due_at" -> last.dueAt();
                      default -> last.updatedAt();
                    };
                next = new QueueQuery.Cursor(at, last.id()).encode();
              }
              return new QueuePage(rows, next, countsByStatus(connection));
            });
  }

  /**
   * Tickets per status over the whole queue, for the filter tabs: read from counters that triggers
   * keep exact (V4 migration), not counted on every page.
   */
  public Map<TicketStatus, Long> countsByStatus() {
    return session().doReturningWork(TicketQueue::countsByStatus);
  }

  private static Map<TicketStatus, Long> countsByStatus(Connection connection) throws SQLException {
    var counts = new EnumMap<TicketStatus, Long>(TicketStatus.class);
    for (var s : TicketStatus.values()) {
      counts.put(s, 0L);
    }
    try (var statement =
            connection.prepareStatement("SELECT status, tickets FROM ticket_status_count");
        ResultSet r = statement.executeQuery()) {
      while (r.next()) {
        counts.put(TicketStatus.valueOf(r.getString(1)), r.getLong(2));
      }
    }
    return counts;
  }

  private Session session() {
    return em.unwrap(Session.class);
  }

  /**
   * A number finds that ticket; an e-mail address finds its customer's tickets; words find subjects
   * and customer names starting with them, and the text as a whole finds device models it starts at
   * a word boundary ("iPhone 8" finds "iPhone 8" and "iPhone 8 Plus", not "iPhone 15").
   */
  private static void textCondition(String text, Sql sql) {
    var number = TICKET_NUMBER.matcher(text);
    if (number.matches()) {
      sql.and("t.id = ?", Long.parseLong(number.group(1)));
      return;
    }
    if (text.contains("@")) {
      sql.and(
          "t.customer_id IN (SELECT id FROM customer WHERE lower(email) = ?)",
          text.toLowerCase(java.util.Locale.ROOT));
      return;
    }
    var words =
        WORD.matcher(text.toLowerCase(java.util.Locale.ROOT))
            .results()
            .map(m -> m.group() + ":*")
            .toList();
    if (words.isEmpty()) {
      sql.and("false");
      return;
    }
    String tsquery = String.join(" & ", words);
    var model = String.join(" ", text.toLowerCase(java.util.Locale.ROOT).split("\\s+"));
    String modelPrefix = model.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %";
    sql.and(
        "(t.search @@ to_tsquery('simple', ?)"
            + " OR t.customer_id IN (SELECT id FROM customer WHERE search @@ to_tsquery('simple', ?))"
            + " OR lower(t.device_model) = ? OR lower(t.device_model) LIKE ?)",
        tsquery,
        tsquery,
        model,
        modelPrefix);
  }

  private QueuePage.Item toItem(ResultSet r, int steps, Instant now) throws SQLException {
    var priority = Priority.valueOf(r.getString(9));
    var status = TicketStatus.valueOf(r.getString(8));
    var createdAt = instant(r, 11);
    Instant followUpAt = instant(r, 20);
    Instant statusSince = instant(r, 19);
    // The stored due time is what the queue sorts by; the flags come from the core's clock.
    var ticketClock =
        targets.clock(
            new TicketClock.Facts(
                priority,
                status,
                createdAt,
                instant(r, 17),
                instant(r, 18),
                statusSince,
                followUpAt));
    String diagnosisStatus = r.getString(13);
    int stepsDone = r.getInt(14);
    int currentStep = r.getInt(15);
    boolean atNoStep = r.wasNull();
    return new QueuePage.Item(
        r.getLong(1),
        r.getInt(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        r.getString(7),
        status,
        priority,
        r.getString(10),
        r.getString(22),
        createdAt,
        instant(r, 12),
        diagnosisStatus == null
            ? null
            : new QueuePage.Progress(
                DiagnosisStatus.valueOf(diagnosisStatus),
                stepsDone,
                atNoStep ? null : currentStep,
                steps),
        instant(r, 16),
        ticketClock.stage(),
        ticketClock.overdue(now),
        statusSince,
        status == TicketStatus.WAITING_ON_CUSTOMER ? followUpAt : null,
        ticketClock.followUpDue(now) || ticketClock.waitingTooLong(now),
        r.getLong(21));
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    var at = r.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
