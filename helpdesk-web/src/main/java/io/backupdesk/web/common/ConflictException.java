package io.backupdesk.web.common;

/**
 * A write that would silently overwrite someone else's change, or that the resource's current state
 * does not allow (HTTP 409). Carries that current state so the caller can look and retry.
 */
public class ConflictException extends RuntimeException {

  private final transient Object currentState;
  private final String slug;

  public ConflictException(String slug, String message, Object currentState) {
    super(message);
    this.slug = slug;
    this.currentState = currentState;
  }

  public static ConflictException stale(String what, int expected, int actual, Object current) {
    return new ConflictException(
        "stale-version",
        what
            + " was changed by someone else (you had version "
            + expected
            + ", it is now "
            + actual
            + "). Reload it, check the change, and try again.",
        current);
  }

  public String slug() {
    return slug;
  }

  public Object currentState() {
    return currentState;
  }
}
