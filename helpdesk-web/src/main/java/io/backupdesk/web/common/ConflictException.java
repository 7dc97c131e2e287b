package io.backupdesk.web.common;

/**
 * A write that would silently overwrite someone else's change, or that the resource's current state
 * does not allow (HTTP 409). Names the resource, so the caller can see it as it is now and retry.
 */
public class ConflictException extends RuntimeException {

  private final ProblemType type;
  private final transient StateRef about;

  public ConflictException(ProblemType type, String message, StateRef about) {
    super(message);
    this.type = type;
    this.about = about;
  }

  public static ConflictException stale(String what, int expected, int actual, StateRef about) {
    return new ConflictException(
        ProblemType.STALE_VERSION,
        what
            + " was changed by someone else (you had version "
            + expected
            + ", it is now "
            + actual
            + "). Reload it, check the change, and try again.",
        about);
  }

  public ProblemType type() {
    return type;
  }

  /** The resource the write was about; null when its state says nothing useful. */
  public StateRef about() {
    return about;
  }
}
