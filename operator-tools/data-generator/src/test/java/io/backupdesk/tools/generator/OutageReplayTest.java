package io.backupdesk.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.incident.Detection;
import io.backupdesk.diagnostics.incident.DetectionRule;
import io.backupdesk.diagnostics.incident.OutageDetector;
import io.backupdesk.diagnostics.incident.Signal;
import io.backupdesk.diagnostics.incident.SignalCount;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The incident detection replayed on generated history: the generator plants Apple outages (about
 * one a month, each a few hours), and the desk's rule must find each one that left enough findings
 * to be seen, and suggest nothing in the quiet weeks between them.
 */
class OutageReplayTest {

  @Test
  void theDetectorFindsThePlantedOutagesAndNothingInQuietWeeks() throws Exception {
    var settings = GeneratorSettings.defaults(20_000).withSeed(11);
    // The generator's first split of its seeded random places the outages: the same here.
    var outages = new Schedule(settings, new SplittableRandom(settings.seed()).split()).outages();
    assertThat(outages).hasSizeGreaterThanOrEqualTo(3);

    List<SignalCount> counts = new ArrayList<>();
    Instant dataSince;
    try (var postgres = EmbeddedPostgres.builder().start()) {
      try (Connection admin = postgres.getPostgresDatabase().getConnection();
          Statement s = admin.createStatement()) {
        s.execute("CREATE DATABASE replay");
      }
      String url = postgres.getJdbcUrl("postgres", "replay");
      Flyway.configure().dataSource(url, "postgres", "postgres").load().migrate();
      try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
        db.setAutoCommit(false);
        DataGenerator.generate(db, settings, List.of(), null);
        db.commit();
        // The same counts the app's watch reads (five-minute buckets of findings).
        try (var q =
                db.prepareStatement(
                    "SELECT 'OUTAGE_FOUND', floor(extract(epoch FROM ended_at) / 300)::bigint * 300,"
                        + " count(*) FROM step_result WHERE outcome = 'OUTAGE' GROUP BY 2"
                        + " UNION ALL SELECT 'STILL_FAILING_AFTER_FIX',"
                        + " floor(extract(epoch FROM first) / 300)::bigint * 300, count(*)"
                        + " FROM (SELECT min(verified_at) AS first FROM step_result"
                        + " WHERE verification = 'STILL_FAILING' GROUP BY diagnosis_id) f"
                        + " GROUP BY 2");
            var rows = q.executeQuery()) {
          while (rows.next()) {
            counts.add(
                new SignalCount(
                    Signal.valueOf(rows.getString(1)),
                    Instant.ofEpochSecond(rows.getLong(2)),
                    rows.getInt(3)));
          }
        }
        try (var q = db.prepareStatement("SELECT min(started_at) FROM diagnosis");
            var rows = q.executeQuery()) {
          rows.next();
          dataSince = rows.getTimestamp(1).toInstant();
        }
      }
    }

    var rule = DetectionRule.defaults();
    // Without weeks of history to compare a half hour with, the rule expects at least 0.25
    // findings and suggests from 5 (README "Incidents"); quiet weeks are judged once the desk has
    // four weeks of history.
    Instant from = dataSince.plus(java.time.Duration.ofDays(28));
    var found = new OutageDetector(rule).replay(from, settings.to(), counts, dataSince);

    // Every detection falls in a planted outage or the two hours after it (test backups that
    // still fail while customers retry): none in the quiet weeks.
    for (Detection d : found) {
      assertThat(
              outages.stream()
                  .anyMatch(
                      o ->
                          d.windowEnd().getEpochSecond() > o.start()
                              && d.windowStart().getEpochSecond() < o.end() + 2 * 3600))
          .as("a suggestion outside every outage: %s", d.describe())
          .isTrue();
    }
    // Every outage that left at least the rule's minimum of findings in some half hour is found
    // while it lasts.
    int seen = 0;
    for (Schedule.Outage o : outages) {
      if (o.start() < from.getEpochSecond()) {
        continue;
      }
      boolean detectable =
          new OutageDetector(rule.withThreshold(0.999_999))
                  .replay(
                      Instant.ofEpochSecond(o.start()),
                      Instant.ofEpochSecond(o.end()),
                      counts,
                      null)
                  .stream()
                  .anyMatch(d -> d.signal() == Signal.OUTAGE_FOUND);
      if (!detectable) {
        continue;
      }
      seen++;
      assertThat(found)
          .as("the outage from %s", Instant.ofEpochSecond(o.start()))
          .anyMatch(
              d ->
                  d.signal() == Signal.OUTAGE_FOUND
                      && d.windowEnd().getEpochSecond() > o.start()
                      && d.windowEnd().getEpochSecond() <= o.end() + rule.window().getSeconds());
    }
    assertThat(seen).as("outages with enough findings to be seen").isGreaterThanOrEqualTo(1);
  }
}
