package io.backupdesk.tools.generator;

import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.DeviceModel;
import io.backupdesk.diagnostics.playbook.DeviceVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The phones customers call about: catalogue models weighted by how common they are, each on an iOS
 * version it supports, newer versions more likely (most people update).
 */
final class Phones {

  /** iOS majors the generator knows, oldest first, with a few point releases each. */
  static final int[] MAJORS = {15, 16, 17, 18, 26};

  private static final String[][] VERSIONS = {
    {"15.7.9", "15.8.3", "15.8.4"},
    {"16.6.1", "16.7.10", "16.7.11"},
    {"17.5.1", "17.6.1", "17.7.2"},
    {"18.5", "18.6.2", "18.7.1"},
    {"26.1", "26.3", "26.5.1", "26.6"},
  };

  /**
   * Popularity, oldest and newest iOS major for the catalogue's models. A model missing here (a
   * newer catalogue) gets {@link #UNKNOWN_MODEL}.
   */
  private static final Map<String, Profile> PROFILES =
      Map.ofEntries(
          Map.entry("iPhone 6s", new Profile(1.0, 15, 15)),
          Map.entry("iPhone 6s Plus", new Profile(0.5, 15, 15)),
          Map.entry("iPhone SE (1st generation)", new Profile(0.7, 15, 15)),
          Map.entry("iPhone 7", new Profile(1.5, 15, 15)),
          Map.entry("iPhone 7 Plus", new Profile(1.0, 15, 15)),
          Map.entry("iPhone 8", new Profile(2.0, 15, 16)),
          Map.entry("iPhone 8 Plus", new Profile(1.5, 15, 16)),
          Map.entry("iPhone X", new Profile(1.5, 15, 16)),
          Map.entry("iPhone XR", new Profile(3.0, 15, 18)),
          Map.entry("iPhone XS", new Profile(1.5, 15, 18)),
          Map.entry("iPhone XS Max", new Profile(1.2, 15, 18)),
          Map.entry("iPhone 11", new Profile(5.0, 15, 26)),
          Map.entry("iPhone 11 Pro", new Profile(2.0, 15, 26)),
          Map.entry("iPhone 11 Pro Max", new Profile(2.0, 15, 26)),
          Map.entry("iPhone SE (2nd generation)", new Profile(3.0, 15, 26)),
          Map.entry("iPhone 12 mini", new Profile(1.5, 15, 26)),
          Map.entry("iPhone 12", new Profile(5.0, 15, 26)),
          Map.entry("iPhone 12 Pro", new Profile(3.0, 15, 26)),
          Map.entry("iPhone 12 Pro Max", new Profile(2.5, 15, 26)),
          Map.entry("iPhone 13 mini", new Profile(1.5, 15, 26)),
          Map.entry("iPhone 13", new Profile(6.0, 15, 26)),
          Map.entry("iPhone 13 Pro", new Profile(3.5, 15, 26)),
          Map.entry("iPhone 13 Pro Max", new Profile(3.0, 15, 26)),
          Map.entry("iPhone SE (3rd generation)", new Profile(2.5, 15, 26)),
          Map.entry("iPhone 14", new Profile(5.0, 16, 26)),
          Map.entry("iPhone 14 Plus", new Profile(2.0, 16, 26)),
          Map.entry("iPhone 14 Pro", new Profile(4.0, 16, 26)),
          Map.entry("iPhone 14 Pro Max", new Profile(4.0, 16, 26)),
          Map.entry("iPhone 15", new Profile(6.0, 17, 26)),
          Map.entry("iPhone 15 Plus", new Profile(2.0, 17, 26)),
          Map.entry("iPhone 15 Pro", new Profile(5.0, 17, 26)),
          Map.entry("iPhone 15 Pro Max", new Profile(5.0, 17, 26)),
          Map.entry("iPhone 16", new Profile(6.0, 18, 26)),
          Map.entry("iPhone 16 Plus", new Profile(2.0, 18, 26)),
          Map.entry("iPhone 16 Pro", new Profile(5.0, 18, 26)),
          Map.entry("iPhone 16 Pro Max", new Profile(5.0, 18, 26)),
          Map.entry("iPhone 16e", new Profile(2.5, 18, 26)),
          Map.entry("iPhone 17", new Profile(4.0, 26, 26)),
          Map.entry("iPhone Air", new Profile(1.5, 26, 26)),
          Map.entry("iPhone 17 Pro", new Profile(3.0, 26, 26)),
          Map.entry("iPhone 17 Pro Max", new Profile(3.0, 26, 26)));

  private static final Profile UNKNOWN_MODEL = new Profile(1.0, 15, 26);

  /** A phone as the ticket records it. {@code model} indexes {@link #model}. */
  record Phone(int model, String modelName, DeviceVariant variant, int majorIndex, String ios) {
    boolean onNewestIos() {
      return ios.equals(VERSIONS[VERSIONS.length - 1][VERSIONS[VERSIONS.length - 1].length - 1]);
    }

    /** How many majors behind the newest the phone is (0 = newest). */
    int majorsBehind() {
      return MAJORS.length - 1 - majorIndex;
    }
  }

  private record Profile(double weight, int oldestMajor, int newestMajor) {}

  private final List<String> names = new ArrayList<>();
  private final List<DeviceVariant> variants = new ArrayList<>();
  private final List<int[]> majorIndexes = new ArrayList<>();
  private final double[] cumulative;

  Phones(DeviceCatalog catalog) {
    var weights = new ArrayList<Double>();
    for (DeviceModel model : catalog.models()) {
      Profile profile = PROFILES.getOrDefault(model.name(), UNKNOWN_MODEL);
      add(model.name(), model.variant(), profile, weights);
    }
    // Some customers do not know their model.
    add(DeviceCatalog.OTHER, null, new Profile(1.0, 15, 26), weights);
    cumulative = Weights.cumulative(weights);
  }

  private void add(String name, DeviceVariant variant, Profile profile, List<Double> weights) {
    var supported = new ArrayList<Integer>();
    for (int i = 0; i < MAJORS.length; i++) {
      if (MAJORS[i] >= profile.oldestMajor() && MAJORS[i] <= profile.newestMajor()) {
        supported.add(i);
      }
    }
    if (supported.isEmpty()) {
      supported.add(MAJORS.length - 1);
    }
    names.add(name);
    variants.add(variant);
    majorIndexes.add(supported.stream().mapToInt(Integer::intValue).toArray());
    weights.add(profile.weight());
  }

  Phone pick(SplittableRandom random) {
    return onModel(Weights.pick(cumulative, random), random);
  }

  /** The same model, perhaps updated since: what a repeat customer usually calls about. */
  Phone onModel(int model, SplittableRandom random) {
    int[] supported = majorIndexes.get(model);
    // Newest supported major most likely: 60%, then 22%, 10%, and the rest.
    double u = random.nextDouble();
    int back = u < 0.6 ? 0 : u < 0.82 ? 1 : u < 0.92 ? 2 : 3;
    int majorIndex = supported[Math.max(0, supported.length - 1 - back)];
    String[] points = VERSIONS[majorIndex];
    // Later point releases are more common.
    int point = points.length - 1 - Math.min(points.length - 1, (int) (random.nextDouble() * 2.2));
    return new Phone(model, names.get(model), variants.get(model), majorIndex, points[point]);
  }

  Phone restore(int model, int majorIndex, String ios) {
    return new Phone(model, names.get(model), variants.get(model), majorIndex, ios);
  }

  String model(int index) {
    return names.get(index);
  }
}
