package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened in a diagnosis, in order: the ticket timeline and the reports are built
 * from these.
 */
public sealed interface DiagnosisEvent {
  Instant at();

  String agent();

  /**
   * One line for the ticket timeline, naming steps as the diagnosis's own playbook version does.
   */
  String describe(Playbook playbook);

  /**
   * Calls the visitor's method for this type of event. Whoever must handle every type (the ticket
   * timeline) implements {@link Visitor}: a new type of event then cannot compile unhandled.
   */
  <R> R accept(Visitor<R> visitor);

  /** One method per type of event: the exhaustive switch over this sealed interface. */
  interface Visitor<R> {
    R started(Started event);

    R stepRecorded(StepRecorded event);

    R verified(Verified event);

    R resolved(Resolved event);

    R escalated(Escalated event);

    R waitingOnApple(WaitingOnApple event);

    R abandoned(Abandoned event);

    R resumed(Resumed event);
  }

  /** The agent opened a diagnosis for a phone. */
  record Started(
      int playbookVersion, String deviceModel, String iosVersion, Instant at, String agent)
      implements DiagnosisEvent {
    public Started {
      Objects.requireNonNull(at, "at");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.started(this);
    }

    @Override
    public String describe(Playbook playbook) {
      String model =
          deviceModel == null || deviceModel.equalsIgnoreCase(DeviceCatalog.OTHER)
              ? "an unlisted iPhone"
              : deviceModel;
      String ios =
          iosVersion == null ? "unknown iOS" : "iOS " + iosVersion.replaceFirst("(?i)^ios\\s*", "");
      return "Diagnosis started (playbook v" + playbookVersion + ") for " + model + " on " + ios;
    }
  }

  /** The agent recorded what a step found. */
  record StepRecorded(StepResult result, Instant at, String agent) implements DiagnosisEvent {
    public StepRecorded {
      Objects.requireNonNull(result, "result");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.stepRecorded(this);
    }

    @Override
    public String describe(Playbook playbook) {
      String found =
          switch (result.outcome()) {
            case NOTHING_WRONG -> "nothing wrong";
            case FIXED ->
                "fixed — "
                    + Strings.midSentence(
                        playbook.fixLabel(result.stepKey(), result.fixOptionKey()))
                    + (result.consentGiven() ? " (the customer agreed)" : "");
            case SKIPPED -> "skipped — " + result.skipReason();
            case NOT_APPLICABLE -> "not applicable";
            case OUTAGE -> "Apple reports an iCloud Backup outage";
          };
      String note = result.note() == null ? "" : " (note: " + result.note() + ")";
      return stepName(playbook, result.stepKey(), result.stepNumber()) + ": " + found + note;
    }
  }

  /** The customer's test backup after a fix completed, or did not. */
  record Verified(String stepKey, boolean backupCompleted, Instant at, String agent)
      implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.verified(this);
    }

    @Override
    public String describe(Playbook playbook) {
      return stepName(playbook, stepKey, 0)
          + (backupCompleted ? ": the test backup completed" : ": the test backup still fails");
    }
  }

  /** A verified fix ended the diagnosis. */
  record Resolved(Resolution resolution, Instant at, String agent) implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.resolved(this);
    }

    @Override
    public String describe(Playbook playbook) {
      return "Resolved at "
          + stepName(playbook, resolution.stepKey(), resolution.stepNumber())
          + " — "
          + Strings.midSentence(playbook.fixLabel(resolution.stepKey(), resolution.fixOptionKey()));
    }
  }

  /** The diagnosis was handed on. */
  record Escalated(Escalation escalation, Instant at, String agent) implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.escalated(this);
    }

    @Override
    public String describe(Playbook playbook) {
      return "Escalated "
          + (escalation.automatic() ? "automatically " : "")
          + "to "
          + escalation.target().label()
          + ": "
          + escalation.reason();
    }
  }

  /** Apple's service is down; the diagnosis ends until it is back. */
  record WaitingOnApple(String stepKey, Instant at, String agent) implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.waitingOnApple(this);
    }

    @Override
    public String describe(Playbook playbook) {
      return "Waiting on Apple: the outage found at "
          + stepName(playbook, stepKey, 0)
          + " has to end before the backup can work";
    }
  }

  /** The customer left; the diagnosis is paused at a step. */
  record Abandoned(int stepNumber, String reason, Instant at, String agent)
      implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.abandoned(this);
    }

    @Override
    public String describe(Playbook playbook) {
      return "Paused at "
          + stepName(playbook, null, stepNumber)
          + ": the customer left"
          + (reason == null ? "" : " — " + reason);
    }
  }

  /** The customer is back and the diagnosis continues where it paused. */
  record Resumed(int stepNumber, Instant at, String agent) implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.resumed(this);
    }

    @Override
    public String describe(Playbook playbook) {
      return "Resumed at " + stepName(playbook, null, stepNumber);
    }
  }

  /** Falls back to the bare number or key when the playbook does not know the step. */
  private static String stepName(Playbook playbook, String stepKey, int stepNumber) {
    PlaybookStep step =
        stepKey != null
            ? playbook.step(stepKey).orElse(null)
            : stepNumber >= 1 && stepNumber <= playbook.size()
                ? playbook.stepNumber(stepNumber)
                : null;
    if (step != null) {
      return step.numberedTitle();
    }
    return stepNumber > 0 ? "Step " + stepNumber : "Step " + stepKey;
  }
}
