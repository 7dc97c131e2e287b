package io.backupdesk.diagnostics.diagnosis;

/** An escalation without a reason: whoever takes over needs to know why. */
public final class EscalationReasonRequiredException extends RuleViolationException {
  public EscalationReasonRequiredException() {
    super(
        "Give a reason for the escalation, so that whoever takes over knows what was tried and"
            + " why it is handed on.");
  }
}
