package io.backupdesk.tools.generator;

import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Rows for one table in PostgreSQL's CSV {@code COPY} format, built in memory for one batch. Text
 * is always quoted, so an empty string stays distinct from NULL (an unquoted empty field).
 */
final class Csv {
  private final StringBuilder text = new StringBuilder(1 << 16);
  private boolean firstField = true;
  private int rows;
  private long cachedDay = Long.MIN_VALUE;
  private String cachedDate;

  Csv num(long value) {
    separate();
    text.append(value);
    return this;
  }

  /** Written so that PostgreSQL reads back the same double. */
  Csv decimal(double value) {
    separate();
    text.append(value);
    return this;
  }

  Csv num(Integer value) {
    return value == null ? nul() : num(value.longValue());
  }

  Csv id(Long value) {
    return value == null ? nul() : num(value.longValue());
  }

  Csv bool(Boolean value) {
    if (value == null) {
      return nul();
    }
    separate();
    text.append(value ? 't' : 'f');
    return this;
  }

  Csv text(Object value) {
    if (value == null) {
      return nul();
    }
    separate();
    String s = value.toString();
    text.append('"');
    if (s.indexOf('"') < 0) {
      text.append(s);
    } else {
      text.append(s.replace("\"", "\"\""));
    }
    text.append('"');
    return this;
  }

  /** UTC timestamp, e.g. {@code 2026-08-01 09:15:00+00}. */
  Csv time(Instant value) {
    if (value == null) {
      return nul();
    }
    separate();
    long seconds = value.getEpochSecond();
    long day = Math.floorDiv(seconds, 86_400);
    if (day != cachedDay) {
      cachedDay = day;
      cachedDate = LocalDate.ofEpochDay(day).toString();
    }
    int secondOfDay = (int) (seconds - day * 86_400);
    text.append(cachedDate).append(' ');
    twoDigits(secondOfDay / 3600);
    text.append(':');
    twoDigits(secondOfDay / 60 % 60);
    text.append(':');
    twoDigits(secondOfDay % 60);
    if (value.getNano() != 0) {
      text.append('.').append(String.format("%06d", value.getNano() / 1000));
    }
    text.append("+00");
    return this;
  }

  Csv nul() {
    separate();
    return this;
  }

  void end() {
    text.append('\n');
    firstField = true;
    rows++;
  }

  int rows() {
    return rows;
  }

  Reader reader() {
    return new CharSequenceReader(text);
  }

  void clear() {
    text.setLength(0);
    rows = 0;
    firstField = true;
  }

  private void separate() {
    if (!firstField) {
      text.append(',');
    }
    firstField = false;
  }

  private void twoDigits(int value) {
    text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /** Reads the buffer without copying it into a String first. */
  private static final class CharSequenceReader extends Reader {
    private final CharSequence chars;
    private int position;

    CharSequenceReader(CharSequence chars) {
      this.chars = chars;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position >= chars.length()) {
        return -1;
      }
      int n = Math.min(length, chars.length() - position);
      if (chars instanceof StringBuilder builder) {
        builder.getChars(position, position + n, buffer, offset);
      } else {
        for (int i = 0; i < n; i++) {
          buffer[offset + i] = chars.charAt(position + i);
        }
      }
      position += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
