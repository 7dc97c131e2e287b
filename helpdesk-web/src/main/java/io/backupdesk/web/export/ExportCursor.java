package io.backupdesk.web.export;

import io.backupdesk.web.common.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Where an export resumes: the (change_txid, id) of the last row a consumer received, written
 * {@code <txid>-<id>}. Rows are sent in (change_txid, id) order, so "after the cursor" is exact.
 */
record ExportCursor(long txid, long id) {

  static final ExportCursor START = new ExportCursor(0, 0);

  private static final Pattern FORMAT = Pattern.compile("^(\\d{1,19})-(\\d{1,19})$");

  static ExportCursor parse(String text) {
    var match = FORMAT.matcher(text.strip());
    try {
      if (match.matches()) {
        return new ExportCursor(Long.parseLong(match.group(1)), Long.parseLong(match.group(2)));
      }
    } catch (NumberFormatException e) {
      // out of range: reported below
    }
    throw new InvalidInputException(
        "cursor",
        "cursor must be the value of a previous response's Export-Next-Cursor header (or of the"
            + " last row's cursor column), like 7421-1093; got '"
            + text
            + "'.");
  }

  @Override
  public String toString() {
    return txid + "-" + id;
  }
}
