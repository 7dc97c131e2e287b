package io.backupdesk.diagnostics.diagnosis;

import java.time.Instant;
import java.util.Objects;

/**
 * A request to correct one recorded result, named by its step and attempt (1 for the step's first
 * result, 2 and up for further fixes tried at the step). With an {@code answer} the result is
 * replaced by it; without one ({@link #withdraw}) the result is taken back as recorded by mistake,
 * which is only possible for the latest result. The reason is required: it is what the history
 * shows next to the original.
 */
public record CorrectionCommand(
    String stepKey,
    int attempt,
    StepAnswer answer,
    String reason,
    String agent,
    CorrectionScope scope,
    Instant at) {

  public CorrectionCommand {
    Objects.requireNonNull(stepKey, "stepKey");
    stepKey = stepKey.strip();
    if (attempt < 1) {
      throw new IllegalArgumentException("Attempts at a step are counted from 1");
    }
    reason = Strings.trimToNull(reason);
    agent = Strings.requireAgent(agent);
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(at, "at");
  }

  public static CorrectionCommand replace(
      String stepKey,
      int attempt,
      StepAnswer answer,
      String reason,
      String agent,
      CorrectionScope scope,
      Instant at) {
    return new CorrectionCommand(
        stepKey, attempt, Objects.requireNonNull(answer, "answer"), reason, agent, scope, at);
  }

  public static CorrectionCommand withdraw(
      String stepKey, int attempt, String reason, String agent, CorrectionScope scope, Instant at) {
    return new CorrectionCommand(stepKey, attempt, null, reason, agent, scope, at);
  }

  public boolean withdraws() {
    return answer == null;
  }
}
