package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.DeviceModel;
import io.backupdesk.diagnostics.playbook.DeviceVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A group of phones whose cases are pooled to learn a step order: all phones; a device family (Face
 * ID or Home button) on one iOS major version; or one catalogue model on one iOS major version.
 * Each segment learns from its own cases and borrows from its parent, the next wider segment.
 *
 * <p>Keys are stable text for storage: {@code all}, {@code face-id/ios-17}, {@code
 * home-button/ios-16/iPhone 8}.
 */
public record Segment(DeviceVariant family, Integer iosMajor, String model) {
  public static final Segment ALL = new Segment(null, null, null);
  private static final String ALL_KEY = "all";

  public Segment {
    if ((family == null) != (iosMajor == null)) {
      throw new IllegalArgumentException("A segment names a family and an iOS major, or neither");
    }
    if (model != null && family == null) {
      throw new IllegalArgumentException("A model segment also names its family and iOS major");
    }
    if (iosMajor != null && iosMajor < 1) {
      throw new IllegalArgumentException("iOS major versions start at 1, not " + iosMajor);
    }
    if (model != null && model.isBlank()) {
      throw new IllegalArgumentException("A model segment needs the model's name");
    }
  }

  /**
   * The segments a phone belongs to, narrowest first and {@link #ALL} last. A phone whose model is
   * not in the catalogue, or whose iOS version cannot be read, belongs to {@link #ALL} only.
   */
  public static List<Segment> chainFor(Device device) {
    Objects.requireNonNull(device, "device");
    var chain = new ArrayList<Segment>(3);
    Optional<DeviceModel> model = DeviceCatalog.standard().find(device.model());
    OptionalInt major = device.iosMajor();
    if (model.isPresent() && major.isPresent()) {
      DeviceVariant family = model.get().variant();
      chain.add(new Segment(family, major.getAsInt(), model.get().name()));
      chain.add(new Segment(family, major.getAsInt(), null));
    }
    chain.add(ALL);
    return List.copyOf(chain);
  }

  /** Reads a {@link #key()} back. */
  public static Segment parse(String key) {
    Objects.requireNonNull(key, "key");
    if (key.equals(ALL_KEY)) {
      return ALL;
    }
    String[] parts = key.split("/", 3);
    if (parts.length < 2 || !parts[1].startsWith("ios-")) {
      throw new IllegalArgumentException("Not a segment key: '" + key + "'");
    }
    try {
      DeviceVariant family =
          DeviceVariant.valueOf(parts[0].toUpperCase(Locale.ROOT).replace('-', '_'));
      int major = Integer.parseInt(parts[1].substring(4));
      return new Segment(family, major, parts.length == 3 ? parts[2] : null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a segment key: '" + key + "'", e);
    }
  }

  public String key() {
    if (family == null) {
      return ALL_KEY;
    }
    String base = family.name().toLowerCase(Locale.ROOT).replace('_', '-') + "/ios-" + iosMajor;
    return model == null ? base : base + "/" + model;
  }

  /** The next wider segment; empty for {@link #ALL}. */
  public Optional<Segment> parent() {
    if (family == null) {
      return Optional.empty();
    }
    return Optional.of(model == null ? ALL : new Segment(family, iosMajor, null));
  }

  /** "iPhone 8 on iOS 16", "Home-button phones on iOS 16", "All phones". */
  public String label() {
    if (family == null) {
      return "All phones";
    }
    String phones =
        model != null
            ? model
            : family == DeviceVariant.FACE_ID ? "Face ID phones" : "Home-button phones";
    return phones + " on iOS " + iosMajor;
  }

  @Override
  public String toString() {
    return key();
  }
}
