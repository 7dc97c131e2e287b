package io.backupdesk.web.common.ui;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write times: UTC, to the minute, and ages the way agents say them ("3 h"). */
@TemplateExtension
public class Display {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Display() {}

  /** {@code {ticket.createdAt.display}}: "2026-11-03 14:05 UTC". */
  static String display(Instant at) {
    return at == null ? "" : MINUTE.format(at);
  }

  /** {@code {event.at.iso}}: the machine-readable form for a {@code <time datetime>} attribute. */
  static String iso(Instant at) {
    return at == null ? "" : at.toString();
  }

  /** {@code {status.css}}: a constant as a CSS class suffix, IN_DIAGNOSIS as "in-diagnosis". */
  static String css(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** {@code {row.createdAt.age(now)}}: "just now", "12 min", "3 h", "5 d". */
  static String age(Instant since, Instant now) {
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
