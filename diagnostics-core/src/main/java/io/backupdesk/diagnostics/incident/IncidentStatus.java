package io.backupdesk.diagnostics.incident;

/** Whether Apple's outage is still going on, as far as the desk knows. */
public enum IncidentStatus {
  OPEN("Open"),
  RECOVERED("Recovered");

  private final String label;

  IncidentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
