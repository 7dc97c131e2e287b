package io.backupdesk.web.report;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.ServiceTargets;
import io.backupdesk.diagnostics.ticket.TimelineKind;
import io.backupdesk.web.common.Sql;
import io.backupdesk.web.report.ReportRows.TargetsMetWeek;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The share of tickets that met their time targets, by ISO week of opening ({@link
 * ReportKind#TARGETS_MET}). Read straight from the ticket table, not from the summaries: it needs
 * one row per ticket opened in the period, found through the index on {@code created_at}, and the
 * targets are configuration that may change, so figures kept in advance would go stale.
 *
 * <p>The verdicts are the core's {@code TicketClock} rules written as SQL, with the configured
 * targets bound as values ({@code TargetsReportTest} checks the two agree). A target still running
 * counts in neither column; a ticket closed without being resolved missed its resolution target.
 */
@ApplicationScoped
class TargetsReport {

  private final ReportingDatabase database;
  private final ServiceTargets targets;
  private final Clock clock;

  TargetsReport(ReportingDatabase database, ServiceTargets targets, Clock clock) {
    this.database = database;
    this.targets = targets;
    this.clock = clock;
  }

  List<TargetsMetWeek> byWeek(ReportFilter filter) {
    var sql = new Sql();
    var now = clock.instant();
    String answering =
        Arrays.stream(TimelineKind.values())
            .filter(ServiceTargets::answersCustomer)
            .map(k -> "'" + k.name() + "'")
            .collect(Collectors.joining(", "));
    sql.append("WITH t AS (SELECT t.created_at, t.resolved_at, t.status,")
        .append(" coalesce(t.first_response_at, (SELECT min(e.at) FROM ticket_event e")
        .append(" WHERE e.ticket_id = t.id AND e.kind IN (" + answering + "))) AS fr_at,")
        .append(" t.created_at + make_interval(secs => " + seconds(sql, true) + ") AS fr_due,")
        .append(" t.created_at + make_interval(secs => " + seconds(sql, false) + ") AS res_due")
        .append(" FROM ticket t WHERE ");
    filter.applyTo(sql, "t.created_at", "t.assignee");
    sql.append(sql.where()).append(")");
    String nowAt = sql.bind(now);
    String nowAt2 = sql.bind(now);
    sql.append(" SELECT (date_trunc('week', created_at AT TIME ZONE 'UTC'))::date AS monday,")
        .append(" count(*) AS opened,")
        .append(
            " count(*) FILTER (WHERE fr_at IS NOT NULL OR " + nowAt + " > fr_due) AS fr_decided,")
        .append(" count(*) FILTER (WHERE fr_at <= fr_due) AS fr_met,")
        .append(" count(*) FILTER (WHERE resolved_at IS NOT NULL OR status = 'CLOSED' OR ")
        .append(nowAt2 + " > res_due) AS res_decided,")
        .append(" count(*) FILTER (WHERE resolved_at <= res_due) AS res_met")
        .append(" FROM t GROUP BY 1 ORDER BY 1");
    var rows = new ArrayList<TargetsMetWeek>();
    long[] total = new long[5];
    for (long[] week :
        database.query(
            sql,
            r ->
                new long[] {
                  r.getObject(1, LocalDate.class).toEpochDay(),
                  r.getLong(2),
                  r.getLong(3),
                  r.getLong(4),
                  r.getLong(5),
                  r.getLong(6)
                })) {
      rows.add(row(ReportWeek.label(LocalDate.ofEpochDay(week[0])), week, 1));
      for (int i = 0; i < 5; i++) {
        total[i] += week[i + 1];
      }
    }
    rows.add(row("total", total, 0));
    return rows;
  }

  private static TargetsMetWeek row(String week, long[] f, int o) {
    return new TargetsMetWeek(
        week,
        f[o],
        f[o + 1],
        f[o + 2],
        ReportService.ratio(f[o + 2], f[o + 1], 4),
        f[o + 3],
        f[o + 4],
        ReportService.ratio(f[o + 4], f[o + 3], 4));
  }

  /** The priority's target in seconds, as a CASE over {@code t.priority} with bound values. */
  private String seconds(Sql sql, boolean firstResponse) {
    var text = new StringBuilder("CASE t.priority");
    for (Priority p : Priority.values()) {
      var target = targets.of(p);
      var d = firstResponse ? target.firstResponse() : target.resolution();
      text.append(" WHEN '")
          .append(p.name())
          .append("' THEN ")
          .append(sql.bind((double) d.toSeconds()));
    }
    return text.append(" END").toString();
  }
}
