package io.backupdesk.diagnostics.playbook;

import java.util.Objects;

/**
 * An iPhone model an agent can pick for the customer's phone, with its button layout and the iOS
 * major versions it runs: from the one it shipped with ({@code firstIos}) to the last Apple
 * released for it ({@code lastIos}), or, while Apple still supports it, to the newest iOS the
 * catalogue knows ({@code lastIos} null).
 *
 * <p>A {@code retired} model stays known (tickets that name it keep their instructions, reports
 * keep counting it) but new tickets cannot name it.
 */
public record DeviceModel(
    String name, DeviceVariant variant, int firstIos, Integer lastIos, boolean retired) {
  public DeviceModel {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A device model needs a name");
    }
    name = name.strip();
    Objects.requireNonNull(variant, "variant");
    if (firstIos < 1 || (lastIos != null && lastIos < firstIos)) {
      throw new IllegalArgumentException(
          name + ": the iOS range " + firstIos + " to " + lastIos + " is not a range");
    }
  }

  /** A model new tickets may name. */
  public DeviceModel(String name, DeviceVariant variant, int firstIos, Integer lastIos) {
    this(name, variant, firstIos, lastIos, false);
  }

  /** Apple still releases iOS versions for it. */
  public boolean isSupported() {
    return lastIos == null;
  }

  /** The majors it runs, a supported model up to {@code newestIos}. */
  public IosRange supportedIos(int newestIos) {
    return IosRange.between(firstIos, lastIos == null ? Math.max(newestIos, firstIos) : lastIos);
  }
}
