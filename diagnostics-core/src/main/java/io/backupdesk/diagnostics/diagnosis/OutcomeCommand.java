package io.backupdesk.diagnostics.diagnosis;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's answer for a step, as it arrives from the screen. Texts are trimmed and blanks become
 * null; fields that do not belong to the outcome are a programming error.
 */
public record OutcomeCommand(
    String stepKey,
    StepOutcome outcome,
    String fixOptionKey,
    String skipReason,
    String note,
    boolean consentGiven,
    String agent,
    Instant at) {

  public OutcomeCommand {
    Objects.requireNonNull(stepKey, "stepKey");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(at, "at");
    stepKey = stepKey.strip();
    fixOptionKey = Strings.trimToNull(fixOptionKey);
    skipReason = Strings.trimToNull(skipReason);
    note = Strings.trimToNull(note);
    agent = Strings.requireAgent(agent);
    if (outcome != StepOutcome.FIXED && (fixOptionKey != null || consentGiven)) {
      throw new IllegalArgumentException("A fix option and consent only go with FIXED");
    }
    if (outcome != StepOutcome.SKIPPED && skipReason != null) {
      throw new IllegalArgumentException("A skip reason only goes with SKIPPED");
    }
  }

  public static OutcomeCommand nothingWrong(String stepKey, String agent, Instant at) {
    return new OutcomeCommand(
        stepKey, StepOutcome.NOTHING_WRONG, null, null, null, false, agent, at);
  }

  public static OutcomeCommand fixed(
      String stepKey, String fixOptionKey, boolean consentGiven, String agent, Instant at) {
    return new OutcomeCommand(
        stepKey, StepOutcome.FIXED, fixOptionKey, null, null, consentGiven, agent, at);
  }

  public static OutcomeCommand skipped(String stepKey, String reason, String agent, Instant at) {
    return new OutcomeCommand(stepKey, StepOutcome.SKIPPED, null, reason, null, false, agent, at);
  }

  public static OutcomeCommand notApplicable(String stepKey, String agent, Instant at) {
    return new OutcomeCommand(
        stepKey, StepOutcome.NOT_APPLICABLE, null, null, null, false, agent, at);
  }

  public static OutcomeCommand outage(String stepKey, String agent, Instant at) {
    return new OutcomeCommand(stepKey, StepOutcome.OUTAGE, null, null, null, false, agent, at);
  }

  public OutcomeCommand withNote(String note) {
    return new OutcomeCommand(
        stepKey, outcome, fixOptionKey, skipReason, note, consentGiven, agent, at);
  }
}
