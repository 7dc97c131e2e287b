package io.backupdesk.web.export;

import io.backupdesk.web.common.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Where an export resumes. A pull sends every row whose last writer its snapshot sees committed and
 * the cursor's snapshot did not, so each committed change is delivered by exactly one pull,
 * whatever order writers commit in and however long another transaction stays open.
 *
 * <p>Two forms. After a whole pull (the Export-Next-Cursor header): {@code seen}, the snapshot of
 * that pull, {@code xmin:xmax:xip.xip} (PostgreSQL's text, dots for its commas). After one row
 * ({@code cursor} column): {@code seen~pulled~txid-id}: everything {@code seen} saw was delivered
 * before, and of what {@code pulled} (the snapshot of the pull that sent the row) added, the rows
 * up to (txid, id) in (change_txid, id) order; {@code seen} is {@code 0} in a first pull. The old
 * form {@code txid-id} (before version 13) still works: it meant every change up to that row.
 */
record ExportCursor(ExportSnapshot seen, ExportSnapshot pulled, long txid, long id) {

  private static final String NOTHING = "0";
  private static final Pattern ROW = Pattern.compile("^(\\d{1,19})-(\\d{1,19})$");

  /** The cursor after a whole pull that saw {@code snapshot}. */
  static ExportCursor after(ExportSnapshot snapshot) {
    return new ExportCursor(snapshot, null, 0, 0);
  }

  /** Whether this cursor stops inside a pull (after one of its rows). */
  boolean inside() {
    return pulled != null;
  }

  /** The newest snapshot whose changes this cursor has (at least partly) delivered. */
  ExportSnapshot latest() {
    return inside() ? pulled : seen;
  }

  static ExportCursor parse(String text) {
    String value = text.strip();
    try {
      var legacy = ROW.matcher(value);
      if (legacy.matches()) {
        long txid = Long.parseLong(legacy.group(1));
        return new ExportCursor(
            txid == 0 ? null : ExportSnapshot.through(txid - 1),
            ExportSnapshot.through(txid),
            txid,
            Long.parseLong(legacy.group(2)));
      }
      String[] parts = value.split("~", -1);
      if (parts.length == 1) {
        return after(ExportSnapshot.parse(parts[0]));
      }
      if (parts.length == 3) {
        var row = ROW.matcher(parts[2]);
        if (row.matches()) {
          return new ExportCursor(
              parts[0].equals(NOTHING) ? null : ExportSnapshot.parse(parts[0]),
              ExportSnapshot.parse(parts[1]),
              Long.parseLong(row.group(1)),
              Long.parseLong(row.group(2)));
        }
      }
    } catch (IllegalArgumentException e) {
      // not a cursor (NumberFormatException included): reported below
    }
    throw new InvalidInputException(
        "cursor",
        "cursor must be the value of a previous response's Export-Next-Cursor header (or of a"
            + " row's cursor column), like 7421:7433:7425.7430; got '"
            + text
            + "'.");
  }

  /** The text of a row cursor's fixed part, before its (txid, id): {@code seen~pulled~}. */
  static String rowPrefix(ExportSnapshot seen, ExportSnapshot pulled) {
    return (seen == null ? NOTHING : seen.token()) + "~" + pulled.token() + "~";
  }

  @Override
  public String toString() {
    return inside() ? rowPrefix(seen, pulled) + txid + "-" + id : seen.token();
  }
}
