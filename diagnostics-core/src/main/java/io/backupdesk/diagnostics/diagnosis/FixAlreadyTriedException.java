package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.util.List;

/**
 * The same fix option a second time at one step: it already failed its test backup there, and a
 * second try would count one fix twice in the reports of what works.
 */
public final class FixAlreadyTriedException extends RuleViolationException {
  private final String stepKey;
  private final String fixOptionKey;
  private final int triedInAttempt;
  private final List<String> untriedKeys;

  public FixAlreadyTriedException(
      PlaybookStep step, String fixOptionKey, int triedInAttempt, List<FixOption> untried) {
    super(message(step, fixOptionKey, untried));
    this.stepKey = step.key();
    this.fixOptionKey = fixOptionKey;
    this.triedInAttempt = triedInAttempt;
    this.untriedKeys = untried.stream().map(FixOption::key).toList();
  }

  private static String message(PlaybookStep step, String fixKey, List<FixOption> untried) {
    String label = step.fixOption(fixKey).map(FixOption::label).orElse(fixKey);
    return "\""
        + label
        + "\" was already tried at "
        + step.numberedTitle()
        + ". A fix is tried once per step: "
        + (untried.isEmpty()
            ? "every fix of this step has been tried, so move on to the next step."
            : "try "
                + String.join(" or ", untried.stream().map(f -> "\"" + f.label() + "\"").toList())
                + " instead, or move on to the next step.");
  }

  public String stepKey() {
    return stepKey;
  }

  public String fixOptionKey() {
    return fixOptionKey;
  }

  /** The attempt at the step in which this fix was tried. */
  public int triedInAttempt() {
    return triedInAttempt;
  }

  /** The fix options of the step not tried yet; empty when every one was. */
  public List<String> untriedKeys() {
    return untriedKeys;
  }
}
