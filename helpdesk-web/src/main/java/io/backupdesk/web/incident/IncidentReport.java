package io.backupdesk.web.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The incident report, per ISO week (Monday, UTC) in which incidents were opened. Incidents are few
 * (a handful a month), so it reads the base tables directly; the first outage finding is looked up
 * through the partial index of outage findings.
 */
@ApplicationScoped
public class IncidentReport {

  /** One week's incidents. Means are in minutes, unrounded; null when nothing to average. */
  @Schema(name = "IncidentWeek")
  public record Week(
      LocalDate weekStarting,
      long incidents,
      @Schema(description = "Ticket links of those incidents (a ticket counts once per incident)")
          long ticketsAffected,
      @Schema(
              description =
                  "Incidents with an outage finding in the two hours before the outage began and"
                      + " its detection")
          long withFindings,
      @Schema(
              description =
                  "Mean minutes from the first outage finding to detection (the suggestion, or"
                      + " the opening by hand)")
          Double meanMinutesToDetection,
      long recovered,
      @Schema(description = "Mean minutes from the outage's start to its recovery")
          Double meanMinutesToRecovery,
      @Schema(description = "Linked tickets resolved within 24 hours after the recovery")
          long resolvedWithinADayOfRecovery) {}

  @Inject EntityManager em;

  @Transactional
  public List<Week> weeks() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                """
                WITH inc AS (
                  SELECT i.opened_at, i.started_at, i.recovered_at,
                         coalesce(s.raised_at, i.opened_at) AS detected_at,
                         (SELECT min(r.ended_at) FROM step_result r
                           WHERE r.outcome = 'OUTAGE'
                             AND r.ended_at >= i.started_at - interval '2 hours'
                             AND r.ended_at <= coalesce(s.raised_at, i.opened_at)) AS first_finding,
                         (SELECT count(*) FROM incident_ticket l WHERE l.incident_id = i.id) AS linked,
                         (SELECT count(*) FROM incident_ticket l JOIN ticket t ON t.id = l.ticket_id
                           WHERE l.incident_id = i.id AND i.recovered_at IS NOT NULL
                             AND t.resolved_at >= i.recovered_at
                             AND t.resolved_at < i.recovered_at + interval '1 day') AS resolved_day
                  FROM incident i LEFT JOIN incident_suggestion s ON s.id = i.suggestion_id)
                SELECT date_trunc('week', opened_at AT TIME ZONE 'UTC')::date,
                       count(*), sum(linked), count(first_finding),
                       avg(extract(epoch FROM detected_at - first_finding) / 60),
                       count(recovered_at),
                       avg(extract(epoch FROM recovered_at - started_at) / 60),
                       sum(resolved_day)
                FROM inc GROUP BY 1 ORDER BY 1 DESC LIMIT 104
                """)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Week(
                    r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0],
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(),
                    r[4] == null ? null : ((Number) r[4]).doubleValue(),
                    ((Number) r[5]).longValue(),
                    r[6] == null ? null : ((Number) r[6]).doubleValue(),
                    ((Number) r[7]).longValue()))
        .toList();
  }
}
