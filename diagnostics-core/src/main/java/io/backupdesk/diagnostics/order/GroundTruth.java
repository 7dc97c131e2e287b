package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.DeviceModel;
import io.backupdesk.diagnostics.playbook.DeviceVariant;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What really goes wrong with phones that won't back up, for simulating cases and judging learned
 * orders against the best possible one: per group of phones (device family x iOS major), how often
 * each step's condition is the one real cause, how long each step takes and whether its fix works.
 *
 * <p>Read from a CSV file ({@code default-truth.csv} ships as the documented default):
 *
 * <pre>
 * scope,step,cause_weight,fix_works,check_median_min,check_spread,fix_median_min,fix_spread,backup_median_min,backup_spread,paid_fix_share
 * all,storage,30,0.88,3.5,0.5,4,0.6,10,0.5,0.45
 * all,none,4,,,,,,,,
 * home-button,restart,*2.2,,,,,,,,
 * ios-15,ios-update,*3,,,,,,,,
 * </pre>
 *
 * <ul>
 *   <li>Rows of scope {@code all} give every step's base values, all columns filled; the step
 *       {@code none} gives only the cause weight of cases no step can fix.
 *   <li>Other rows adjust the base for a group: scope {@code face-id} or {@code home-button} (a
 *       family), {@code ios-N} (an iOS major), or both as {@code home-button/ios-15}. An empty cell
 *       keeps the value, a number replaces it, {@code *x} multiplies it. Families apply first, then
 *       iOS majors, then both; within a scope, in file order.
 *   <li>Cause weights are relative: a group's shares are its weights divided by their sum.
 *       Durations are lognormal (median minutes and the spread of the log); the Apple-status step's
 *       "cause" is an outage, found by its check, with no fix and no test backup.
 *   <li>Blank lines and lines starting with {@code #} are ignored; the header is required.
 * </ul>
 */
public final class GroundTruth {
  public static final String DEFAULT_RESOURCE = "default-truth.csv";
  static final String HEADER =
      "scope,step,cause_weight,fix_works,check_median_min,check_spread,fix_median_min,fix_spread,"
          + "backup_median_min,backup_spread,paid_fix_share";
  private static final int COLUMNS = 11;
  private static final String NONE = "none";
  private static final String ALL = "all";

  private final Playbook playbook;
  private final List<Rule> rules;
  private final Map<Group, CaseTruth> cache = new ConcurrentHashMap<>();
  private final Map<Device, Group> groups = new ConcurrentHashMap<>();
  private final Map<OracleKey, OrderForecast> oracles = new ConcurrentHashMap<>();

  /** A family (null: unknown) on an iOS major (null: unknown): what the truth varies by. */
  private record Group(DeviceVariant family, Integer major) {
    @Override
    public String toString() {
      return family + "/" + major;
    }
  }

  private record OracleKey(Group group, CostWeights weights) {}

  private GroundTruth(Playbook playbook, List<Rule> rules) {
    this.playbook = playbook;
    this.rules = List.copyOf(rules);
  }

  /** The default truth shipped with the core, for this playbook. */
  public static GroundTruth standard(Playbook playbook) {
    try (InputStream in = GroundTruth.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + DEFAULT_RESOURCE);
      }
      return parse(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
          DEFAULT_RESOURCE,
          playbook);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * Reads a truth file; every mistake is an {@link IllegalArgumentException} naming the source and
   * line.
   */
  public static GroundTruth parse(BufferedReader reader, String source, Playbook playbook)
      throws IOException {
    Objects.requireNonNull(playbook, "playbook");
    var rules = new ArrayList<Rule>();
    boolean header = false;
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String where = source + " line " + lineNumber;
      if (!header) {
        if (!trimmed.replace(" ", "").equalsIgnoreCase(HEADER)) {
          throw new IllegalArgumentException(where + ": expected the header '" + HEADER + "'");
        }
        header = true;
        continue;
      }
      rules.add(Rule.parse(trimmed, where, playbook));
    }
    if (!header) {
      throw new IllegalArgumentException(source + ": empty; expected the header '" + HEADER + "'");
    }
    var truth = new GroundTruth(playbook, rules);
    truth.checkEveryGroup(source);
    return truth;
  }

  /** The truth for this phone's group: its family and iOS major, where known. */
  public CaseTruth forDevice(Device device) {
    return forGroup(groupOf(device));
  }

  /** The truth for a family (null: unknown) on an iOS major (null: unknown). */
  public CaseTruth forGroup(DeviceVariant family, Integer iosMajor) {
    return forGroup(new Group(family, iosMajor));
  }

  /** The oracle order for this phone under these weights, computed once per group. */
  public OrderForecast oracle(Device device, CostWeights weights) {
    Group group = groupOf(device);
    return oracles.computeIfAbsent(
        new OracleKey(group, weights), key -> forGroup(group).oracle(playbook, weights));
  }

  private CaseTruth forGroup(Group group) {
    return cache.computeIfAbsent(group, this::build);
  }

  private Group groupOf(Device device) {
    Group known = groups.get(device);
    if (known != null) {
      return known;
    }
    DeviceVariant family =
        DeviceCatalog.standard().find(device.model()).map(DeviceModel::variant).orElse(null);
    Integer major = device.iosMajor().isPresent() ? device.iosMajor().getAsInt() : null;
    Group group = new Group(family, major);
    // Reading the catalogue is slow for millions of simulated cases; free text keeps the set of
    // devices open-ended, so remembering stops at a bound.
    if (groups.size() < 10_000) {
      groups.put(device, group);
    }
    return group;
  }

  public Playbook playbook() {
    return playbook;
  }

  private CaseTruth build(Group group) {
    DeviceVariant family = group.family();
    Integer major = group.major();
    Map<String, double[]> values = new LinkedHashMap<>();
    for (Rule rule : rules) {
      if (rule.scope.equals(ALL)) {
        values.put(rule.step, rule.baseValues());
      }
    }
    rules.stream()
        .filter(rule -> rule.appliesTo(family, major))
        .sorted(Comparator.comparingInt(Rule::specificity))
        .forEach(rule -> rule.adjust(values.get(rule.step)));
    var steps = new ArrayList<StepTruth>();
    for (PlaybookStep step : playbook.steps()) {
      double[] v = values.get(step.key());
      steps.add(
          new StepTruth(
              step.key(),
              v[0],
              v[1],
              new LogNormalMinutes(v[2], v[3]),
              new LogNormalMinutes(v[4], v[5]),
              new LogNormalMinutes(v[6], v[7]),
              v[8]));
    }
    return new CaseTruth(steps, values.get(NONE)[0]);
  }

  /** Builds every group the rules mention, so a bad value fails at reading, not mid-simulation. */
  private void checkEveryGroup(String source) {
    Set<String> missing = new LinkedHashSet<>();
    for (PlaybookStep step : playbook.steps()) {
      missing.add(step.key());
    }
    missing.add(NONE);
    Set<String> given = new LinkedHashSet<>();
    for (Rule rule : rules) {
      if (rule.scope.equals(ALL)) {
        if (!given.add(rule.step)) {
          throw new IllegalArgumentException(
              rule.where + ": step '" + rule.step + "' already has an 'all' row");
        }
        missing.remove(rule.step);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          source + ": no 'all' row for " + String.join(", ", missing));
    }
    Set<Integer> majors = new LinkedHashSet<>();
    majors.add(null);
    rules.forEach(rule -> majors.add(rule.major));
    for (DeviceVariant family :
        new DeviceVariant[] {null, DeviceVariant.FACE_ID, DeviceVariant.HOME_BUTTON}) {
      for (Integer major : majors) {
        try {
          forGroup(family, major);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              source + ": for " + new Group(family, major) + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** One row of the file. */
  private static final class Rule {
    final String scope;
    final DeviceVariant family;
    final Integer major;
    final String step;
    final String[] cells;
    final String where;

    private Rule(
        String scope,
        DeviceVariant family,
        Integer major,
        String step,
        String[] cells,
        String where) {
      this.scope = scope;
      this.family = family;
      this.major = major;
      this.step = step;
      this.cells = cells;
      this.where = where;
    }

    static Rule parse(String line, String where, Playbook playbook) {
      String[] columns = line.split(",", -1);
      if (columns.length != COLUMNS) {
        throw new IllegalArgumentException(
            where + ": expected " + COLUMNS + " columns, found " + columns.length);
      }
      String scope = columns[0].strip().toLowerCase(Locale.ROOT);
      String step = columns[1].strip();
      if (!step.equals(NONE) && playbook.step(step).isEmpty()) {
        throw new IllegalArgumentException(
            where + ": playbook v" + playbook.version() + " has no step '" + step + "'");
      }
      String[] cells = Arrays.copyOfRange(columns, 2, COLUMNS);
      for (int i = 0; i < cells.length; i++) {
        cells[i] = cells[i].strip();
      }
      DeviceVariant family = null;
      Integer major = null;
      if (!scope.equals(ALL)) {
        for (String part : scope.split("/")) {
          if (part.startsWith("ios-") && major == null) {
            major = major(part.substring(4), where, scope);
          } else if (family == null && (part.equals("face-id") || part.equals("home-button"))) {
            family = DeviceVariant.valueOf(part.toUpperCase(Locale.ROOT).replace('-', '_'));
          } else {
            throw new IllegalArgumentException(
                where
                    + ": scope '"
                    + scope
                    + "' is not all, face-id, home-button, ios-N or family/ios-N");
          }
        }
      }
      var rule = new Rule(scope, family, major, step, cells, where);
      if (scope.equals(ALL)) {
        rule.baseValues();
      } else {
        rule.adjust(new double[cells.length]);
      }
      return rule;
    }

    boolean appliesTo(DeviceVariant deviceFamily, Integer deviceMajor) {
      return !scope.equals(ALL)
          && (family == null || family == deviceFamily)
          && (major == null || major.equals(deviceMajor));
    }

    int specificity() {
      return (family != null ? 1 : 0)
          + (major != null ? 2 : 0)
          + (family != null && major != null ? 1 : 0);
    }

    double[] baseValues() {
      double[] values = new double[cells.length];
      int needed = step.equals(NONE) ? 1 : cells.length;
      for (int i = 0; i < cells.length; i++) {
        if (i < needed) {
          if (cells[i].isEmpty() || cells[i].startsWith("*")) {
            throw new IllegalArgumentException(
                where + ": a row of scope 'all' gives a plain number in every column");
          }
          values[i] = number(cells[i], where, "column " + (i + 3));
        } else if (!cells[i].isEmpty()) {
          throw new IllegalArgumentException(where + ": the row 'none' gives only cause_weight");
        }
      }
      return values;
    }

    void adjust(double[] values) {
      for (int i = 0; i < cells.length; i++) {
        String cell = cells[i];
        if (cell.isEmpty()) {
          continue;
        }
        if (step.equals(NONE) && i > 0) {
          throw new IllegalArgumentException(where + ": the row 'none' gives only cause_weight");
        }
        if (cell.startsWith("*")) {
          values[i] *= number(cell.substring(1), where, "multiplier in column " + (i + 3));
        } else {
          values[i] = number(cell, where, "column " + (i + 3));
        }
      }
    }

    private static int major(String text, String where, String scope) {
      try {
        int major = Integer.parseInt(text);
        if (major >= 1) {
          return major;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          where + ": scope '" + scope + "' names iOS major '" + text + "', not a whole number");
    }

    private static double number(String text, String where, String what) {
      try {
        double value = Double.parseDouble(text.strip());
        if (!(value >= 0) || Double.isInfinite(value)) {
          throw new NumberFormatException();
        }
        return value;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            where + ": " + what + " must be a number 0 or more, not '" + text + "'");
      }
    }
  }
}
