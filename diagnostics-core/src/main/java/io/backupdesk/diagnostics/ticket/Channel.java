package io.backupdesk.diagnostics.ticket;

/** How the customer reached the help desk. */
public enum Channel {
  PHONE("Phone"),
  CHAT("Chat"),
  EMAIL("Email");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
