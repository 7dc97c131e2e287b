package io.backupdesk.web.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.Sql;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The filters every report takes. {@code from} and {@code to} are whole UTC days, both included: a
 * report counts what happened from {@code from} 00:00Z up to, not including, the day after {@code
 * to} 00:00Z. Which moment of a row is tested against that period is part of each report's
 * definition. Device model and iOS major are the ticket's; the agent is the one who ran the
 * diagnosis (or recorded the step, for time per step).
 */
public record ReportFilter(
    LocalDate from, LocalDate to, String deviceModel, Integer iosMajor, String agent) {

  /** Without {@code from}/{@code to}: the last 30 days, today (UTC) included. */
  static final int DEFAULT_DAYS = 30;

  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

  /** Checks and completes the raw query parameters; anything unusable is a 400 problem. */
  public static ReportFilter parse(
      String from, String to, String deviceModel, String iosMajor, String agent, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate end = blank(to) ? null : date("to", to);
    LocalDate start = blank(from) ? null : date("from", from);
    if (end == null) {
      end = start == null ? today : start.plusDays(DEFAULT_DAYS - 1L);
    }
    if (start == null) {
      start = end.minusDays(DEFAULT_DAYS - 1L);
    }
    if (start.isAfter(end)) {
      throw new InvalidInputException(
          "from", "'from' (" + start + ") is after 'to' (" + end + "): swap them.");
    }
    String model = null;
    if (deviceModel != null) {
      model = deviceModel.strip();
      if (model.isEmpty() || model.length() > 60) {
        throw new InvalidInputException(
            "deviceModel", "deviceModel must be 1 to 60 characters, e.g. 'iPhone 13'.");
      }
    }
    Integer major = null;
    if (iosMajor != null) {
      try {
        major = Integer.valueOf(iosMajor.strip());
      } catch (NumberFormatException e) {
        major = -1;
      }
      if (major < 1 || major > 99) {
        throw new InvalidInputException(
            "iosMajor",
            "iosMajor must be a whole number from 1 to 99, e.g. 17; got '" + iosMajor + "'.");
      }
    }
    String who = null;
    if (agent != null) {
      who = agent.strip();
      if (!USERNAME.matcher(who).matches()) {
        throw new InvalidInputException(
            "agent", "agent must be a user name (lower-case letters, digits, '.', '_', '-').");
      }
    }
    return new ReportFilter(start, end, model, major, who);
  }

  /** The period of the same length that ends the day before this one starts, same filters. */
  public ReportFilter previous() {
    long days = to.toEpochDay() - from.toEpochDay() + 1;
    return new ReportFilter(from.minusDays(days), from.minusDays(1), deviceModel, iosMajor, agent);
  }

  /** The same period and filters for another agent. */
  public ReportFilter withAgent(String other) {
    return new ReportFilter(from, to, deviceModel, iosMajor, other);
  }

  /** The first moment of the period. */
  @JsonIgnore
  Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The first moment after the period. */
  @JsonIgnore
  Instant end() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * Adds this filter's conditions: {@code at} in the period, the ticket {@code t}'s device model
   * and iOS major version, and {@code agentColumn} for the agent.
   */
  void applyTo(Sql sql, String at, String agentColumn) {
    sql.and(at + " >= ?", start()).and(at + " < ?", end());
    if (deviceModel != null) {
      sql.and("t.device_model = ?", deviceModel);
    }
    if (iosMajor != null) {
      sql.and("t.ios_major = ?", iosMajor);
    }
    if (agent != null) {
      sql.and(agentColumn + " = ?", agent);
    }
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, field + " must be a date like 2024-05-31 (UTC); got '" + value + "'.");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
