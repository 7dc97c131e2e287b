package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;

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

    R movedOn(MovedOn event);

    R articleOrderFollowed(ArticleOrderFollowed event);

    R corrected(Corrected event);

    R reopened(Reopened event);

    R resolved(Resolved event);

    R escalated(Escalated event);

    R waitingOnApple(WaitingOnApple event);

    R abandoned(Abandoned event);

    R resumed(Resumed event);
  }

  /**
   * The agent opened a diagnosis for a phone, walking the order in {@code orderChoice} (null: the
   * article's order).
   */
  record Started(
      int playbookVersion,
      String deviceModel,
      String iosVersion,
      Instant at,
      String agent,
      OrderChoice orderChoice)
      implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.started(this);
    }

    public Started {
      Objects.requireNonNull(at, "at");
    }

    /** A start in the article's order. */
    public Started(
        int playbookVersion, String deviceModel, String iosVersion, Instant at, String agent) {
      this(playbookVersion, deviceModel, iosVersion, at, agent, null);
    }

    @Override
    public String describe(Playbook playbook) {
      String model =
          deviceModel == null || deviceModel.equalsIgnoreCase(DeviceCatalog.OTHER)
              ? "an unlisted iPhone"
              : deviceModel;
      String ios =
          iosVersion == null ? "unknown iOS" : "iOS " + iosVersion.replaceFirst("(?i)^ios\\s*", "");
      String started =
          "Diagnosis started (playbook v" + playbookVersion + ") for " + model + " on " + ios;
      if (orderChoice == null || orderChoice.policy() == OrderPolicy.ARTICLE) {
        return started;
      }
      return started
          + ", walking the steps in "
          + orderName(orderChoice.policy())
          + " (model v"
          + orderChoice.modelVersion()
          + "): "
          + numbers(playbook, orderChoice.order());
    }
  }

  /** The agent recorded what a step found. */
  record StepRecorded(StepResult result, Instant at, String agent) implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.stepRecorded(this);
    }

    public StepRecorded {
      Objects.requireNonNull(result, "result");
    }

    @Override
    public String describe(Playbook playbook) {
      String note = result.note() == null ? "" : " (note: " + result.note() + ")";
      return describeFinding(playbook) + note;
    }

    /** What the step found, without its note (for a line that shows the note on its own). */
    public String describeFinding(Playbook playbook) {
      String found =
          switch (result.outcome()) {
            case NOTHING_WRONG -> "nothing wrong";
            case FIXED ->
                (result.attempt() > 1 ? ordinal(result.attempt()) + " fix — " : "fixed — ")
                    + Strings.midSentence(
                        playbook.fixLabel(result.stepKey(), result.fixOptionKey()))
                    + (result.consentGiven() ? " (the customer agreed)" : "");
            case SKIPPED -> "skipped — " + result.skipReason();
            case NOT_APPLICABLE -> "not applicable";
            case OUTAGE -> "Apple reports an iCloud Backup outage";
          };
      return stepName(playbook, result.stepKey(), result.stepNumber()) + ": " + found;
    }
  }

  /**
   * The customer's test backup after a fix completed, or did not. {@code attempt} is the attempt at
   * the step (1 for its first fix) and {@code fixOptionKey} the fix it followed (null when not
   * known).
   */
  record Verified(
      String stepKey,
      boolean backupCompleted,
      Instant at,
      String agent,
      int attempt,
      String fixOptionKey)
      implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.verified(this);
    }

    /** The test backup after a step's first fix. */
    public Verified(String stepKey, boolean backupCompleted, Instant at, String agent) {
      this(stepKey, backupCompleted, at, agent, 1, null);
    }

    @Override
    public String describe(Playbook playbook) {
      String which =
          attempt > 1
              ? ", "
                  + ordinal(attempt)
                  + " fix"
                  + (fixOptionKey == null
                      ? ""
                      : " (" + Strings.midSentence(playbook.fixLabel(stepKey, fixOptionKey)) + ")")
              : "";
      return stepName(playbook, stepKey, 0)
          + which
          + (backupCompleted ? ": the test backup completed" : ": the test backup still fails");
    }
  }

  /**
   * After a fix failed its test backup, the agent chose to try no other fix at the step and went on
   * ({@code nextStepKey} is null when it was the last step of the order).
   */
  record MovedOn(String stepKey, String nextStepKey, Instant at, String agent)
      implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.movedOn(this);
    }

    @Override
    public String describe(Playbook playbook) {
      return stepName(playbook, stepKey, 0)
          + ": no other fix tried, "
          + (nextStepKey == null
              ? "and it was the last step"
              : "moved on to " + stepName(playbook, nextStepKey, 0));
    }
  }

  /**
   * The agent chose to walk the remaining steps in the article's order instead of the order the
   * diagnosis started with ({@code replacedPolicy}); from {@code fromPosition} on, {@code order}
   * follows the article.
   */
  record ArticleOrderFollowed(
      OrderPolicy replacedPolicy, int fromPosition, StepOrder order, Instant at, String agent)
      implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.articleOrderFollowed(this);
    }

    public ArticleOrderFollowed {
      Objects.requireNonNull(replacedPolicy, "replacedPolicy");
      Objects.requireNonNull(order, "order");
    }

    @Override
    public String describe(Playbook playbook) {
      return "Following the article's order instead of "
          + orderName(replacedPolicy)
          + " for the remaining steps: "
          + numbers(
              playbook, new StepOrder(order.stepKeys().subList(fromPosition - 1, order.size())))
          + " (the "
          + orderName(replacedPolicy).replaceFirst("^(the|an) ", "")
          + " stays on record)";
    }
  }

  /**
   * A recorded result was corrected: {@code before} is what was recorded, {@code after} what it is
   * now (null when it was withdrawn as recorded by mistake). The current results hold {@code
   * after}; this event and {@link DiagnosisSnapshot#corrections()} keep {@code before}.
   */
  record Corrected(StepResult before, StepResult after, String reason, Instant at, String agent)
      implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.corrected(this);
    }

    public Corrected {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String describe(Playbook playbook) {
      String which =
          stepName(playbook, before.stepKey(), before.stepNumber())
              + (before.attempt() > 1 ? ", " + ordinal(before.attempt()) + " fix," : "");
      if (after == null) {
        return which
            + " withdrawn as recorded by mistake: it was \""
            + answer(playbook, before)
            + "\" (reason: "
            + reason
            + ")";
      }
      return which
          + " corrected from \""
          + answer(playbook, before)
          + "\" to \""
          + answer(playbook, after)
          + "\" (reason: "
          + reason
          + ")";
    }
  }

  /**
   * A correction took away how an ended diagnosis ended (its resolution, its outage, or the
   * automatic escalation), so its walk is open again; nobody is with the customer, so it waits,
   * paused, at this step until an agent resumes or escalates it.
   */
  record Reopened(int stepNumber, Instant at, String agent) implements DiagnosisEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.reopened(this);
    }

    @Override
    public String describe(Playbook playbook) {
      return "Reopened by the correction: paused at "
          + stepName(playbook, null, stepNumber)
          + " until an agent resumes it with the customer or escalates it";
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

  /** "the learned order", "an explored order". */
  private static String orderName(OrderPolicy policy) {
    return switch (policy) {
      case ARTICLE -> "the article's order";
      case LEARNED -> "the learned order";
      case EXPLORE -> "an explored order";
    };
  }

  /** An order as the article's step numbers, "7, 1, 2, ...", the keys where a step is unknown. */
  private static String numbers(Playbook playbook, StepOrder order) {
    return order.stepKeys().stream()
        .map(key -> playbook.step(key).map(s -> String.valueOf(s.number())).orElse(key))
        .collect(Collectors.joining(", "));
  }

  private static String ordinal(int attempt) {
    return switch (attempt) {
      case 1 -> "first";
      case 2 -> "second";
      case 3 -> "third";
      default -> attempt + "th";
    };
  }

  /** A result's answer in words, as the timeline shows it: "fixed — restart, backup completed". */
  private static String answer(Playbook playbook, StepResult result) {
    return switch (result.outcome()) {
      case NOTHING_WRONG -> "nothing wrong";
      case NOT_APPLICABLE -> "not applicable";
      case OUTAGE -> "Apple outage";
      case SKIPPED -> "skipped — " + result.skipReason();
      case FIXED ->
          "fixed — "
              + Strings.midSentence(playbook.fixLabel(result.stepKey(), result.fixOptionKey()))
              + switch (result.verification()) {
                case PENDING -> ", test backup not yet checked";
                case BACKUP_COMPLETED -> ", test backup completed";
                case STILL_FAILING -> ", test backup still fails";
              };
    };
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
