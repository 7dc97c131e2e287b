package io.backupdesk.diagnostics.diagnosis;

/** Where a diagnosis goes when the playbook cannot make the iCloud backup work. */
public enum EscalationTarget {
  TIER_2("Tier 2 support"),
  APPLE_SUPPORT("Apple Support"),
  COMPUTER_BACKUP("Back up with a computer instead");

  private final String label;

  EscalationTarget(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
