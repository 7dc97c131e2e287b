package io.backupdesk.diagnostics.ticket;

/** How soon a ticket should be picked up from the queue. */
public enum Priority {
  LOW("Low"),
  NORMAL("Normal"),
  HIGH("High"),
  URGENT("Urgent");

  private final String label;

  Priority(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
