package io.backupdesk.diagnostics.diagnosis;

/** What the agent found at a step. Only a fix is followed by a test backup. */
public enum StepOutcome {
  NOTHING_WRONG("Nothing wrong"),
  FIXED("Fixed"),
  SKIPPED("Skipped"),
  NOT_APPLICABLE("Not applicable"),
  OUTAGE("Apple outage");

  private final String label;

  StepOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
