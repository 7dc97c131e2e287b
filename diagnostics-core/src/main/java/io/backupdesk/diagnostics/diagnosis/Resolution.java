package io.backupdesk.diagnostics.diagnosis;

import java.util.Objects;

/**
 * The fix that made the customer's test backup complete: what the reports count as "what worked".
 */
public record Resolution(String stepKey, int stepNumber, String fixOptionKey) {
  public Resolution {
    Objects.requireNonNull(stepKey, "stepKey");
    Objects.requireNonNull(fixOptionKey, "fixOptionKey");
  }

  static Resolution of(StepResult fixed) {
    return new Resolution(fixed.stepKey(), fixed.stepNumber(), fixed.fixOptionKey());
  }
}
