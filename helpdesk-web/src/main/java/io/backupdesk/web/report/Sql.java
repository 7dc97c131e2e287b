package io.backupdesk.web.report;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from optional filters, with its bind values in order. */
final class Sql {

  private final StringBuilder where = new StringBuilder();
  private final List<Object> values = new ArrayList<>();

  Sql and(String condition, Object... bound) {
    where.append(where.isEmpty() ? "" : " AND ").append(condition);
    values.addAll(List.of(bound));
    return this;
  }

  /** The conditions joined with AND, or TRUE when there are none. */
  String where() {
    return where.isEmpty() ? "TRUE" : where.toString();
  }

  /** The bind values in order (for {@link ReportSql}, which writes them inline). */
  List<Object> values() {
    return List.copyOf(values);
  }

  void bind(PreparedStatement statement) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value instanceof Instant instant) {
        statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }
}
