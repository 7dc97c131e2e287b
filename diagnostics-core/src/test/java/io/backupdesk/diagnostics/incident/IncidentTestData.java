package io.backupdesk.diagnostics.incident;

import java.time.Duration;
import java.time.Instant;

/** Test data for incidents and suggestions. */
final class IncidentTestData {
  static final Instant T0 = Instant.parse("2026-11-03T14:05:00Z");
  static final String DANA = "dana";
  static final String SAM = "sam";

  private IncidentTestData() {}

  static Instant minutes(long n) {
    return T0.plus(Duration.ofMinutes(n));
  }

  /** Evidence that suggests an incident: 7 outage findings where 0.25 were expected. */
  static Detection burst() {
    return new Detection(
        Signal.OUTAGE_FOUND,
        T0.minus(Duration.ofMinutes(30)),
        T0,
        7,
        0.25,
        Poisson.upperTail(7, 0.25),
        8,
        0,
        true);
  }

  static Incident openIncident() {
    return Incident.open("iCloud Backup down", minutes(-20), DANA, T0);
  }
}
