package io.backupdesk.web.export;

import io.backupdesk.web.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One pull of an export: the table, the optional filters and where to resume. {@code from}/{@code
 * to} are whole UTC days, both included, on the row's creation time; {@code updatedSince} is
 * inclusive.
 */
record ExportRequest(
    ExportTable table,
    boolean csv,
    LocalDate from,
    LocalDate to,
    Instant updatedSince,
    ExportCursor cursor) {

  static ExportRequest parse(
      ExportTable table, boolean csv, String from, String to, String updatedSince, String cursor) {
    LocalDate start = blank(from) ? null : date("from", from);
    LocalDate end = blank(to) ? null : date("to", to);
    if (start != null && end != null && start.isAfter(end)) {
      throw new InvalidInputException(
          "from", "'from' (" + start + ") is after 'to' (" + end + "): swap them.");
    }
    return new ExportRequest(
        table,
        csv,
        start,
        end,
        blank(updatedSince) ? null : instant(updatedSince),
        blank(cursor) ? null : ExportCursor.parse(cursor));
  }

  /**
   * The WHERE clause for rows below {@code bound} (an xid8 horizon). Every value is a number or an
   * instant formatted here, never text from the request, so it can be written inline (COPY takes no
   * bind parameters).
   */
  String where(String bound) {
    var where = new StringBuilder("x.change_txid < '" + Long.parseLong(bound) + "'::xid8");
    if (cursor != null) {
      where
          .append(" AND (x.change_txid, x.id) > ('")
          .append(cursor.txid())
          .append("'::xid8, ")
          .append(cursor.id())
          .append(")");
    }
    if (from != null) {
      where.append(" AND ").append(table.createdAt).append(" >= ").append(literal(startOf(from)));
    }
    if (to != null) {
      where
          .append(" AND ")
          .append(table.createdAt)
          .append(" < ")
          .append(literal(startOf(to.plusDays(1))));
    }
    if (updatedSince != null) {
      where.append(" AND x.updated_at >= ").append(literal(updatedSince));
    }
    return where.toString();
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static String literal(Instant instant) {
    return "'" + instant + "'::timestamptz";
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, field + " must be a date like 2024-05-31 (UTC); got '" + value + "'.");
    }
  }

  private static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "updated_since",
          "updated_since must be an ISO-8601 time with offset, like 2024-05-31T12:00:00Z; got '"
              + value
              + "'.");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
