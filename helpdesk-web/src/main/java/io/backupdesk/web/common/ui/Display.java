package io.backupdesk.web.common.ui;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write times: in the viewer's time zone ({@link ViewerZone}), to the minute (the
 * timeline to the second), with the UTC time on hover, and ages the way agents say them ("3 h").
 */
@TemplateExtension
public class Display {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter HOUR_MINUTE =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  // Built once: a pattern is parsed on every ofPattern call, and a queue page formats a hundred
  // times.
  private static final DateTimeFormatter ZONE_NAME =
      DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
  private static final DateTimeFormatter UTC_SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Display() {}

  /** {@code {ticket.createdAt.display}}: "2026-11-03 15:05 CET" in the viewer's zone. */
  static String display(Instant at) {
    return display(at, ViewerZone.current());
  }

  /**
   * As {@code {at.display}}, in a zone the caller looked up once: for a page model that writes a
   * list's times in Java ({@code QueuePages}).
   */
  public static String display(Instant at, ZoneId zone) {
    return at == null ? "" : in(at, zone, MINUTE);
  }

  /** {@code {event.at.iso}}: the machine-readable form for a {@code <time datetime>} attribute. */
  static String iso(Instant at) {
    return at == null ? "" : at.toString();
  }

  /**
   * {@code {ticket.dueAt.time}}: a {@code <time>} element showing the viewer's local time, with the
   * UTC time as its title (shown on hover) and its datetime attribute.
   */
  static RawString time(Instant at) {
    return element(at, MINUTE);
  }

  /** {@code {event.at.timeSeconds}}: as {@link #time}, to the second, where order matters. */
  static RawString timeSeconds(Instant at) {
    return element(at, SECOND);
  }

  /**
   * {@code {incident.startedAt.timeOfDay(now)}}: as {@link #time}, but only the hour and minute
   * ("14:05 CET") when it falls on the viewer's today, where the date would be noise.
   */
  static RawString timeOfDay(Instant at, Instant now) {
    if (at == null || now == null) {
      return new RawString("");
    }
    ZoneId zone = ViewerZone.current();
    boolean today = at.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
    return element(at, today ? HOUR_MINUTE : MINUTE);
  }

  /** {@code {row.dueAt.relative(now)}}: "in 3 h", "12 min ago", "now". */
  public static String relative(Instant at, Instant now) {
    if (at == null || now == null) {
      return "";
    }
    var span = Duration.between(now, at);
    if (span.abs().toMinutes() < 1) {
      return "now";
    }
    var amount = age(span.isNegative() ? at : now, span.isNegative() ? now : at);
    return span.isNegative() ? amount + " ago" : "in " + amount;
  }

  /** Formats {@code at} in {@code zone}: UTC is spelled "UTC", other zones by their short name. */
  public static String in(Instant at, ZoneId zone, DateTimeFormatter pattern) {
    var local = pattern.withZone(zone).format(at);
    var name =
        zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : ZONE_NAME.withZone(zone).format(at);
    return local + " " + name;
  }

  private static RawString element(Instant at, DateTimeFormatter pattern) {
    if (at == null) {
      return new RawString("");
    }
    // Only digits, letters, signs and spaces come out of these formats: nothing to escape.
    return new RawString(
        "<time datetime=\""
            + at
            + "\" title=\""
            + UTC_SECOND.format(at)
            + "\">"
            + in(at, ViewerZone.current(), pattern)
            + "</time>");
  }

  /** {@code {status.css}}: a constant as a CSS class suffix, IN_DIAGNOSIS as "in-diagnosis". */
  static String css(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** {@code {row.createdAt.age(now)}}: "just now", "12 min", "3 h", "5 d". */
  public static String age(Instant since, Instant now) {
    if (since == null || now == null) {
      return "";
    }
    Duration age = Duration.between(since, now);
    if (age.toMinutes() < 1) {
      return "just now";
    }
    if (age.toHours() < 1) {
      return age.toMinutes() + " min";
    }
    if (age.toDays() < 2) {
      return age.toHours() + " h";
    }
    return age.toDays() + " d";
  }
}
