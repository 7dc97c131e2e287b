package io.backupdesk.web.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

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

  /** The newest change of what the write was about: who (a person's name), when, and what. */
  public record LastChange(String by, Instant at, String what) {}

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * The refusal as a page says it to a person: who changed what and when, never version numbers or
   * user names. {@code last} is the newest change of the resource, when the page knows it.
   */
  public String inWords(String subject, LastChange last, Instant now) {
    if (type != ProblemType.STALE_VERSION) {
      return getMessage();
    }
    var after =
        " Your change was not saved. The page now shows "
            + subject
            + " as it is: check it, then make your change again if it is still needed.";
    if (last == null || last.by() == null || last.at() == null) {
      return "Someone else changed " + subject + " after you opened it." + after;
    }
    var when =
        now != null
                && last.at()
                    .atZone(ZoneOffset.UTC)
                    .toLocalDate()
                    .equals(now.atZone(ZoneOffset.UTC).toLocalDate())
            ? TIME.format(last.at())
            : DAY_AND_TIME.format(last.at());
    var what = last.what() == null || last.what().isBlank() ? "" : " (" + last.what().strip() + ")";
    return last.by() + " changed " + subject + " at " + when + what + "." + after;
  }

  public ProblemType type() {
    return type;
  }

  /** The resource the write was about; null when its state says nothing useful. */
  public StateRef about() {
    return about;
  }
}
