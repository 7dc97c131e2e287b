package io.backupdesk.diagnostics.diagnosis;

/** Whether the customer's test backup after a fix completed: the only proof that the fix worked. */
public enum Verification {
  PENDING("Waiting for the test backup"),
  BACKUP_COMPLETED("Backup completed"),
  STILL_FAILING("Backup still fails");

  private final String label;

  Verification(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
