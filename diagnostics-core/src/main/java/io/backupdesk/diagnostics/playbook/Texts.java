package io.backupdesk.diagnostics.playbook;

import java.util.regex.Pattern;

final class Texts {
  private static final Pattern SLUG = Pattern.compile(PlaybookStep.KEY_PATTERN);

  private Texts() {}

  static String require(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Missing " + what);
    }
    return text.strip();
  }

  /** Keys end up in URLs and stored results, so they stay lower-case words joined by dashes. */
  static String requireSlug(String key, String what) {
    if (key == null || !SLUG.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "Invalid " + what + " '" + key + "': use lower-case words joined by dashes");
    }
    return key;
  }
}
