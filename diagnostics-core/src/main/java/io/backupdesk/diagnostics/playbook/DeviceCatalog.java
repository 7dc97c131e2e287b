package io.backupdesk.diagnostics.playbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The iPhone models agents choose from, each with its button layout and the iOS versions it runs.
 * The list is data ({@code device-models.csv}, or rows an administrator keeps in the database) so
 * that a new iPhone is one more row, not a code change.
 *
 * <p>The newest iOS the catalogue knows is the highest version any of its rows names: every
 * September Apple ships a new iOS together with iPhones that start on it, so adding the new models
 * raises it. {@link #withNewestIos} raises it before the new models are added.
 *
 * <p>A ticket's model is a catalogue name or {@link #OTHER}, never free text: what reaches the
 * export in the {@code device_model} column is one of these names, which start with a letter or a
 * digit and so can never be read as a spreadsheet formula. With {@code Other}, the customer's own
 * description of the phone belongs in the ticket's description, not in the model.
 */
public final class DeviceCatalog {
  /** What the agent picks when the customer's model is not listed or not known. */
  public static final String OTHER = "Other";

  /** The longest model name (the ticket's column holds 60 characters). */
  public static final int MAX_NAME_LENGTH = 60;

  /**
   * What a model name may look like: it starts with a letter or digit (so no spreadsheet reads it
   * as a formula) and holds only letters, digits, spaces and {@code ( ) + . ' / -}.
   */
  public static final String NAME_PATTERN = "[\\p{L}\\p{N}][\\p{L}\\p{N} ()+.'/-]*";

  private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
  private static final String RESOURCE = "device-models.csv";
  private static final String HEADER = "name,variant,first_ios,last_ios";
  private static final int HIGHEST_MAJOR = 99;
  private static final List<DeviceVariant> ALL_VARIANTS = List.of(DeviceVariant.values());

  private final List<DeviceModel> models;
  private final Map<String, DeviceModel> byName;
  private final int oldestIos;
  private final int newestIos;

  private DeviceCatalog(List<DeviceModel> models, int newestIos) {
    this.models = List.copyOf(models);
    Map<String, DeviceModel> index = new LinkedHashMap<>();
    int oldest = Integer.MAX_VALUE;
    for (DeviceModel model : models) {
      if (index.putIfAbsent(normalize(model.name()), model) != null) {
        throw new IllegalArgumentException("Device model listed twice: " + model.name());
      }
      oldest = Math.min(oldest, model.firstIos());
    }
    if (models.isEmpty()) {
      throw new IllegalArgumentException("A device catalogue needs at least one model");
    }
    int newest = highestNamed(models);
    if (newestIos < newest) {
      throw new IllegalArgumentException(
          "The newest iOS cannot be " + newestIos + ": the catalogue names iOS " + newest);
    }
    this.byName = Map.copyOf(index);
    this.oldestIos = oldest;
    this.newestIos = newestIos;
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
   * Builds a catalogue from rows as an administrator or a file wrote them, checking all of them:
   * every name present, at most {@value #MAX_NAME_LENGTH} characters, of the form {@link
   * #NAME_PATTERN}, not {@code Other}, and unique whatever its letter case and spacing; every
   * variant one of {@link DeviceVariant}; every first iOS version 1 to 99 and every last one empty
   * or between the first and 99. Problems name their row as {@code models[i].field} (i from 0).
   */
  public static Validated<DeviceCatalog> build(List<CatalogRow> rows) {
    List<FieldProblem> problems = new ArrayList<>();
    List<DeviceModel> models = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    if (rows == null || rows.isEmpty()) {
      return Validated.invalid(
          List.of(new FieldProblem("models", "The catalogue needs at least one model")));
    }
    for (int i = 0; i < rows.size(); i++) {
      CatalogRow row = rows.get(i);
      String at = "models[" + i + "].";
      if (row == null) {
        problems.add(new FieldProblem("models[" + i + "]", "An empty row: remove it"));
        continue;
      }
      int before = problems.size();
      String name = row.name() == null ? "" : row.name().strip().replaceAll("\\s+", " ");
      if (name.isEmpty()) {
        problems.add(new FieldProblem(at + "name", "Every model needs its name, e.g. iPhone 16"));
      } else if (name.length() > MAX_NAME_LENGTH) {
        problems.add(
            new FieldProblem(
                at + "name", "Keep the name to " + MAX_NAME_LENGTH + " characters or fewer"));
      } else if (!NAME.matcher(name).matches()) {
        problems.add(
            new FieldProblem(
                at + "name",
                "Start the name with a letter or digit and use only letters, digits, spaces and"
                    + " ( ) + . ' / -"));
      } else if (name.equalsIgnoreCase(OTHER)) {
        problems.add(
            new FieldProblem(
                at + "name", "'" + OTHER + "' is reserved for models the catalogue does not list"));
      } else {
        Integer first = seen.putIfAbsent(normalize(name), i);
        if (first != null) {
          problems.add(
              new FieldProblem(
                  at + "name", "'" + name + "' is already listed as model " + (first + 1)));
        }
      }
      DeviceVariant variant = null;
      try {
        variant =
            DeviceVariant.valueOf(
                row.variant() == null ? "" : row.variant().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem(
                at + "variant",
                "Choose the family: FACE_ID (iPhone X and later) or HOME_BUTTON (iPhone 8 and"
                    + " earlier, every SE)"));
      }
      Integer firstIos = row.firstIos();
      Integer lastIos = row.lastIos();
      if (firstIos == null || firstIos < 1 || firstIos > HIGHEST_MAJOR) {
        problems.add(
            new FieldProblem(
                at + "firstIos",
                "Give the iOS major version the model shipped with, 1 to " + HIGHEST_MAJOR));
      } else if (lastIos != null && (lastIos < firstIos || lastIos > HIGHEST_MAJOR)) {
        problems.add(
            new FieldProblem(
                at + "lastIos",
                "The last iOS version must be between the first ("
                    + firstIos
                    + ") and "
                    + HIGHEST_MAJOR
                    + "; leave it empty while Apple still supports the model"));
      }
      if (problems.size() == before) {
        models.add(new DeviceModel(name, variant, firstIos, lastIos, row.retired()));
      }
    }
    if (!problems.isEmpty()) {
      return Validated.invalid(problems);
    }
    return Validated.valid(new DeviceCatalog(models, highestNamed(models)));
  }

  /**
   * The catalogue with one more model, checked with every model already there by the rules of
   * {@link #build}; problems name the row's own fields ({@code name}, {@code variant}, {@code
   * firstIos}, {@code lastIos}) as a form shows them.
   */
  public Validated<DeviceCatalog> adding(CatalogRow row) {
    List<CatalogRow> rows = new ArrayList<>(rows());
    rows.add(row);
    return rebuilt(rows, rows.size() - 1);
  }

  /**
   * The catalogue with the named model's family and iOS range changed, by the same rules as adding
   * it. The name is the model's key (tickets store it) and stays; a name the catalogue does not
   * know is refused.
   */
  public Validated<DeviceCatalog> editing(
      String name, String variant, Integer firstIos, Integer lastIos) {
    int at = indexOf(name);
    if (at < 0) {
      return unknown(name);
    }
    List<CatalogRow> rows = new ArrayList<>(rows());
    rows.set(at, rows.get(at).changed(variant, firstIos, lastIos));
    return rebuilt(rows, at);
  }

  /**
   * The catalogue with the named model retired ({@code retired} true) or back in use. A retired
   * model stays known to {@link #find}, {@link #variantsFor} and {@link #supportedIos}, so tickets
   * that name it keep their instructions; {@link #check} refuses it for new tickets and {@link
   * #activeModels} leaves it out of pick lists.
   */
  public Validated<DeviceCatalog> retiring(String name, boolean retired) {
    int at = indexOf(name);
    if (at < 0) {
      return unknown(name);
    }
    List<CatalogRow> rows = new ArrayList<>(rows());
    rows.set(at, rows.get(at).withRetired(retired));
    return rebuilt(rows, at);
  }

  private int indexOf(String name) {
    Optional<DeviceModel> found = find(name);
    return found.map(models::indexOf).orElse(-1);
  }

  private static Validated<DeviceCatalog> unknown(String name) {
    return Validated.invalid(
        List.of(
            new FieldProblem(
                "name",
                "The catalogue has no model named '"
                    + (name == null ? "" : name.strip())
                    + "': add it instead")));
  }

  /** Builds all rows, keeping only the problems of row {@code at}, named by its own fields. */
  private static Validated<DeviceCatalog> rebuilt(List<CatalogRow> rows, int at) {
    Validated<DeviceCatalog> built = build(rows);
    if (built.isValid()) {
      return built;
    }
    String prefix = "models[" + at + "].";
    return Validated.invalid(
        built.problems().stream()
            .map(
                p ->
                    new FieldProblem(
                        p.field().startsWith(prefix)
                            ? p.field().substring(prefix.length())
                            : p.field(),
                        p.message()))
            .toList());
  }

  /**
   * The same catalogue, knowing a newer iOS than any of its rows names (released before the new
   * iPhones).
   */
  public DeviceCatalog withNewestIos(int newest) {
    if (newest > HIGHEST_MAJOR) {
      throw new IllegalArgumentException("iOS versions go up to " + HIGHEST_MAJOR);
    }
    return new DeviceCatalog(models, newest);
  }

  /**
   * Reads {@code name,variant,first_ios,last_ios} lines ({@code last_ios} empty while supported);
   * blank lines, {@code #} comments and the header are ignored. A broken file fails with every
   * problem and its line.
   */
  static DeviceCatalog parse(BufferedReader reader, String source) throws IOException {
    List<CatalogRow> rows = new ArrayList<>();
    List<Integer> lineOfRow = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equalsIgnoreCase(HEADER)) {
        continue;
      }
      String[] fields = trimmed.split(",", -1);
      if (fields.length != 4) {
        errors.add(source + " line " + lineNumber + ": expected '" + HEADER + "'");
        continue;
      }
      rows.add(new CatalogRow(fields[0], fields[1], number(fields[2]), number(fields[3])));
      lineOfRow.add(lineNumber);
    }
    Validated<DeviceCatalog> built = build(rows);
    for (FieldProblem problem : built.problems()) {
      String field = problem.field();
      int row =
          field.startsWith("models[")
              ? Integer.parseInt(field.substring(7, field.indexOf(']')))
              : -1;
      errors.add(
          source
              + (row >= 0 ? " line " + lineOfRow.get(row) + " (" + field + ")" : "")
              + ": "
              + problem.message());
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException(String.join("; ", errors));
    }
    return built.orElseThrow(source);
  }

  private static Integer number(String field) {
    String text = field.strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public List<DeviceModel> models() {
    return models;
  }

  /** The models new tickets may name, in catalogue order: every model not retired. */
  public List<DeviceModel> activeModels() {
    return models.stream().filter(model -> !model.retired()).toList();
  }

  /** The rows that rebuild this catalogue, e.g. to load it into the database. */
  public List<CatalogRow> rows() {
    return models.stream().map(CatalogRow::of).toList();
  }

  /** Whether a ticket may name this model: a catalogue name (any letter case) or {@code Other}. */
  public boolean accepts(String model) {
    return model != null && (model.strip().equalsIgnoreCase(OTHER) || find(model).isPresent());
  }

  /** The model of this name, whatever its letter case and spacing. */
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

  /** The variants of the catalogue's models, in declaration order. */
  public Set<DeviceVariant> variants() {
    Set<DeviceVariant> variants = EnumSet.noneOf(DeviceVariant.class);
    models.forEach(model -> variants.add(model.variant()));
    return variants;
  }

  /** The oldest iOS major any listed model shipped with. */
  public int oldestIos() {
    return oldestIos;
  }

  /** The newest iOS major the catalogue knows. */
  public int newestIos() {
    return newestIos;
  }

  /**
   * The majors a phone of this model can run; for {@code Other} or an unknown model, every major
   * from the oldest listed model's first to the newest.
   */
  public IosRange supportedIos(String modelName) {
    return find(modelName)
        .map(model -> model.supportedIos(newestIos))
        .orElse(IosRange.between(oldestIos, newestIos));
  }

  /**
   * Checks a phone as typed on a ticket. Both fields are required (the ticket stores both). The
   * model must be a catalogue name or {@code Other} (letter case and spacing are forgiven; the
   * catalogue's spelling is what to store); the iOS version must read as {@link IosVersion} and its
   * major must be one the model runs. A retired model is refused: this check is for new tickets.
   * Every problem is reported at once.
   */
  public DeviceCheck check(String model, String iosVersion) {
    List<FieldProblem> problems = new ArrayList<>(2);
    String modelName = null;
    String phone = null;
    if (model == null || model.isBlank()) {
      problems.add(
          new FieldProblem(
              DeviceCheck.MODEL_FIELD,
              "Choose the phone's model from the list, or Other if it is not listed"));
    } else if (model.strip().equalsIgnoreCase(OTHER)) {
      modelName = OTHER;
      phone = "An unlisted iPhone";
    } else {
      Optional<DeviceModel> found = find(model);
      if (found.isEmpty()) {
        problems.add(
            new FieldProblem(
                DeviceCheck.MODEL_FIELD,
                "This model is not in the device catalogue: choose it from the list, or Other and"
                    + " write the customer's description of the phone in the ticket's"
                    + " description"));
      } else if (found.get().retired()) {
        problems.add(
            new FieldProblem(
                DeviceCheck.MODEL_FIELD,
                "The "
                    + found.get().name()
                    + " is retired from the device catalogue: new tickets cannot name it. Choose"
                    + " the customer's model from the list, or Other"));
      } else {
        modelName = found.get().name();
        phone = article(modelName) + " " + modelName;
      }
    }
    String version = null;
    if (iosVersion == null || iosVersion.isBlank()) {
      problems.add(
          new FieldProblem(
              DeviceCheck.IOS_FIELD,
              "Enter the iOS version shown under Settings > General > About, e.g. 17.4.1"));
    } else {
      Optional<IosVersion> parsed = IosVersion.parse(iosVersion);
      if (parsed.isEmpty()) {
        problems.add(
            new FieldProblem(
                DeviceCheck.IOS_FIELD,
                "Write the iOS version as Settings > General > About shows it, e.g. 17, 17.4 or"
                    + " 17.4.1"));
      } else if (modelName != null && !supportedIos(modelName).contains(parsed.get().major())) {
        problems.add(
            new FieldProblem(DeviceCheck.IOS_FIELD, outOfRange(phone, modelName, parsed.get())));
      } else {
        version = parsed.get().toString();
      }
    }
    return new DeviceCheck(
        problems.isEmpty() ? modelName : null, problems.isEmpty() ? version : null, problems);
  }

  private String outOfRange(String phone, String modelName, IosVersion version) {
    IosRange range = supportedIos(modelName);
    boolean stillSupported = find(modelName).map(DeviceModel::isSupported).orElse(true);
    return phone
        + " runs iOS "
        + range.from()
        + " to "
        + range.until()
        + (stillSupported ? " (the newest the desk knows)" : "")
        + ", not "
        + version
        + ": check the version under Settings > General > About"
        + (modelName.equals(OTHER) ? "" : ", and the model");
  }

  private static String article(String name) {
    return "AEIOUaeiou".indexOf(name.charAt(0)) >= 0 ? "An" : "A";
  }

  private static int highestNamed(List<DeviceModel> models) {
    int newest = 1;
    for (DeviceModel model : models) {
      newest = Math.max(newest, model.lastIos() == null ? model.firstIos() : model.lastIos());
    }
    return newest;
  }

  private static String normalize(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
