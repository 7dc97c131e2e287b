package io.backupdesk.web.incident;

import io.backupdesk.diagnostics.incident.Detection;
import io.backupdesk.diagnostics.incident.DetectionRule;
import io.backupdesk.diagnostics.incident.IncidentSuggestion;
import io.backupdesk.diagnostics.incident.OutageDetector;
import io.backupdesk.diagnostics.incident.Signal;
import io.backupdesk.diagnostics.incident.SignalCount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Watches the desk's own findings for an Apple outage: every few minutes it counts the outage
 * findings at the Apple-status step and the test backups still failing after a fix, per five
 * minutes, and asks the core's {@link OutageDetector} whether the last half hour is unlikely for
 * that time of the week (README "Incidents"). A suggestion is stored once per signal and burst;
 * with several app instances the unique (signal, window) key keeps it one.
 */
@ApplicationScoped
public class OutageWatch {

  private static final Logger LOG = Logger.getLogger(OutageWatch.class);

  @Inject EntityManager em;
  @Inject IncidentStore incidents;
  @Inject Suggestions suggestions;
  @Inject Clock clock;

  @ConfigProperty(name = "helpdesk.incidents.threshold", defaultValue = "1e-5")
  double threshold;

  @ConfigProperty(name = "helpdesk.incidents.minimum-count", defaultValue = "3")
  int minimumCount;

  @ConfigProperty(name = "helpdesk.incidents.history-weeks", defaultValue = "8")
  int historyWeeks;

  @ConfigProperty(name = "helpdesk.incidents.minimum-expected", defaultValue = "0.25")
  double minimumExpected;

  /** The rule with the configured settings (the window and buckets are the core's defaults). */
  public DetectionRule rule() {
    return DetectionRule.defaults()
        .withThreshold(threshold)
        .withMinimumCount(minimumCount)
        .withHistoryWeeks(historyWeeks)
        .withMinimumExpected(minimumExpected);
  }

  @Scheduled(
      identity = "outage-watch",
      every = "${helpdesk.incidents.detect-every:60s}",
      delayed = "${helpdesk.incidents.detect-delay:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    try {
      watch();
    } catch (RuntimeException e) {
      // The next run counts again; a failed one loses nothing.
      LOG.warnf("Outage detection failed this time: %s", e.getMessage());
    }
  }

  /** Evaluates now and stores any new suggestion; returns the evidence of both signals. */
  public List<Detection> watch() {
    return QuarkusTransaction.requiringNew().call(this::evaluateAndRaise);
  }

  private List<Detection> evaluateAndRaise() {
    Instant now = clock.instant();
    OutageDetector detector = new OutageDetector(rule());
    List<SignalCount> counts = counts(detector.rule().historyStart(now), now);
    Instant since = dataSince();
    var evidence = new ArrayList<Detection>();
    for (Signal signal : Signal.values()) {
      Detection d = detector.measure(signal, now, counts, since);
      evidence.add(d);
      if (d.suggestsIncident()
          && incidents.open().isEmpty()
          && !suggestions.raisedSince(signal, d.windowStart())) {
        raise(IncidentSuggestion.raise(d, now));
      }
    }
    return evidence;
  }

  /** The evidence at this moment, without raising anything: what the incidents page shows. */
  public List<Detection> evidenceNow() {
    Instant now = clock.instant();
    OutageDetector detector = new OutageDetector(rule());
    List<SignalCount> counts = counts(detector.rule().historyStart(now), now);
    Instant since = dataSince();
    var evidence = new ArrayList<Detection>();
    for (Signal signal : Signal.values()) {
      evidence.add(detector.measure(signal, now, counts, since));
    }
    return evidence;
  }

  private void raise(IncidentSuggestion suggestion) {
    var d = suggestion.detection();
    // ON CONFLICT: another instance may have raised the same window a moment ago.
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "INSERT INTO incident_suggestion (signal, window_start, window_end, observed,"
                    + " expected, tail_probability, weeks_of_history, history_count, raised_at,"
                    + " status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'PENDING')"
                    + " ON CONFLICT (signal, window_start) DO NOTHING RETURNING id")
            .setParameter(1, d.signal().name())
            .setParameter(2, Timestamp.from(d.windowStart()))
            .setParameter(3, Timestamp.from(d.windowEnd()))
            .setParameter(4, d.observed())
            .setParameter(5, d.expected())
            .setParameter(6, d.tailProbability())
            .setParameter(7, d.weeksOfHistory())
            .setParameter(8, d.historyCount())
            .setParameter(9, Timestamp.from(suggestion.raisedAt()))
            .getResultList();
    if (!ids.isEmpty()) {
      incidents.log(null, ids.get(0).longValue(), List.of(suggestion.raisedEvent()));
      LOG.infof("Incident suggested: %s", d.describe());
    }
  }

  /** Findings per bucket from {@code from} on, both signals. */
  List<SignalCount> counts(Instant from, Instant to) {
    long bucket = rule().bucket().getSeconds();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT 'OUTAGE_FOUND', floor(extract(epoch FROM ended_at) / ?1)::bigint * ?1,"
                    + " count(*) FROM step_result WHERE outcome = 'OUTAGE' AND ended_at >= ?2"
                    + " AND ended_at < ?3 GROUP BY 2"
                    // One finding per diagnosis: an agent trying three fixes for one customer
                    // is not three customers failing ("across customers").
                    + " UNION ALL SELECT 'STILL_FAILING_AFTER_FIX',"
                    + " floor(extract(epoch FROM first) / ?1)::bigint * ?1, count(*)"
                    + " FROM (SELECT min(verified_at) AS first FROM step_result"
                    + " WHERE verification = 'STILL_FAILING' AND verified_at >= ?2"
                    + " AND verified_at < ?3 GROUP BY diagnosis_id) f GROUP BY 2")
            .setParameter(1, bucket)
            .setParameter(2, Timestamp.from(from))
            .setParameter(3, Timestamp.from(to.plus(Duration.ofSeconds(bucket))))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new SignalCount(
                    Signal.valueOf((String) r[0]),
                    Instant.ofEpochSecond(((Number) r[1]).longValue()),
                    ((Number) r[2]).intValue()))
        .toList();
  }

  /** When the desk started recording: weeks before it are no quiet history. */
  private Instant dataSince() {
    Object first = em.createNativeQuery("SELECT min(started_at) FROM diagnosis").getSingleResult();
    return Optional.ofNullable(first)
        .map(
            v ->
                v instanceof Timestamp t
                    ? t.toInstant()
                    : v instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) v)
        .orElse(null);
  }
}
