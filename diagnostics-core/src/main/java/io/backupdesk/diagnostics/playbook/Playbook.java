package io.backupdesk.diagnostics.playbook;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * One version of the ordered checks an agent walks through. Versions are never edited once in use:
 * a change to the steps makes a new version, so old diagnoses keep the text they were run with.
 */
public final class Playbook {
  /** What the agent asks after every fix: only a backup that completes proves the fix worked. */
  public static final String VERIFY_PROMPT =
      "Ask the customer to start a backup by hand: Settings > [their name] > iCloud > iCloud"
          + " Backup > Back Up Now. Stay with them until it finishes, then record whether it"
          + " completed.";

  private final int version;
  private final String name;
  private final List<PlaybookStep> steps;

  public Playbook(int version, String name, List<PlaybookStep> steps) {
    if (version < 1) {
      throw new IllegalArgumentException("Playbook versions start at 1");
    }
    this.version = version;
    this.name = Texts.require(name, "playbook name");
    this.steps = List.copyOf(steps);
    if (this.steps.isEmpty()) {
      throw new IllegalArgumentException("A playbook needs at least one step");
    }
    var keys = new HashSet<String>();
    for (int i = 0; i < this.steps.size(); i++) {
      PlaybookStep step = this.steps.get(i);
      if (step.number() != i + 1) {
        throw new IllegalArgumentException(
            "Step " + step.key() + " is in position " + (i + 1) + " but numbered " + step.number());
      }
      if (!keys.add(step.key())) {
        throw new IllegalArgumentException("Step key used twice: " + step.key());
      }
    }
  }

  public int version() {
    return version;
  }

  public String name() {
    return name;
  }

  public List<PlaybookStep> steps() {
    return steps;
  }

  public int size() {
    return steps.size();
  }

  public Optional<PlaybookStep> step(String key) {
    return steps.stream().filter(step -> step.key().equals(key)).findFirst();
  }

  /** A fix's label at a step, or the bare fix key where this version knows no such step or fix. */
  public String fixLabel(String stepKey, String fixKey) {
    return step(stepKey).map(step -> step.fixLabel(fixKey)).orElse(fixKey);
  }

  /** The step with this number; numbers run from 1 to {@link #size()}. */
  public PlaybookStep stepNumber(int number) {
    if (number < 1 || number > steps.size()) {
      throw new IllegalArgumentException(
          "Playbook v" + version + " has steps 1 to " + steps.size() + ", not " + number);
    }
    return steps.get(number - 1);
  }

  /** The step that follows, empty after the last one. */
  public Optional<PlaybookStep> after(PlaybookStep step) {
    return step.number() < steps.size() ? Optional.of(steps.get(step.number())) : Optional.empty();
  }

  @Override
  public String toString() {
    return name + " (v" + version + ")";
  }
}
