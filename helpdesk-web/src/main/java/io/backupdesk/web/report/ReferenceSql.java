package io.backupdesk.web.report;

import io.backupdesk.web.common.Sql;

/**
 * Each report as one statement over the base tables (tickets, diagnoses, step results): the
 * definitions the summaries must reproduce. The reports do not run these; the exactness test
 * compares the summaries with them, and {@code bench/reports.sh} times them as the baseline ({@link
 * ReportSql} prints them). Step titles and fix labels are left out (the service takes them from the
 * playbook); percentiles are exact ({@code percentile_cont}), rounded to 0.1 s.
 */
final class ReferenceSql {

  private ReferenceSql() {}

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

  static Sql resolutionsByFix(ReportFilter filter, int fcrReturnDays) {
    var sql = new Sql();
    filter.applyTo(sql, "d.ended_at", "d.started_by");
    return sql.append(
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
        SELECT dimension, group_value AS "group", step_number, step_key, fix_key, resolutions,
               round(resolutions::numeric
                     / sum(resolutions) OVER (PARTITION BY dimension, group_value), 4) AS share
        FROM g
        ORDER BY CASE dimension WHEN 'overall' THEN 0 WHEN 'device_model' THEN 1
                                WHEN 'ios_major' THEN 2 ELSE 3 END,
                 CASE WHEN dimension = 'ios_major' THEN group_value::integer END,
                 group_value, resolutions DESC, step_number, fix_key
        """
            .formatted(sql.where()));
  }

  static Sql stepFunnel(ReportFilter filter, int fcrReturnDays) {
    var sql = new Sql();
    filter.applyTo(sql, "d.started_at", "d.started_by");
    return sql.append(
        """
        WITH f AS MATERIALIZED (
          SELECT d.playbook_version, d.status, d.current_step, d.resolved_step_number,
                 ARRAY(SELECT s.step_number FROM step_result s WHERE s.diagnosis_id = d.id) AS walked,
                 (SELECT s.step_number FROM step_result s WHERE s.diagnosis_id = d.id
                  ORDER BY s.position DESC NULLS LAST, s.step_number DESC LIMIT 1) AS last_step
          FROM diagnosis d JOIN ticket t ON t.id = d.ticket_id
          WHERE %s
        )
        SELECT f.playbook_version, n.step_number,
          count(*) FILTER (WHERE n.step_number = ANY (f.walked)
                             OR f.current_step = n.step_number) AS reached,
          count(*) FILTER (WHERE f.status = 'RESOLVED' AND f.resolved_step_number = n.step_number) AS resolved,
          count(*) FILTER (WHERE f.status = 'ABANDONED' AND f.current_step = n.step_number) AS abandoned,
          count(*) FILTER (WHERE f.status = 'ESCALATED' AND f.last_step = n.step_number) AS escalated,
          count(*) FILTER (WHERE f.status = 'WAITING_ON_APPLE' AND f.last_step = n.step_number) AS waiting_on_apple,
          count(*) FILTER (WHERE f.status IN ('IN_PROGRESS', 'AWAITING_VERIFICATION')
                             AND f.current_step = n.step_number) AS stalled
        FROM f CROSS JOIN generate_series(1, 9) AS n(step_number)
        GROUP BY f.playbook_version, n.step_number
        ORDER BY f.playbook_version, n.step_number
        """
            .formatted(sql.where()));
  }

  static Sql escalations(ReportFilter filter, int fcrReturnDays) {
    var sql = new Sql();
    filter.applyTo(sql, "d.ended_at", "d.started_by");
    return sql.append(
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
               count(*) FILTER (WHERE status = 'WAITING_ON_APPLE') AS waiting_on_apple,
               round(count(*) FILTER (WHERE status = 'ESCALATED')::numeric
                     / nullif(count(*), 0), 4) AS escalation_rate
        FROM e
        GROUP BY GROUPING SETS ((week), ())
        ORDER BY GROUPING(week), week
        """
            .formatted(sql.where()));
  }

  static Sql timeToResolution(ReportFilter filter, int fcrReturnDays) {
    var sql = new Sql();
    filter.applyTo(sql, "d.ended_at", "d.started_by");
    return sql.append(
        """
        WITH r AS (
          SELECT extract(epoch FROM d.ended_at - t.created_at)::double precision AS seconds
          FROM %s%s
        )
        SELECT count(*) AS resolved_tickets,
               round(percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds)::numeric, 1) AS median_seconds,
               round(percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds)::numeric, 1) AS p90_seconds
        FROM r
        """
            .formatted(FIRST_RESOLUTIONS, sql.where()));
  }

  static Sql stepTimes(ReportFilter filter, int fcrReturnDays) {
    var sql = new Sql();
    filter.applyTo(sql, "s.started_at", "s.recorded_by");
    return sql.append(
        """
        SELECT s.step_number, s.step_key, count(*) AS results,
               round(percentile_cont(0.5) WITHIN GROUP (ORDER BY s.seconds)::numeric, 1) AS median_seconds,
               round(percentile_cont(0.9) WITHIN GROUP (ORDER BY s.seconds)::numeric, 1) AS p90_seconds
        FROM (
          -- A step counts once, whatever number of fixes were tried at it: the time of all its
          -- attempts, the start and the agent of its first.
          SELECT x.diagnosis_id, x.step_number, x.step_key,
                 (array_agg(x.recorded_by ORDER BY x.attempt, x.id))[1] AS recorded_by,
                 min(x.started_at) AS started_at,
                 sum(extract(epoch FROM x.ended_at - x.started_at))::double precision AS seconds
          FROM step_result x
          GROUP BY x.diagnosis_id, x.step_number, x.step_key) s
        JOIN diagnosis d ON d.id = s.diagnosis_id
        JOIN ticket t ON t.id = d.ticket_id
        WHERE %s
        GROUP BY s.step_number, s.step_key
        ORDER BY s.step_number, s.step_key
        """
            .formatted(sql.where()));
  }

  static Sql firstContactResolution(ReportFilter filter, int fcrReturnDays) {
    var sql = new Sql();
    filter.applyTo(sql, "d.ended_at", "d.started_by");
    return sql.append(
        """
        WITH r AS (
          SELECT d.attempt,
                 EXISTS (SELECT 1 FROM ticket n
                         WHERE n.customer_id = t.customer_id AND n.id <> t.id
                           AND n.created_at > d.ended_at
                           AND n.created_at <= d.ended_at + %d * interval '24 hours') AS back
          FROM %s%s
        )
        SELECT count(*) AS resolved_tickets,
               count(*) FILTER (WHERE attempt = 1 AND NOT back) AS first_contact_resolutions,
               round(count(*) FILTER (WHERE attempt = 1 AND NOT back)::numeric
                     / nullif(count(*), 0), 4) AS rate
        FROM r
        """
            .formatted(fcrReturnDays, FIRST_RESOLUTIONS, sql.where()));
  }

  static Sql agents(ReportFilter filter, int fcrReturnDays) {
    var sql = new Sql();
    filter.applyTo(sql, "d.started_at", "d.started_by");
    return sql.append(
        """
        WITH w AS (
          SELECT d.ticket_id, d.started_by, d.status,
                 CASE WHEN d.status = 'RESOLVED'
                      THEN (SELECT count(DISTINCT s.step_key) FROM step_result s WHERE s.diagnosis_id = d.id) END AS steps
          FROM diagnosis d JOIN ticket t ON t.id = d.ticket_id
          WHERE %s
        )
        SELECT w.started_by AS agent, a.display_name,
               count(DISTINCT w.ticket_id) AS tickets_handled,
               count(*) AS diagnoses,
               count(DISTINCT w.ticket_id) FILTER (WHERE w.status = 'RESOLVED') AS tickets_resolved,
               round(count(DISTINCT w.ticket_id) FILTER (WHERE w.status = 'RESOLVED')::numeric
                     / count(DISTINCT w.ticket_id), 4) AS resolution_rate,
               round(avg(w.steps), 2) AS mean_steps_to_resolution
        FROM w LEFT JOIN agent a ON a.username = w.started_by
        GROUP BY w.started_by, a.display_name
        ORDER BY w.started_by
        """
            .formatted(sql.where()));
  }

  static Sql repeatContacts(ReportFilter filter, int fcrReturnDays) {
    var sql = new Sql();
    filter.applyTo(sql, "d.ended_at", "d.started_by");
    return sql.append(
        """
        WITH r AS (
          SELECT t.customer_id,
                 EXISTS (SELECT 1 FROM ticket n
                         WHERE n.customer_id = t.customer_id AND n.id <> t.id
                           AND n.created_at > d.ended_at
                           AND n.created_at <= d.ended_at + 30 * interval '24 hours') AS back
          FROM %s%s
        )
        SELECT count(*) AS resolved_tickets,
               count(*) FILTER (WHERE back) AS followed_by_new_ticket,
               round(count(*) FILTER (WHERE back)::numeric / nullif(count(*), 0), 4) AS repeat_rate,
               count(DISTINCT customer_id) AS customers,
               count(DISTINCT customer_id) FILTER (WHERE back) AS customers_back
        FROM r
        """
            .formatted(FIRST_RESOLUTIONS, sql.where()));
  }
}
