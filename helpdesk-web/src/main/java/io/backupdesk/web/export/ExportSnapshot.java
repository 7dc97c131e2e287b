package io.backupdesk.web.export;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which transactions a pull saw committed: a PostgreSQL {@code pg_snapshot}, written as it is,
 * {@code xmin:xmax:xip,...}. A transaction id is visible when it is below {@code xmin}, or below
 * {@code xmax} and not among the ones still running ({@code xip}). Parsed and written again here,
 * so its text can go into SQL inline.
 */
record ExportSnapshot(long xmin, long xmax, List<Long> xip) {

  ExportSnapshot {
    xip = List.copyOf(xip);
    if (xmin < 1 || xmax < xmin) {
      throw new IllegalArgumentException("xmin " + xmin + " and xmax " + xmax);
    }
    long previous = -1;
    for (long x : xip) {
      if (x < xmin || x >= xmax || x <= previous) {
        throw new IllegalArgumentException("running transaction " + x);
      }
      previous = x;
    }
  }

  /** A snapshot in which everything up to and including {@code txid} is committed. */
  static ExportSnapshot through(long txid) {
    return new ExportSnapshot(txid + 1, txid + 1, List.of());
  }

  /**
   * Parses {@code xmin:xmax:xip,...} (PostgreSQL's text) or {@code xmin:xmax:xip.xip} (a cursor's,
   * without commas, so that a CSV field holds it unquoted); IllegalArgumentException otherwise.
   */
  static ExportSnapshot parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(text);
    }
    var xip = new ArrayList<Long>();
    if (!parts[2].isEmpty()) {
      for (String x : parts[2].split("[,.]", -1)) {
        xip.add(number(x));
      }
    }
    return new ExportSnapshot(number(parts[0]), number(parts[1]), xip);
  }

  private static long number(String digits) {
    if (!digits.matches("\\d{1,19}")) {
      throw new IllegalArgumentException(digits);
    }
    return Long.parseLong(digits);
  }

  boolean visible(long txid) {
    return txid < xmin || (txid < xmax && !xip.contains(txid));
  }

  /**
   * Whether every transaction {@code earlier} saw committed is committed here too: true for any
   * later snapshot of the same server, false when this server has not yet replayed what a cursor
   * from elsewhere (a primary, a replica further ahead) has already delivered.
   */
  boolean includes(ExportSnapshot earlier) {
    if (earlier.xmax > xmax) {
      return false;
    }
    // Below earlier.xmax, a transaction still running here must have been running there too.
    return xip.stream().filter(x -> x < earlier.xmax).allMatch(x -> !earlier.visible(x));
  }

  /** The SQL literal. */
  String sql() {
    return "'" + this + "'::pg_snapshot";
  }

  /** As a cursor writes it: PostgreSQL's text with dots between the running transactions. */
  String token() {
    return toString().replace(',', '.');
  }

  /**
   * SQL: the row's last writer is visible in this snapshot (uses the change_txid index's bound).
   */
  String sawChange() {
    return "pg_visible_in_snapshot(x.change_txid, " + sql() + ")";
  }

  /**
   * SQL: the row's last writer is not visible in this snapshot; the bound on xmin lets the
   * (change_txid, id) index skip everything older.
   */
  String missedChange() {
    return "x.change_txid >= '" + xmin + "'::xid8 AND NOT " + sawChange();
  }

  @Override
  public String toString() {
    return xmin
        + ":"
        + xmax
        + ":"
        + xip.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
