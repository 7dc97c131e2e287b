package io.backupdesk.web.account.api;

import io.backupdesk.web.common.InvalidInputException;

/** Reads a version from an {@code If-Match} header such as {@code "3"} or {@code W/"3"}. */
final class Etags {

  private Etags() {}

  static Integer parse(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    var raw = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Integer.valueOf(raw);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "If-Match", "If-Match must carry the version you read, e.g. \"3\".");
    }
  }
}
