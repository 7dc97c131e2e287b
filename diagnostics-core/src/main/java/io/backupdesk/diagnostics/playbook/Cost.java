package io.backupdesk.diagnostics.playbook;

/** What a step or a fix asks of the customer: time, money, or a risk to their data and settings. */
public enum Cost {
  LOW("Low"),
  MEDIUM("Medium"),
  HIGH("High");

  private final String label;

  Cost(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
