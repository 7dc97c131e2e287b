package io.backupdesk.diagnostics.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a ticket's timeline: who did what, when, in one line a person can read, and the full
 * text where there is one (a note). Written once, never changed.
 */
public record TimelineEntry(
    TimelineKind kind, Instant at, String actor, String summary, String details) {

  /** The longest summary a timeline line holds; a longer one is cut with an ellipsis. */
  public static final int MAX_SUMMARY = 500;

  public TimelineEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(summary, "summary");
    summary = cut(summary, MAX_SUMMARY);
  }

  /** The text cut to {@code max} characters, the last of them an ellipsis when it was longer. */
  static String cut(String text, int max) {
    return text.length() > max ? text.substring(0, max - 1) + "…" : text;
  }
}
