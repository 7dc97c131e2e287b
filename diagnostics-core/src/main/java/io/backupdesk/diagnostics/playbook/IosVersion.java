package io.backupdesk.diagnostics.playbook;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An iOS version as Settings > General > About shows it: a major version with up to two more
 * numbers ({@code 17}, {@code 17.4}, {@code 17.4.1}). The text form is the one stored and exported.
 */
public record IosVersion(int major, Integer minor, Integer patch) {
  /**
   * The stored form, for forms, the API and a database CHECK alike: no leading zeros, at most three
   * numbers of one or two digits, the first at least 1.
   */
  public static final String PATTERN = "[1-9][0-9]?(\\.(0|[1-9][0-9]?)){0,2}";

  /** The longest text {@link #PATTERN} admits ("26.10.12"). */
  public static final int MAX_LENGTH = 8;

  private static final Pattern TYPED =
      Pattern.compile(
          "(?i)(?:ios\\s*)?([1-9][0-9]?)(?:\\.(0|[1-9][0-9]?)(?:\\.(0|[1-9][0-9]?))?)?");

  public IosVersion {
    if (major < 1 || major > 99) {
      throw new IllegalArgumentException("An iOS major version is 1 to 99, not " + major);
    }
    if (minor == null && patch != null) {
      throw new IllegalArgumentException("A patch number needs a minor number");
    }
    if ((minor != null && (minor < 0 || minor > 99))
        || (patch != null && (patch < 0 || patch > 99))) {
      throw new IllegalArgumentException("iOS version numbers after the first are 0 to 99");
    }
  }

  /**
   * Reads what an agent typed: surrounding spaces and an "iOS" prefix are forgiven ({@code iOS
   * 17.4}), anything else that is not {@link #PATTERN} is empty.
   */
  public static Optional<IosVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = TYPED.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new IosVersion(
            Integer.parseInt(m.group(1)),
            m.group(2) == null ? null : Integer.valueOf(m.group(2)),
            m.group(3) == null ? null : Integer.valueOf(m.group(3))));
  }

  /** "17.4.1": the canonical text, which always matches {@link #PATTERN}. */
  @Override
  public String toString() {
    return major + (minor == null ? "" : "." + minor) + (patch == null ? "" : "." + patch);
  }
}
