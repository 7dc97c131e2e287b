package io.backupdesk.web.common;

import java.util.Optional;

/**
 * Whether a text can be stored as it was sent, for every way text comes in (JSON bodies, forms,
 * query and path parameters): PostgreSQL's text types refuse NUL (deep in a transaction, as a 500
 * if nothing refused it before), and an unpaired surrogate would be stored as '?', so not as
 * written.
 */
public final class Text {

  private Text() {}

  /** Why {@code text} cannot be stored as sent, or empty when it can. */
  public static Optional<String> unstorable(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return Optional.of("contains the character NUL (\\u0000): remove it.");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("contains half a character (an unpaired surrogate): send UTF-8.");
      }
    }
    return Optional.empty();
  }
}
