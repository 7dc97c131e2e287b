package io.backupdesk.diagnostics.incident;

/** A finding that, when many customers report it at once, points at Apple rather than phones. */
public enum Signal {
  /** A diagnosis recorded an outage at the step that checks Apple's status page. */
  OUTAGE_FOUND(
      "outage finding at the Apple-status step", "outage findings at the Apple-status step"),
  /** A customer's test backup still failed after a fix that should have worked. */
  STILL_FAILING_AFTER_FIX(
      "test backup still failing after a fix", "test backups still failing after a fix");

  private final String one;
  private final String many;

  Signal(String one, String many) {
    this.one = one;
    this.many = many;
  }

  /** "3 outage findings at the Apple-status step". */
  public String counted(int count) {
    return count + " " + (count == 1 ? one : many);
  }
}
