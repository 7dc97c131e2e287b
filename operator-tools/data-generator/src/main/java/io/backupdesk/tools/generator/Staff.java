package io.backupdesk.tools.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The people working the simulated queue. Each has a speed (a factor on the seconds a step takes)
 * and a share of the calls, both fixed by the seed and the user name, so a re-run with the same
 * accounts gives the same data.
 */
final class Staff {

  record Member(String username, String displayName, String role, double speed, double load) {}

  private final List<Member> workers = new ArrayList<>();
  private final List<Member> supervisors = new ArrayList<>();
  private final Map<String, Member> byName = new HashMap<>();
  private final double[] workerLoad;
  private final double[] supervisorLoad;

  /** {@code accounts}: enabled accounts as (user name, display name, role), in a stable order. */
  Staff(List<String[]> accounts, long seed) {
    for (String[] account : accounts) {
      var random = new SplittableRandom(seed ^ (account[0].hashCode() * 0x9E3779B97F4A7C15L));
      double speed = Math.min(1.9, Math.max(0.55, Math.exp(0.3 * Weights.gaussian(random))));
      double load = 0.5 + random.nextDouble();
      var member = new Member(account[0], account[1], account[2], speed, load);
      byName.put(member.username(), member);
      switch (member.role()) {
        case "agent" -> workers.add(member);
        case "supervisor" -> {
          // Supervisors take some calls too, and close and hand on tickets.
          workers.add(
              new Member(member.username(), member.displayName(), "supervisor", speed, 0.3));
          supervisors.add(member);
        }
        default -> {} // administrators do not work the queue
      }
    }
    if (workers.isEmpty()) {
      throw new IllegalStateException("No enabled agent or supervisor account to work tickets");
    }
    if (supervisors.isEmpty()) {
      supervisors.addAll(workers);
    }
    workerLoad = Weights.cumulative(workers.stream().map(Member::load).toList());
    supervisorLoad = Weights.cumulative(supervisors.stream().map(m -> 1.0).toList());
  }

  String worker(SplittableRandom random) {
    return workers.get(Weights.pick(workerLoad, random)).username();
  }

  /** Another worker than {@code not} when there is one. */
  String otherWorker(String not, SplittableRandom random) {
    for (int tries = 0; tries < 4; tries++) {
      String candidate = worker(random);
      if (!candidate.equals(not)) {
        return candidate;
      }
    }
    return not;
  }

  String supervisor(SplittableRandom random) {
    return supervisors.get(Weights.pick(supervisorLoad, random)).username();
  }

  double speed(String username) {
    Member member = byName.get(username);
    return member == null ? 1.0 : member.speed();
  }

  String displayName(String username) {
    Member member = byName.get(username);
    return member == null ? username : member.displayName();
  }

  int workers() {
    return workers.size();
  }
}
