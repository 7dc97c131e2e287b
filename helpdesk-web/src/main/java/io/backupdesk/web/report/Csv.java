package io.backupdesk.web.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Writes report rows as RFC 4180 CSV: a header of the row's components in snake_case, then one line
 * per row; empty for null, quotes only where needed. Text that starts like a spreadsheet formula
 * ({@code = + - @}) gets a leading apostrophe, so that opening the file never runs it.
 */
public final class Csv {

  private Csv() {}

  public static <T extends Record> String write(Class<T> type, List<T> rows) {
    RecordComponent[] columns = type.getRecordComponents();
    var out = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      out.append(i == 0 ? "" : ",").append(snakeCase(columns[i].getName()));
    }
    out.append("\r\n");
    for (T row : rows) {
      for (int i = 0; i < columns.length; i++) {
        out.append(i == 0 ? "" : ",").append(field(value(columns[i], row)));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static Object value(RecordComponent component, Record row) {
    try {
      return component.getAccessor().invoke(row);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + component.getName(), e);
    }
  }

  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number number) {
      return number instanceof BigDecimal d ? d.toPlainString() : number.toString();
    }
    String text = value.toString();
    // A text cell that a spreadsheet would run as a formula is written as plain text.
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
