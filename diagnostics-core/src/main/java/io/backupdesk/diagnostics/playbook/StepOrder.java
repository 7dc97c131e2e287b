package io.backupdesk.diagnostics.playbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The order in which a diagnosis walks a playbook's steps, as their keys. The article's order is
 * the playbook's own; a learned order is any other permutation that keeps the rules below. Results
 * always keep their step key, so reports stay per step whatever order was walked.
 *
 * <p>An order is allowed when:
 *
 * <ul>
 *   <li>it names every step of the playbook exactly once: skipping a step silently would make a
 *       diagnosis that "tried everything" escalate without having tried everything;
 *   <li>no intrusive step (signing out of iCloud, resetting all settings) comes before a harmless
 *       step that the article puts ahead of it: an order may postpone an intrusive step, never
 *       bring it forward. The customer should never pay with their settings or their sign-in for a
 *       problem that a switch, a cable or a restart would have fixed, however often the data says
 *       the intrusive step resolves. (The article itself has harmless steps after step 6; the rule
 *       keeps the article allowed and lets a learned order move those ahead.)
 * </ul>
 *
 * <p>Steps whose fixes need consent (storage) may move freely: their consent is asked at the fix,
 * wherever the step stands. The diagnosis's own rules (verification after a fix, the outage at the
 * Apple-status step, escalation after the last step) hold in every order because they are rules of
 * steps and of the walk's end, not of positions.
 */
public record StepOrder(List<String> stepKeys) {

  public StepOrder {
    stepKeys = List.copyOf(Objects.requireNonNull(stepKeys, "stepKeys"));
    if (stepKeys.isEmpty()) {
      throw new IllegalArgumentException("An order needs at least one step");
    }
  }

  public static StepOrder of(String... stepKeys) {
    return new StepOrder(List.of(stepKeys));
  }

  /** The playbook's own order, 1 to n: the default until a supervisor turns suggestions on. */
  public static StepOrder article(Playbook playbook) {
    return new StepOrder(playbook.steps().stream().map(PlaybookStep::key).toList());
  }

  public int size() {
    return stepKeys.size();
  }

  /** The key walked at this position, counted from 1. */
  public String keyAt(int position) {
    if (position < 1 || position > stepKeys.size()) {
      throw new IllegalArgumentException(
          "An order of " + stepKeys.size() + " steps has no position " + position);
    }
    return stepKeys.get(position - 1);
  }

  /** Where the step stands in this order, counted from 1; 0 if the order does not name it. */
  public int positionOf(String stepKey) {
    return stepKeys.indexOf(stepKey) + 1;
  }

  public boolean isArticleOrderOf(Playbook playbook) {
    return equals(article(playbook));
  }

  /** Every rule this order breaks for the playbook, in words; empty when it is allowed. */
  public List<String> violations(Playbook playbook) {
    Objects.requireNonNull(playbook, "playbook");
    var problems = new ArrayList<String>();
    Set<String> known =
        playbook.steps().stream().map(PlaybookStep::key).collect(Collectors.toSet());
    var seen = new HashSet<String>();
    for (String key : stepKeys) {
      if (!known.contains(key)) {
        problems.add("Playbook v" + playbook.version() + " has no step '" + key + "'");
      } else if (!seen.add(key)) {
        problems.add("Step '" + key + "' is named twice");
      }
    }
    for (String key : known.stream().sorted().toList()) {
      if (!seen.contains(key)) {
        problems.add("Step '" + key + "' is missing: an order walks every step");
      }
    }
    for (PlaybookStep intrusive : playbook.steps()) {
      int at = positionOf(intrusive.key());
      if (!intrusive.intrusive() || at == 0) {
        continue;
      }
      for (PlaybookStep harmless : playbook.steps()) {
        int harmlessAt = positionOf(harmless.key());
        if (!harmless.intrusive() && harmless.number() < intrusive.number() && harmlessAt > at) {
          problems.add(
              "Intrusive step '"
                  + intrusive.key()
                  + "' comes before harmless step '"
                  + harmless.key()
                  + "': an intrusive step may be postponed, never brought forward");
        }
      }
    }
    return List.copyOf(problems);
  }

  /**
   * The pairs every allowed order keeps, {@code before} ahead of {@code after}: each harmless step
   * ahead of every intrusive step that the article puts after it. Together with "every step exactly
   * once" they are the whole of {@link #violations}, stated as constraints so that a search over
   * orders can respect them without trying every permutation; a test keeps the two in agreement.
   */
  public static List<Precedence> precedences(Playbook playbook) {
    Objects.requireNonNull(playbook, "playbook");
    var pairs = new ArrayList<Precedence>();
    for (PlaybookStep intrusive : playbook.steps()) {
      if (!intrusive.intrusive()) {
        continue;
      }
      for (PlaybookStep harmless : playbook.steps()) {
        if (!harmless.intrusive() && harmless.number() < intrusive.number()) {
          pairs.add(new Precedence(harmless.key(), intrusive.key()));
        }
      }
    }
    return List.copyOf(pairs);
  }

  /**
   * A rule of allowed orders: the step {@code before} is walked ahead of the step {@code after}.
   */
  public record Precedence(String before, String after) {
    public Precedence {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  public boolean isAllowedFor(Playbook playbook) {
    return violations(playbook).isEmpty();
  }

  /** This order, or an {@link IllegalArgumentException} listing every rule it breaks. */
  public StepOrder requireAllowedFor(Playbook playbook) {
    List<String> problems = violations(playbook);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "Order not allowed for playbook v"
              + playbook.version()
              + ": "
              + String.join("; ", problems));
    }
    return this;
  }

  @Override
  public String toString() {
    return String.join(" > ", stepKeys);
  }
}
