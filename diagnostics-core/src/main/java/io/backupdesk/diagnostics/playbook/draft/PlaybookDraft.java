package io.backupdesk.diagnostics.playbook.draft;

import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.FieldProblem;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.playbook.Validated;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A playbook's content in editable form: what an administrator edits and what a JSON or YAML file
 * holds, one record per level with plain lists. Every edit returns a new draft; nothing here is
 * checked until {@link #validate} or {@link #publish}, which list every problem at once, each with
 * its path ({@code steps[3].fixOptions[1].label}, indexes from 0).
 *
 * <p>{@code version} and the steps' versions are the numbers a published playbook carries (empty on
 * content never published); publishing assigns them anew (see {@link #publish}).
 */
public record PlaybookDraft(Integer version, String name, List<StepDraft> steps) {

  public PlaybookDraft {
    // A file may hold nulls inside its lists: keep them, so validation can point at them.
    steps = steps == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(steps));
  }

  /** The editable content of a published playbook, with its numbers. */
  public static PlaybookDraft from(Playbook playbook) {
    return new PlaybookDraft(
        playbook.version(),
        playbook.name(),
        playbook.steps().stream().map(StepDraft::from).toList());
  }

  public Optional<StepDraft> step(String key) {
    return steps.stream()
        .filter(Objects::nonNull)
        .filter(step -> Objects.equals(step.key(), key))
        .findFirst();
  }

  public PlaybookDraft withName(String newName) {
    return new PlaybookDraft(version, newName, steps);
  }

  public PlaybookDraft withSteps(List<StepDraft> newSteps) {
    return new PlaybookDraft(version, name, newSteps);
  }

  /** Replaces the step with this key (its key may change too); an unknown key is refused. */
  public PlaybookDraft withStep(String key, StepDraft replacement) {
    Objects.requireNonNull(replacement, "replacement");
    int at = requireIndex(key);
    if (!Objects.equals(replacement.key(), key) && step(replacement.key()).isPresent()) {
      throw new DraftEditException(
          "The draft already has a step '" + replacement.key() + "': choose another key");
    }
    List<StepDraft> list = new ArrayList<>(steps);
    list.set(at, replacement);
    return withSteps(list);
  }

  /** Adds a step at the end. */
  public PlaybookDraft addStep(StepDraft step) {
    return addStep(steps.size() + 1, step);
  }

  /** Adds a step at this position (1 = first); the steps from there on move down one. */
  public PlaybookDraft addStep(int position, StepDraft step) {
    Objects.requireNonNull(step, "step");
    // The key names the step in addresses, stored results and reports from now on: a malformed
    // one is refused here, not first at publishing after pages have linked to it.
    if (!DraftRules.isKey(step.key())) {
      throw new DraftEditException(
          "'"
              + step.key()
              + "' is not a step key: use lower-case words joined by dashes, e.g."
              + " low-power-mode, at most "
              + DraftRules.MAX_KEY
              + " characters");
    }
    if (step(step.key()).isPresent()) {
      throw new DraftEditException(
          "The draft already has a step '" + step.key() + "': choose another key");
    }
    if (position < 1 || position > steps.size() + 1) {
      throw new DraftEditException(
          "A new step goes at position 1 to " + (steps.size() + 1) + ", not " + position);
    }
    List<StepDraft> list = new ArrayList<>(steps);
    list.add(position - 1, step.withVersion(null));
    return withSteps(list);
  }

  /**
   * Takes a step out of the playbook from the next version on. Diagnoses already on it keep it:
   * they run on the version they started with. Retiring a step the draft does not have changes
   * nothing, so a repeated click is harmless.
   */
  public PlaybookDraft retireStep(String key) {
    return withSteps(
        steps.stream().filter(step -> step == null || !Objects.equals(step.key(), key)).toList());
  }

  /** Where the step stands in the draft, 1 = first; an unknown key is refused. */
  public int positionOf(String key) {
    return requireIndex(key) + 1;
  }

  /** Moves a step one place towards the start; the first step cannot go further. */
  public PlaybookDraft moveStepUp(String key) {
    int at = positionOf(key);
    if (at == 1) {
      throw new DraftEditException("Step '" + key + "' is already the first: it cannot move up");
    }
    return moveStep(key, at - 1);
  }

  /** Moves a step one place towards the end; the last step cannot go further. */
  public PlaybookDraft moveStepDown(String key) {
    int at = positionOf(key);
    if (at == steps.size()) {
      throw new DraftEditException("Step '" + key + "' is already the last: it cannot move down");
    }
    return moveStep(key, at + 1);
  }

  /**
   * Moves a step to this position (1 = first); the others keep their order. Any order of the steps
   * is a valid article: the order rules ({@link io.backupdesk.diagnostics.playbook.StepOrder})
   * bound how far a learned order may depart from the article, so they cannot refuse the article
   * itself. Keys and versions stay; only the numbers follow the new order when it is published.
   */
  public PlaybookDraft moveStep(String key, int position) {
    int from = requireIndex(key);
    if (position < 1 || position > steps.size()) {
      throw new DraftEditException(
          "Step '" + key + "' can move to position 1 to " + steps.size() + ", not " + position);
    }
    List<StepDraft> list = new ArrayList<>(steps);
    StepDraft step = list.remove(from);
    list.add(position - 1, step);
    return withSteps(list);
  }

  /** Every problem of this draft as content for the catalogue's phones; empty when it is valid. */
  public List<FieldProblem> problems(DeviceCatalog catalog) {
    return DraftRules.check(this, Objects.requireNonNull(catalog, "catalog")).problems();
  }

  /**
   * The playbook this draft would be published as after the given versions (any order; none for a
   * first version), or every problem. Same rules and numbering as {@link #publish}, without
   * refusing a draft that changes nothing: what a preview shows.
   */
  public Validated<Playbook> validate(DeviceCatalog catalog, List<Playbook> published) {
    DraftRules.Checked checked = DraftRules.check(this, Objects.requireNonNull(catalog, "catalog"));
    if (!checked.problems().isEmpty()) {
      return Validated.invalid(checked.problems());
    }
    return Validated.valid(Numbering.number(checked.playbook(), history(published)));
  }

  /** As {@link #validate(DeviceCatalog, List)} for a first version: numbered v1, every step v1. */
  public Validated<Playbook> validate(DeviceCatalog catalog) {
    return validate(catalog, List.of());
  }

  /**
   * The next published version, or every problem. The playbook gets the highest published version
   * plus one. A step keeps its version when the latest published playbook that has its key says
   * exactly the same in it ({@link PlaybookStep#sameContentAs}: position does not count); any other
   * change of its content (a word of a text, an instruction, a fix option, its cost or marks) gives
   * it the highest version its key ever had plus one; a key never published starts at 1. A draft
   * that changes nothing since the latest version is refused: published versions are immutable and
   * a copy would only add noise to the reports.
   */
  public Validated<Playbook> publish(DeviceCatalog catalog, List<Playbook> published) {
    Validated<Playbook> next = validate(catalog, published);
    if (!next.isValid() || published.isEmpty()) {
      return next;
    }
    Playbook latest = history(published).current();
    if (PlaybookDiff.between(latest, next.value().orElseThrow()).isEmpty()) {
      return Validated.invalid(
          List.of(
              new FieldProblem(
                  "",
                  "Nothing changed since v"
                      + latest.version()
                      + ": edit the draft before publishing a new version")));
    }
    return next;
  }

  /**
   * Rebuilds a stored published version with its own numbers, checking the rules of its content but
   * not the catalogue's phones (a catalogue that grew later must not make history unreadable).
   *
   * @throws io.backupdesk.diagnostics.playbook.ValidationException listing every problem
   */
  public Playbook toPlaybook() {
    DraftRules.Checked checked = DraftRules.check(this, null);
    List<FieldProblem> problems = new ArrayList<>(checked.problems());
    if (version == null || version < 1) {
      problems.add(new FieldProblem("version", "A published playbook has a version from 1 on"));
    }
    for (int i = 0; i < steps.size(); i++) {
      StepDraft step = steps.get(i);
      if (step != null && (step.version() == null || step.version() < 1)) {
        problems.add(
            new FieldProblem(
                "steps[" + i + "].version", "A published step has a version from 1 on"));
      }
    }
    if (!problems.isEmpty()) {
      return Validated.<Playbook>invalid(problems).orElseThrow("Playbook v" + version);
    }
    Playbook content = checked.playbook();
    List<PlaybookStep> numbered = new ArrayList<>();
    for (PlaybookStep step : content.steps()) {
      numbered.add(step.renumbered(step.number(), steps.get(step.number() - 1).version()));
    }
    return new Playbook(version, content.name(), numbered);
  }

  private int requireIndex(String key) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) != null && Objects.equals(steps.get(i).key(), key)) {
        return i;
      }
    }
    throw new DraftEditException(
        "The draft has no step '"
            + key
            + "': it may have been retired or renamed; reload the draft");
  }

  private static Playbooks history(List<Playbook> published) {
    return published.isEmpty() ? null : Playbooks.of(published);
  }
}
