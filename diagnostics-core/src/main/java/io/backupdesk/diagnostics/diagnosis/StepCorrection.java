package io.backupdesk.diagnostics.diagnosis;

import java.time.Instant;
import java.util.Objects;

/**
 * One correction in a diagnosis's history: the result as it was, the result as it became (null when
 * it was withdrawn as recorded by mistake), why, by whom and when. The current results hold the
 * corrected values; this history keeps every original, so nothing is overwritten without trace.
 */
public record StepCorrection(
    StepResult before, StepResult after, String reason, String correctedBy, Instant at) {

  public StepCorrection {
    Objects.requireNonNull(before, "before");
    if (after != null
        && !(after.stepKey().equals(before.stepKey())
            && after.attempt() == before.attempt()
            && after.position() == before.position())) {
      throw new IllegalArgumentException("A correction changes one result, not which one it is");
    }
    reason = Strings.trimToNull(reason);
    if (reason == null) {
      throw new IllegalArgumentException("A correction needs a reason");
    }
    correctedBy = Strings.requireAgent(correctedBy);
    Objects.requireNonNull(at, "at");
  }

  public String stepKey() {
    return before.stepKey();
  }

  public int attempt() {
    return before.attempt();
  }

  public int position() {
    return before.position();
  }

  /** True when the result was taken back rather than replaced. */
  public boolean withdrawn() {
    return after == null;
  }
}
