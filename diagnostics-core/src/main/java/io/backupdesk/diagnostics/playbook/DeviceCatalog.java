package io.backupdesk.diagnostics.playbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The iPhone models agents choose from. The list is data ({@code device-models.csv}) so that a new
 * iPhone is one more line, not a code change.
 */
public final class DeviceCatalog {
  /** What the agent picks when the customer's model is not listed or not known. */
  public static final String OTHER = "Other";

  private static final String RESOURCE = "device-models.csv";
  private static final List<DeviceVariant> ALL_VARIANTS = List.of(DeviceVariant.values());

  private final List<DeviceModel> models;
  private final Map<String, DeviceModel> byName;

  private DeviceCatalog(List<DeviceModel> models) {
    this.models = List.copyOf(models);
    Map<String, DeviceModel> index = new LinkedHashMap<>();
    for (DeviceModel model : models) {
      if (index.putIfAbsent(normalize(model.name()), model) != null) {
        throw new IllegalArgumentException("Device model listed twice: " + model.name());
      }
    }
    this.byName = Map.copyOf(index);
  }

  /** The catalogue shipped with this module, read once. */
  public static DeviceCatalog standard() {
    return Standard.INSTANCE;
  }

  private static final class Standard {
    static final DeviceCatalog INSTANCE = load();

    private static DeviceCatalog load() {
      try (InputStream in = DeviceCatalog.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("Missing classpath resource " + RESOURCE);
        }
        return parse(
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + RESOURCE, e);
      }
    }
  }

  /**
   * Reads {@code name,variant} lines; blank lines, {@code #} comments and a {@code name,variant}
   * header are ignored.
   */
  static DeviceCatalog parse(BufferedReader reader, String source) throws IOException {
    List<DeviceModel> models = new ArrayList<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty()
          || trimmed.startsWith("#")
          || trimmed.equalsIgnoreCase("name,variant")) {
        continue;
      }
      int comma = trimmed.lastIndexOf(',');
      try {
        if (comma < 0) {
          throw new IllegalArgumentException("expected 'name,variant'");
        }
        String name = trimmed.substring(0, comma);
        if (name.strip().equalsIgnoreCase(OTHER)) {
          throw new IllegalArgumentException("'" + OTHER + "' is reserved for unlisted models");
        }
        DeviceVariant variant = DeviceVariant.valueOf(trimmed.substring(comma + 1).strip());
        models.add(new DeviceModel(name, variant));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            source + " line " + lineNumber + " (" + trimmed + "): " + e.getMessage(), e);
      }
    }
    try {
      return new DeviceCatalog(models);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + ": " + e.getMessage(), e);
    }
  }

  public List<DeviceModel> models() {
    return models;
  }

  public Optional<DeviceModel> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byName.get(normalize(name)));
  }

  /**
   * The variant of a known model; both variants (Face ID first) when the model is unknown, so the
   * agent sees every set of instructions rather than a guess.
   */
  public List<DeviceVariant> variantsFor(String modelName) {
    return find(modelName).map(model -> List.of(model.variant())).orElse(ALL_VARIANTS);
  }

  private static String normalize(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
