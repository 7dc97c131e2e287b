package io.backupdesk.diagnostics.playbook;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's phone as the agent noted it: a catalogue model name (or "Other") and the iOS
 * version, either of which may be unknown (null).
 */
public record Device(String model, String iosVersion) {
  private static final Pattern IOS_VERSION =
      Pattern.compile("(?i)(?:ios\\s*)?(\\d{1,2})(?:\\.\\d+)*");

  public Device {
    model = blankToNull(model);
    iosVersion = blankToNull(iosVersion);
  }

  /** The variants whose instructions apply: one for a known model, all for an unknown one. */
  public List<DeviceVariant> variants() {
    return DeviceCatalog.standard().variantsFor(model);
  }

  /** The major iOS version ("17.4.1" and "iOS 17" give 17), empty when it cannot be read. */
  public OptionalInt iosMajor() {
    if (iosVersion == null) {
      return OptionalInt.empty();
    }
    Matcher matcher = IOS_VERSION.matcher(iosVersion);
    if (!matcher.matches()) {
      return OptionalInt.empty();
    }
    int major = Integer.parseInt(matcher.group(1));
    return major == 0 ? OptionalInt.empty() : OptionalInt.of(major);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
