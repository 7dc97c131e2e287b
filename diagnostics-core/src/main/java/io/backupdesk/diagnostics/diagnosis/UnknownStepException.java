package io.backupdesk.diagnostics.diagnosis;

import java.util.List;

/** A step key that the diagnosis's playbook version does not have. */
public final class UnknownStepException extends RuleViolationException {
  private final String stepKey;
  private final int playbookVersion;

  public UnknownStepException(String stepKey, int playbookVersion, List<String> knownKeys) {
    super(
        "Playbook v"
            + playbookVersion
            + " has no step '"
            + stepKey
            + "'. Use one of: "
            + String.join(", ", knownKeys)
            + ".");
    this.stepKey = stepKey;
    this.playbookVersion = playbookVersion;
  }

  public String stepKey() {
    return stepKey;
  }

  public int playbookVersion() {
    return playbookVersion;
  }
}
