package io.backupdesk.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a statement of the extended protocol and its bound values into one line of SQL that psql or
 * pgbench runs as it is: each {@code $n} becomes a literal, cast to the type the client declared
 * (an undeclared type stays an untyped literal, which the server infers as it inferred the
 * parameter).
 */
final class Literals {

  private static final Map<Integer, String> TYPES =
      Map.ofEntries(
          Map.entry(16, "bool"),
          Map.entry(17, "bytea"),
          Map.entry(20, "int8"),
          Map.entry(21, "int2"),
          Map.entry(23, "int4"),
          Map.entry(25, "text"),
          Map.entry(114, "json"),
          Map.entry(700, "float4"),
          Map.entry(701, "float8"),
          Map.entry(1007, "int4[]"),
          Map.entry(1009, "text[]"),
          Map.entry(1015, "varchar[]"),
          Map.entry(1016, "int8[]"),
          Map.entry(1042, "bpchar"),
          Map.entry(1043, "varchar"),
          Map.entry(1082, "date"),
          Map.entry(1114, "timestamp"),
          Map.entry(1184, "timestamptz"),
          Map.entry(1186, "interval"),
          Map.entry(1700, "numeric"),
          Map.entry(2950, "uuid"),
          Map.entry(3802, "jsonb"));

  /** Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01. */
  private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

  private Literals() {}

  static String inline(String query, int[] types, short[] formats, byte[][] values) {
    var sql = new StringBuilder(query.length() + 16 * values.length);
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closing(query, i, c);
        sql.append(query, i, end);
        i = end;
      } else if (c == '-' && query.startsWith("--", i)) {
        int end = query.indexOf('\n', i);
        i = end < 0 ? query.length() : end;
      } else if (c == '$'
          && i + 1 < query.length()
          && Character.isDigit(query.charAt(i + 1))
          && (i == 0 || !identifierPart(query.charAt(i - 1)))) {
        int end = i + 1;
        while (end < query.length() && Character.isDigit(query.charAt(end))) {
          end++;
        }
        int n = Integer.parseInt(query.substring(i + 1, end)) - 1;
        if (n >= values.length) {
          throw new IllegalArgumentException("$" + (n + 1) + " has no bound value in: " + query);
        }
        int type = n < types.length ? types[n] : 0;
        int format = formats.length == 0 ? 0 : formats[formats.length == 1 ? 0 : n];
        sql.append(literal(values[n], type, format));
        i = end;
      } else if (c == '\n' || c == '\r' || c == '\t') {
        sql.append(' ');
        i++;
      } else {
        sql.append(c);
        i++;
      }
    }
    return sql.toString().strip();
  }

  /** A statement sent as it is (simple protocol) on one line. */
  static String oneLine(String query) {
    return inline(query, new int[0], new short[0], new byte[0][]);
  }

  static String literal(byte[] value, int type, int format) {
    String cast = TYPES.get(type);
    String text;
    if (value == null) {
      text = "NULL";
    } else if (format == 0) {
      text = quoted(new String(value, StandardCharsets.UTF_8));
    } else {
      text = quoted(binary(value, type));
    }
    // In parentheses: a cast literal may stand where only a bare constant or an expression in
    // parentheses may (FETCH FIRST ... ROWS ONLY).
    return cast == null ? text : "(" + text + "::" + cast + ")";
  }

  private static String binary(byte[] value, int type) {
    var b = ByteBuffer.wrap(value);
    return switch (type) {
      case 16 -> value[0] != 0 ? "true" : "false";
      case 17 -> "\\x" + HexFormat.of().formatHex(value);
      case 20 -> Long.toString(b.getLong());
      case 21 -> Short.toString(b.getShort());
      case 23 -> Integer.toString(b.getInt());
      case 700 -> Float.toString(b.getFloat());
      case 701 -> Double.toString(b.getDouble());
      case 1082 -> LocalDate.of(2000, 1, 1).plusDays(b.getInt()).toString();
      case 1114, 1184 -> {
        long micros = b.getLong() + PG_EPOCH_MICROS;
        yield Instant.EPOCH
            .plusSeconds(Math.floorDiv(micros, 1_000_000L))
            .plusNanos(Math.floorMod(micros, 1_000_000L) * 1000L)
            .toString();
      }
      case 2950 -> new UUID(b.getLong(), b.getLong()).toString();
      default ->
          throw new IllegalArgumentException(
              "a binary value of type oid " + type + " cannot be written as a literal here");
    };
  }

  /** A string literal; E'' form when it holds a backslash or a control character. */
  static String quoted(String s) {
    boolean escape = s.chars().anyMatch(ch -> ch == '\\' || ch < 0x20);
    var out = new StringBuilder(s.length() + 4);
    out.append(escape ? "E'" : "'");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\'' -> out.append("''");
        case '\\' -> out.append(escape ? "\\\\" : "\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20) {
            out.append(String.format("\\x%02x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('\'').toString();
  }

  private static int closing(String query, int start, char quote) {
    int i = start + 1;
    while (i < query.length()) {
      if (query.charAt(i) == quote) {
        if (i + 1 < query.length() && query.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return query.length();
  }

  private static boolean identifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
