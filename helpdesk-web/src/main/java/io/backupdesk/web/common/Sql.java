package io.backupdesk.web.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement's text with its bind values in order: {@link #bind} writes a placeholder and
 * remembers its value, so text and values are composed together; {@link #and} collects the
 * conditions of a WHERE clause.
 */
public final class Sql {

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder where = new StringBuilder();
  private final List<Object> values = new ArrayList<>();
  private final List<Object> whereValues = new ArrayList<>();

  /** A placeholder for {@code value}, to be written into the text next. */
  public String bind(Object value) {
    values.add(value);
    return "?";
  }

  public Sql append(String part) {
    text.append(part);
    return this;
  }

  /** Adds a condition to the WHERE clause ({@link #where}), with its values. */
  public Sql and(String condition, Object... bound) {
    where.append(where.isEmpty() ? "" : " AND ").append(condition);
    whereValues.addAll(List.of(bound));
    return this;
  }

  /**
   * The conditions joined with AND, or TRUE when there are none; their values follow the ones bound
   * so far.
   */
  public String where() {
    values.addAll(whereValues);
    whereValues.clear();
    return where.isEmpty() ? "TRUE" : where.toString();
  }

  public String text() {
    return text.toString();
  }

  /** The bind values in order (for the benchmarks' printers, which write them inline). */
  public List<Object> values() {
    return List.copyOf(values);
  }

  public void bind(PreparedStatement statement) throws SQLException {
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
