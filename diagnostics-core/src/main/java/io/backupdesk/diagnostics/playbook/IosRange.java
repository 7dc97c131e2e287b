package io.backupdesk.diagnostics.playbook;

import java.util.OptionalInt;

/**
 * A span of iOS major versions, open at either end: "iOS 15 and later", "iOS 14 and earlier", "iOS
 * 11 to 16", or every version. Instructions and device models use it; point releases never matter,
 * because Apple moves menus with major versions.
 */
public record IosRange(Integer from, Integer until) {
  private static final IosRange ANY = new IosRange(null, null);

  public IosRange {
    if (from != null && from < 1) {
      throw new IllegalArgumentException("iOS versions start at 1, not " + from);
    }
    if (until != null && until < 1) {
      throw new IllegalArgumentException("iOS versions start at 1, not " + until);
    }
    if (from != null && until != null && from > until) {
      throw new IllegalArgumentException(
          "An iOS range cannot run from " + from + " back to " + until);
    }
  }

  public static IosRange any() {
    return ANY;
  }

  /** This major version and every later one. */
  public static IosRange from(int major) {
    return new IosRange(major, null);
  }

  /** This major version and every earlier one. */
  public static IosRange until(int major) {
    return new IosRange(null, major);
  }

  public static IosRange between(int from, int until) {
    return new IosRange(from, until);
  }

  public boolean isAny() {
    return from == null && until == null;
  }

  public boolean contains(int major) {
    return (from == null || major >= from) && (until == null || major <= until);
  }

  /** True when the device's version is unknown: an unknown phone may be on any version. */
  public boolean admits(OptionalInt major) {
    return major.isEmpty() || contains(major.getAsInt());
  }

  public boolean overlaps(IosRange other) {
    int lo = Math.max(from == null ? 1 : from, other.from == null ? 1 : other.from);
    int hi =
        Math.min(
            until == null ? Integer.MAX_VALUE : until,
            other.until == null ? Integer.MAX_VALUE : other.until);
    return lo <= hi;
  }

  /** How headings and messages name the range, e.g. "iOS 15 and later". */
  public String label() {
    if (from == null && until == null) {
      return "every iOS version";
    }
    if (until == null) {
      return "iOS " + from + " and later";
    }
    if (from == null) {
      return "iOS " + until + " and earlier";
    }
    return from.equals(until) ? "iOS " + from : "iOS " + from + " to " + until;
  }

  @Override
  public String toString() {
    return label();
  }
}
