package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.util.List;

/** A fix the step does not offer, or a "fixed" outcome that does not say which fix was applied. */
public final class UnknownFixOptionException extends RuleViolationException {
  private final String stepKey;
  private final String fixOptionKey;
  private final List<String> offeredKeys;

  public UnknownFixOptionException(PlaybookStep step, String fixOptionKey) {
    super(message(step, fixOptionKey));
    this.stepKey = step.key();
    this.fixOptionKey = fixOptionKey;
    this.offeredKeys = step.fixOptions().stream().map(FixOption::key).toList();
  }

  private static String message(PlaybookStep step, String fixOptionKey) {
    String offered =
        String.join(", ", step.fixOptions().stream().map(FixOption::key).toList()) + ".";
    return fixOptionKey == null
        ? "Say which fix was applied at " + step.numberedTitle() + ": one of " + offered
        : step.numberedTitle() + " offers no fix '" + fixOptionKey + "'. Choose one of: " + offered;
  }

  public String stepKey() {
    return stepKey;
  }

  /** The key that was given, null when none was. */
  public String fixOptionKey() {
    return fixOptionKey;
  }

  public List<String> offeredKeys() {
    return offeredKeys;
  }
}
