package io.backupdesk.web.report;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.web.report.ReportRows.AgentFigures;
import io.backupdesk.web.report.ReportRows.EscalationWeek;
import io.backupdesk.web.report.ReportRows.FirstContactResolution;
import io.backupdesk.web.report.ReportRows.FunnelStep;
import io.backupdesk.web.report.ReportRows.RepeatContacts;
import io.backupdesk.web.report.ReportRows.ResolutionByFix;
import io.backupdesk.web.report.ReportRows.StepTime;
import io.backupdesk.web.report.ReportRows.TimeToResolution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The supervisors' figures, each computed by one SQL statement in PostgreSQL (aggregates and {@code
 * percentile_cont}; no rows are loaded into Java to be counted). Step titles and fix labels come
 * from the playbook.
 *
 * <p>Shared definitions: a <em>resolution</em> is a diagnosis in status RESOLVED, at the moment it
 * ended (the confirmed test backup). A ticket's <em>first resolution</em> is its resolved diagnosis
 * with the lowest attempt number; a <em>resolved ticket</em> is a ticket that has one (tickets set
 * to resolved by hand, without a diagnosis, are not counted: the timestamp of a ticket's status is
 * cleared when it is reopened, a diagnosis's end never changes). Weeks are ISO weeks in UTC.
 */
@ApplicationScoped
public class ReportService {

  /**
   * Resolved diagnoses that are their ticket's first resolution; alias {@code d}, ticket {@code t}.
   */
  private static final String FIRST_RESOLUTIONS =
      """
      diagnosis d
      JOIN ticket t ON t.id = d.ticket_id
      WHERE d.status = 'RESOLVED'
        AND NOT EXISTS (SELECT 1 FROM diagnosis e
                        WHERE e.ticket_id = d.ticket_id AND e.status = 'RESOLVED'
                          AND e.attempt < d.attempt)
        AND\s""";

  private final ReportingDatabase database;
  private final Playbooks playbooks;

  ReportService(ReportingDatabase database, Playbooks playbooks) {
    this.database = database;
    this.playbooks = playbooks;
  }

  /**
   * Report 1. Resolutions in the period (filtered on the diagnosis's {@code ended_at}), counted per
   * step and fix option: overall, per device model, per iOS major version and per ISO week of the
   * resolution. The share is relative to all resolutions of the same group.
   */
  public List<ResolutionByFix> resolutionsByFix(ReportFilter filter) {
    var sql = new Sql();
    filter.applyTo(sql, "d.ended_at", "d.started_by");
    var query =
        """
        WITH r AS (
          SELECT d.resolved_step_number AS step_number, d.resolved_step_key AS step_key,
                 d.resolved_fix_key AS fix_key, t.device_model, t.ios_major,
                 to_char(d.ended_at AT TIME ZONE 'UTC', 'IYYY-"W"IW') AS week
          FROM diagnosis d JOIN ticket t ON t.id = d.ticket_id
          WHERE d.status = 'RESOLVED' AND %s
        ), g AS (
          SELECT CASE WHEN GROUPING(device_model) = 0 THEN 'device_model'
                      WHEN GROUPING(ios_major) = 0 THEN 'ios_major'
                      WHEN GROUPING(week) = 0 THEN 'week' ELSE 'overall' END AS dimension,
                 CASE WHEN GROUPING(device_model) = 0 THEN device_model
                      WHEN GROUPING(ios_major) = 0 THEN ios_major::text
                      WHEN GROUPING(week) = 0 THEN week ELSE 'all' END AS group_value,
                 step_number, step_key, fix_key, count(*) AS resolutions
          FROM r
          GROUP BY GROUPING SETS ((step_number, step_key, fix_key),
                                  (device_model, step_number, step_key, fix_key),
                                  (ios_major, step_number, step_key, fix_key),
                                  (week, step_number, step_key, fix_key))
        )
        SELECT dimension, group_value, step_number, step_key, fix_key, resolutions,
               round(resolutions::numeric
                     / sum(resolutions) OVER (PARTITION BY dimension, group_value), 4) AS share
        FROM g
        ORDER BY CASE dimension WHEN 'overall' THEN 0 WHEN 'device_model' THEN 1
                                WHEN 'ios_major' THEN 2 ELSE 3 END,
                 CASE WHEN dimension = 'ios_major' THEN group_value::integer END,
                 group_value, resolutions DESC, step_number, fix_key
        """
            .formatted(sql.where());
    return database.query(
        query,
        sql,
        row -> {
          String stepKey = row.getString("step_key");
          String fixKey = row.getString("fix_key");
          return new ResolutionByFix(
              row.getString("dimension"),
              row.getString("group_value"),
              row.getInt("step_number"),
              stepKey,
              step(stepKey).map(PlaybookStep::title).orElse(stepKey),
              fixKey,
              step(stepKey).map(s -> s.fixLabel(fixKey)).orElse(fixKey),
              row.getLong("resolutions"),
              row.getBigDecimal("share"));
        });
  }

  /**
   * Report 2. The step funnel of the diagnoses started in the period ({@code started_at}), per
   * playbook version and step. Steps are walked in order, so a diagnosis has reached every step up
   * to the later of its last recorded step and the step it is at now. Abandoned, stalled: the
   * diagnosis's state now. Escalated and waiting on Apple: at the last step with a result (a
   * diagnosis escalated before recording any step appears in no row).
   */
  public List<FunnelStep> stepFunnel(ReportFilter filter) {
    var sql = new Sql();
    filter.applyTo(sql, "d.started_at", "d.started_by");
    int maxSteps = playbooks.all().stream().mapToInt(Playbook::size).max().orElse(0);
    var query =
        """
        WITH f AS MATERIALIZED (
          SELECT d.playbook_version, d.status, d.current_step, d.resolved_step_number,
                 (SELECT max(s.step_number) FROM step_result s WHERE s.diagnosis_id = d.id) AS last_step
          FROM diagnosis d JOIN ticket t ON t.id = d.ticket_id
          WHERE %s
        )
        SELECT f.playbook_version, n.step_number,
          count(*) FILTER (WHERE greatest(f.last_step, f.current_step) >= n.step_number) AS reached,
          count(*) FILTER (WHERE f.status = 'RESOLVED' AND f.resolved_step_number = n.step_number) AS resolved,
          count(*) FILTER (WHERE f.status = 'ABANDONED' AND f.current_step = n.step_number) AS abandoned,
          count(*) FILTER (WHERE f.status = 'ESCALATED' AND f.last_step = n.step_number) AS escalated,
          count(*) FILTER (WHERE f.status = 'WAITING_ON_APPLE' AND f.last_step = n.step_number) AS waiting,
          count(*) FILTER (WHERE f.status IN ('IN_PROGRESS', 'AWAITING_VERIFICATION')
                             AND f.current_step = n.step_number) AS stalled
        FROM f CROSS JOIN generate_series(1, %d) AS n(step_number)
        GROUP BY f.playbook_version, n.step_number
        ORDER BY f.playbook_version, n.step_number
        """
            .formatted(sql.where(), maxSteps);
    var rows =
        database.query(
            query,
            sql,
            row -> {
              int version = row.getInt("playbook_version");
              int number = row.getInt("step_number");
              var step =
                  playbooks
                      .version(version)
                      .filter(p -> number <= p.size())
                      .map(p -> p.stepNumber(number));
              return new FunnelStep(
                  version,
                  number,
                  step.map(PlaybookStep::key).orElse(null),
                  step.map(PlaybookStep::title).orElse(null),
                  row.getLong("reached"),
                  row.getLong("resolved"),
                  row.getLong("abandoned"),
                  row.getLong("escalated"),
                  row.getLong("waiting"),
                  row.getLong("stalled"));
            });
    // A version shorter than the longest one has no steps beyond its own.
    return rows.stream().filter(r -> r.stepKey() != null || r.reached() > 0).toList();
  }

  /**
   * Report 3. Diagnoses that ended in the period ({@code ended_at}), per ISO week of their end and
   * in total: how many ended, were resolved, escalated (by an agent or automatically after the last
   * step) or ended waiting on Apple because of an outage. Escalation rate = escalated / ended.
   */
  public List<EscalationWeek> escalations(ReportFilter filter) {
    var sql = new Sql();
    filter.applyTo(sql, "d.ended_at", "d.started_by");
    var query =
        """
        WITH e AS (
          SELECT to_char(d.ended_at AT TIME ZONE 'UTC', 'IYYY-"W"IW') AS week, d.status
          FROM diagnosis d JOIN ticket t ON t.id = d.ticket_id
          WHERE d.ended_at IS NOT NULL AND %s
        )
        SELECT CASE WHEN GROUPING(week) = 1 THEN 'total' ELSE week END AS week,
               count(*) AS ended,
               count(*) FILTER (WHERE status = 'RESOLVED') AS resolved,
               count(*) FILTER (WHERE status = 'ESCALATED') AS escalated,
               count(*) FILTER (WHERE status = 'WAITING_ON_APPLE') AS waiting,
               round(count(*) FILTER (WHERE status = 'ESCALATED')::numeric
                     / nullif(count(*), 0), 4) AS escalation_rate
        FROM e
        GROUP BY GROUPING SETS ((week), ())
        ORDER BY GROUPING(week), week
        """
            .formatted(sql.where());
    return database.query(
        query,
        sql,
        row ->
            new EscalationWeek(
                row.getString("week"),
                row.getLong("ended"),
                row.getLong("resolved"),
                row.getLong("escalated"),
                row.getLong("waiting"),
                row.getBigDecimal("escalation_rate")));
  }

  /**
   * Report 4a. Time from a ticket's creation to its first resolution, over the tickets whose first
   * resolution ended in the period: median and 90th percentile (continuous, interpolated).
   */
  public TimeToResolution timeToResolution(ReportFilter filter) {
    var sql = new Sql();
    filter.applyTo(sql, "d.ended_at", "d.started_by");
    var query =
        """
        WITH r AS (
          SELECT extract(epoch FROM d.ended_at - t.created_at)::double precision AS seconds
          FROM %s%s
        )
        SELECT count(*) AS resolved,
               round(percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds)::numeric, 1) AS median,
               round(percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds)::numeric, 1) AS p90
        FROM r
        """
            .formatted(FIRST_RESOLUTIONS, sql.where());
    return database
        .query(
            query,
            sql,
            row ->
                new TimeToResolution(
                    row.getLong("resolved"), row.getBigDecimal("median"), row.getBigDecimal("p90")))
        .get(0);
  }

  /**
   * Report 4b. Time spent per step: for step results whose step started in the period ({@code
   * step_result.started_at}), the median and 90th percentile of ended_at - started_at. A step's
   * clock restarts when a paused diagnosis is resumed; a fix's test backup is not included. The
   * agent filter here is the agent who recorded the step.
   */
  public List<StepTime> stepTimes(ReportFilter filter) {
    var sql = new Sql();
    filter.applyTo(sql, "s.started_at", "s.recorded_by");
    var query =
        """
        SELECT s.step_number, s.step_key, count(*) AS results,
               round(percentile_cont(0.5) WITHIN GROUP (ORDER BY
                 extract(epoch FROM s.ended_at - s.started_at)::double precision)::numeric, 1) AS median,
               round(percentile_cont(0.9) WITHIN GROUP (ORDER BY
                 extract(epoch FROM s.ended_at - s.started_at)::double precision)::numeric, 1) AS p90
        FROM step_result s
        JOIN diagnosis d ON d.id = s.diagnosis_id
        JOIN ticket t ON t.id = d.ticket_id
        WHERE %s
        GROUP BY s.step_number, s.step_key
        ORDER BY s.step_number, s.step_key
        """
            .formatted(sql.where());
    return database.query(
        query,
        sql,
        row -> {
          String key = row.getString("step_key");
          return new StepTime(
              row.getInt("step_number"),
              key,
              step(key).map(PlaybookStep::title).orElse(key),
              row.getLong("results"),
              row.getBigDecimal("median"),
              row.getBigDecimal("p90"));
        });
  }

  /**
   * Report 5. First-contact resolution: of the tickets first resolved in the period, the share
   * whose resolving diagnosis was the ticket's first (attempt 1).
   */
  public FirstContactResolution firstContactResolution(ReportFilter filter) {
    var sql = new Sql();
    filter.applyTo(sql, "d.ended_at", "d.started_by");
    var query =
        """
        SELECT count(*) AS resolved,
               count(*) FILTER (WHERE d.attempt = 1) AS first_contact,
               round(count(*) FILTER (WHERE d.attempt = 1)::numeric / nullif(count(*), 0), 4) AS rate
        FROM %s%s
        """
            .formatted(FIRST_RESOLUTIONS, sql.where());
    return database
        .query(
            query,
            sql,
            row ->
                new FirstContactResolution(
                    row.getLong("resolved"),
                    row.getLong("first_contact"),
                    row.getBigDecimal("rate")))
        .get(0);
  }

  /**
   * Report 6. Per agent, over the diagnoses the agent started in the period ({@code started_at}):
   * distinct tickets handled, those resolved by one of these diagnoses, the resolution rate, and
   * the mean number of step results a resolved diagnosis needed.
   */
  public List<AgentFigures> agents(ReportFilter filter) {
    var sql = new Sql();
    filter.applyTo(sql, "d.started_at", "d.started_by");
    var query =
        """
        WITH w AS (
          SELECT d.ticket_id, d.started_by, d.status,
                 CASE WHEN d.status = 'RESOLVED'
                      THEN (SELECT count(*) FROM step_result s WHERE s.diagnosis_id = d.id) END AS steps
          FROM diagnosis d JOIN ticket t ON t.id = d.ticket_id
          WHERE %s
        )
        SELECT w.started_by AS agent, a.display_name,
               count(DISTINCT w.ticket_id) AS handled,
               count(*) AS diagnoses,
               count(DISTINCT w.ticket_id) FILTER (WHERE w.status = 'RESOLVED') AS resolved,
               round(count(DISTINCT w.ticket_id) FILTER (WHERE w.status = 'RESOLVED')::numeric
                     / count(DISTINCT w.ticket_id), 4) AS rate,
               round(avg(w.steps), 2) AS mean_steps
        FROM w LEFT JOIN agent a ON a.username = w.started_by
        GROUP BY w.started_by, a.display_name
        ORDER BY w.started_by
        """
            .formatted(sql.where());
    return database.query(
        query,
        sql,
        row ->
            new AgentFigures(
                row.getString("agent"),
                row.getString("display_name"),
                row.getLong("handled"),
                row.getLong("diagnoses"),
                row.getLong("resolved"),
                row.getBigDecimal("rate"),
                row.getBigDecimal("mean_steps")));
  }

  /**
   * Report 7. Of the tickets first resolved in the period, those whose customer opened another
   * ticket after the resolution and at most 30 days later (the new ticket may fall after the
   * period; for resolutions in the last 30 days the window is not over yet).
   */
  public RepeatContacts repeatContacts(ReportFilter filter) {
    var sql = new Sql();
    filter.applyTo(sql, "d.ended_at", "d.started_by");
    var query =
        """
        WITH r AS (
          SELECT t.customer_id,
                 EXISTS (SELECT 1 FROM ticket n
                         WHERE n.customer_id = t.customer_id AND n.id <> t.id
                           AND n.created_at > d.ended_at
                           AND n.created_at <= d.ended_at + interval '30 days') AS back
          FROM %s%s
        )
        SELECT count(*) AS resolved,
               count(*) FILTER (WHERE back) AS repeated,
               round(count(*) FILTER (WHERE back)::numeric / nullif(count(*), 0), 4) AS rate,
               count(DISTINCT customer_id) AS customers,
               count(DISTINCT customer_id) FILTER (WHERE back) AS customers_back
        FROM r
        """
            .formatted(FIRST_RESOLUTIONS, sql.where());
    return database
        .query(
            query,
            sql,
            row ->
                new RepeatContacts(
                    row.getLong("resolved"),
                    row.getLong("repeated"),
                    row.getBigDecimal("rate"),
                    row.getLong("customers"),
                    row.getLong("customers_back")))
        .get(0);
  }

  /** The step with this key in the newest playbook version that has it. */
  private Optional<PlaybookStep> step(String key) {
    var all = playbooks.all();
    for (int i = all.size() - 1; i >= 0; i--) {
      var step = all.get(i).step(key);
      if (step.isPresent()) {
        return step;
      }
    }
    return Optional.empty();
  }
}
