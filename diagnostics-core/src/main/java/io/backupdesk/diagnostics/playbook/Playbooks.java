package io.backupdesk.diagnostics.playbook;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Every playbook version that diagnoses may refer to. New diagnoses use the current (highest)
 * version; stored diagnoses are restored with the version they started on. A step key and version
 * mean the same content in every playbook version that has them.
 */
public final class Playbooks {
  private static final Playbooks STANDARD = of(List.of(IcloudBackupPlaybook.v1()));

  private final List<Playbook> all;

  private Playbooks(List<Playbook> all) {
    this.all = all;
  }

  public static Playbooks standard() {
    return STANDARD;
  }

  public static Playbooks of(List<Playbook> playbooks) {
    if (playbooks.isEmpty()) {
      throw new IllegalArgumentException("At least one playbook version is needed");
    }
    var versions = new HashSet<Integer>();
    var stepVersions = new HashMap<String, PlaybookStep>();
    for (Playbook playbook : playbooks) {
      if (!versions.add(playbook.version())) {
        throw new IllegalArgumentException("Playbook version " + playbook.version() + " twice");
      }
      // A stored result names a step by key and version: both must mean one text everywhere.
      for (PlaybookStep step : playbook.steps()) {
        PlaybookStep same = stepVersions.putIfAbsent(step.key() + " v" + step.version(), step);
        if (same != null && !same.sameContentAs(step)) {
          throw new IllegalArgumentException(
              "Step "
                  + step.key()
                  + " v"
                  + step.version()
                  + " says different things in two playbook versions");
        }
      }
    }
    return new Playbooks(
        playbooks.stream().sorted(Comparator.comparingInt(Playbook::version)).toList());
  }

  public Playbook current() {
    return all.get(all.size() - 1);
  }

  public Optional<Playbook> version(int version) {
    return all.stream().filter(playbook -> playbook.version() == version).findFirst();
  }

  /** Oldest first. */
  public List<Playbook> all() {
    return all;
  }
}
