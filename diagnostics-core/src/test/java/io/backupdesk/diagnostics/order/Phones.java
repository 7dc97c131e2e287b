package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.Device;
import java.util.List;
import java.util.random.RandomGenerator;

/** A mix of phones for simulated histories: both families, old and new iOS, an unknown model. */
final class Phones {
  record Share(Device device, double weight) {}

  static final List<Share> MIX =
      List.of(
          new Share(new Device("iPhone 8", "15.8.3"), 2),
          new Share(new Device("iPhone 8", "16.7.10"), 2),
          new Share(new Device("iPhone SE (2nd generation)", "17.6.1"), 2),
          new Share(new Device("iPhone SE (2nd generation)", "18.6.2"), 1),
          new Share(new Device("iPhone 11", "16.7.10"), 1),
          new Share(new Device("iPhone 11", "18.6.2"), 2),
          new Share(new Device("iPhone 12", "17.6.1"), 2),
          new Share(new Device("iPhone 12", "26.1"), 2),
          new Share(new Device("iPhone 13", "18.6.2"), 3),
          new Share(new Device("iPhone 15", "26.1"), 3),
          new Share(new Device("iPhone 15 Pro", "18.6.2"), 2),
          new Share(new Device("iPhone 16", "26.3"), 3),
          new Share(new Device("Other", "18.6.2"), 1));

  private Phones() {}

  static Device draw(RandomGenerator random) {
    double total = MIX.stream().mapToDouble(Share::weight).sum();
    double u = random.nextDouble() * total;
    for (Share share : MIX) {
      u -= share.weight();
      if (u < 0) {
        return share.device();
      }
    }
    return MIX.get(MIX.size() - 1).device();
  }

  static double totalWeight() {
    return MIX.stream().mapToDouble(Share::weight).sum();
  }
}
