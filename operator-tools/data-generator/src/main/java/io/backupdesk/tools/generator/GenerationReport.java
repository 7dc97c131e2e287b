package io.backupdesk.tools.generator;

import java.time.Duration;
import java.util.List;

/** What one generator run wrote. */
public record GenerationReport(
    long customers,
    long tickets,
    long diagnoses,
    long stepResults,
    long events,
    List<String> agentsCreated,
    Duration elapsed) {

  public GenerationReport {
    agentsCreated = List.copyOf(agentsCreated);
  }

  public long rows() {
    return customers + tickets + diagnoses + stepResults + events + agentsCreated.size();
  }

  public double ticketsPerSecond() {
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    return tickets / seconds;
  }
}
