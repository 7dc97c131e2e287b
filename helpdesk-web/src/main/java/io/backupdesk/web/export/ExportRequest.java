package io.backupdesk.web.export;

import io.backupdesk.web.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One pull of an export: the table, the optional filters and where to resume. {@code from}/{@code
 * to} are whole UTC days, both included, on the export's own time ({@link ExportTable#createdAt});
 * {@code updatedSince} is inclusive.
 */
record ExportRequest(
    ExportTable table,
    boolean csv,
    LocalDate from,
    LocalDate to,
    Instant updatedSince,
    ExportCursor cursor) {

  static ExportRequest parse(ExportTable table, boolean csv, ExportParams params) {
    return parse(table, csv, params.from, params.to, params.updatedSince, params.cursor);
  }

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
   * The WHERE clause of a pull: the filters, and the rows whose last change the cursor has not
   * delivered (without a cursor, every row; the pull's snapshot decides which rows exist). Every
   * value is a number, a snapshot or an instant formatted here, never text from the request, so it
   * can be written inline (COPY takes no bind parameters).
   */
  String where() {
    var where = new StringBuilder("(").append(unsent()).append(")");
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
      where.append(" AND ").append(table.updatedAt).append(" >= ").append(literal(updatedSince));
    }
    return where.toString();
  }

  /**
   * The changes not yet delivered: after a whole pull, whatever its snapshot did not see; after a
   * row, also the rest of that row's pull (seen by its snapshot, not by the one before, further on
   * in (change_txid, id) order).
   */
  private String unsent() {
    if (cursor == null) {
      return "TRUE";
    }
    String later = cursor.latest().missedChange();
    if (!cursor.inside()) {
      return later;
    }
    String rest =
        cursor.pulled().sawChange()
            + (cursor.seen() == null ? "" : " AND NOT " + cursor.seen().sawChange())
            + " AND (x.change_txid, x.id) > ('"
            + cursor.txid()
            + "'::xid8, "
            + cursor.id()
            + ")";
    return "(" + rest + ") OR (" + later + ")";
  }

  /** The ORDER BY of a pull: the rest of an interrupted pull first, each part by (txid, id). */
  String orderBy() {
    String order = "x.change_txid, x.id";
    return cursor != null && cursor.inside()
        ? cursor.pulled().sawChange() + " DESC, " + order
        : order;
  }

  /** SQL of each row's cursor column, for a pull that reads with snapshot {@code now}. */
  String rowCursor(ExportSnapshot now) {
    String position = "x.change_txid::text || '-' || x.id";
    if (cursor == null) {
      return "'" + ExportCursor.rowPrefix(null, now) + "' || " + position;
    }
    String later = "'" + ExportCursor.rowPrefix(cursor.latest(), now) + "'";
    if (!cursor.inside()) {
      return later + " || " + position;
    }
    return "CASE WHEN "
        + cursor.pulled().sawChange()
        + " THEN '"
        + ExportCursor.rowPrefix(cursor.seen(), cursor.pulled())
        + "' ELSE "
        + later
        + " END || "
        + position;
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
