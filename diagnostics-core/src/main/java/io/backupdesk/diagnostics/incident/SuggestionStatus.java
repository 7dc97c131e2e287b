package io.backupdesk.diagnostics.incident;

/** Where a suggested incident stands: waiting for a supervisor, confirmed, or dismissed. */
public enum SuggestionStatus {
  PENDING("Waiting for a supervisor"),
  CONFIRMED("Confirmed"),
  DISMISSED("Dismissed");

  private final String label;

  SuggestionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
