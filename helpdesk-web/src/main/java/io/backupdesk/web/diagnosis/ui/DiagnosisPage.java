package io.backupdesk.web.diagnosis.ui;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.Escalation;
import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.Resolution;
import io.backupdesk.diagnostics.diagnosis.StepResult;
import io.backupdesk.diagnostics.playbook.InstructionBlock;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepOrder;
import io.backupdesk.web.diagnosis.DiagnosisView;
import io.backupdesk.web.ticket.api.TicketJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the diagnosis page shows, worked out here so that the template only displays it.
 * {@code mode} says which part of the page applies: not started, a step to answer, a fix to verify,
 * paused, or ended.
 */
public record DiagnosisPage(
    TicketJson ticket,
    Mode mode,
    DiagnosisView view,
    List<StepLine> steps,
    int done,
    int total,
    PlaybookStep step,
    List<InstructionBlock> instructions,
    String result,
    String message,
    Typed typed,
    List<EscalationTarget> targets,
    OrderLine order) {

  /**
   * The order the diagnosis walks, for the step screen: who chose it, why the current step comes
   * now (empty for the article's order), and whether the agent can switch to the article's order.
   */
  public record OrderLine(String policy, String reason, boolean canFollowArticle) {}

  /** Which part of the diagnosis page applies. */
  public enum Mode {
    NOT_STARTED,
    STEP,
    VERIFY,
    PAUSED,
    ENDED
  }

  /** Where a step of the progress list stands; the page styles each state. */
  public enum StepState {
    DONE,
    CURRENT,
    AHEAD
  }

  /**
   * One of the playbook's steps in the progress list: its outcome in words once done, "current
   * step" for the one being worked on, "to do" after it.
   */
  public record StepLine(int number, String title, StepState state, String outcome) {
    public boolean current() {
      return state == StepState.CURRENT;
    }
  }

  /** The question after a fix; the core's prompt explains how the customer checks. */
  public static final String VERIFY_QUESTION = "Did Back Up Now complete?";

  public String verifyPrompt() {
    return Playbook.VERIFY_PROMPT;
  }

  public String verifyQuestion() {
    return VERIFY_QUESTION;
  }

  /** The fix waiting for its test backup, as the agent chose it. */
  public String pendingFix() {
    if (view == null || step == null) {
      return null;
    }
    return view.diagnosis()
        .pendingVerification()
        .map(r -> step.fixLabel(r.fixOptionKey()))
        .orElse(null);
  }

  public boolean notStarted() {
    return mode == Mode.NOT_STARTED;
  }

  public boolean ended() {
    return mode == Mode.ENDED;
  }

  /** Escalating is possible while the diagnosis has not ended, paused or not. */
  public boolean canEscalate() {
    return mode == Mode.STEP || mode == Mode.VERIFY || mode == Mode.PAUSED;
  }

  public boolean canAbandon() {
    return mode == Mode.STEP || mode == Mode.VERIFY;
  }

  /** Instructions carry their headings when the customer's phone does not settle the variant. */
  public boolean labelled() {
    return instructions.size() > 1;
  }

  static DiagnosisPage notStarted(TicketJson ticket, String message) {
    return new DiagnosisPage(
        ticket,
        Mode.NOT_STARTED,
        null,
        List.of(),
        0,
        0,
        null,
        List.of(),
        null,
        message,
        Typed.NOTHING,
        List.of(),
        null);
  }

  static DiagnosisPage of(
      TicketJson ticket,
      DiagnosisView view,
      Diagnosis diagnosis,
      String message,
      Typed typed,
      String orderReason) {
    Mode mode =
        switch (diagnosis.status()) {
          case IN_PROGRESS -> Mode.STEP;
          case AWAITING_VERIFICATION -> Mode.VERIFY;
          case ABANDONED -> Mode.PAUSED;
          case RESOLVED, ESCALATED, WAITING_ON_APPLE -> Mode.ENDED;
        };
    PlaybookStep step = diagnosis.currentStep().orElse(null);
    return new DiagnosisPage(
        ticket,
        mode,
        view,
        steps(diagnosis),
        diagnosis.progress().done(),
        diagnosis.progress().total(),
        step,
        step == null ? List.of() : step.instructionsFor(diagnosis.device()),
        result(diagnosis),
        message,
        typed,
        List.of(EscalationTarget.values()),
        new OrderLine(
            diagnosis.orderChoice().policy().label()
                + (diagnosis.orderOverride().isPresent() ? ", then the article's" : ""),
            orderReason,
            !diagnosis.status().isEnded()
                && diagnosis.orderOverride().isEmpty()
                && !restInArticleOrder(diagnosis).equals(diagnosis.order().stepKeys())));
  }

  /**
   * The order after a switch to the article's: the steps with results where they are, the rest in
   * the article's order. The switch is offered only when it would change something.
   */
  private static List<String> restInArticleOrder(Diagnosis diagnosis) {
    var keys = new ArrayList<String>();
    diagnosis
        .results()
        .forEach(
            r -> {
              if (!keys.contains(r.stepKey())) {
                keys.add(r.stepKey());
              }
            });
    for (String key : StepOrder.article(diagnosis.playbook()).stepKeys()) {
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** The steps in the order the diagnosis walks them: the planned order is the rail's order. */
  private static List<StepLine> steps(Diagnosis diagnosis) {
    Playbook playbook = diagnosis.playbook();
    int current = diagnosis.currentStep().map(PlaybookStep::number).orElse(0);
    boolean running = !diagnosis.status().isEnded();
    var lines = new ArrayList<StepLine>();
    for (String key : diagnosis.order().stepKeys()) {
      PlaybookStep step = playbook.step(key).orElseThrow();
      Optional<StepResult> result = diagnosis.result(step.key());
      if (result.isPresent()) {
        boolean pending = running && step.number() == current;
        lines.add(
            new StepLine(
                step.number(),
                step.title(),
                pending ? StepState.CURRENT : StepState.DONE,
                outcome(step, result.get())));
      } else if (running && step.number() == current) {
        lines.add(new StepLine(step.number(), step.title(), StepState.CURRENT, "current step"));
      } else {
        lines.add(
            new StepLine(
                step.number(), step.title(), StepState.AHEAD, running ? "to do" : "not reached"));
      }
    }
    return lines;
  }

  private static String outcome(PlaybookStep step, StepResult result) {
    return switch (result.outcome()) {
      case NOTHING_WRONG -> "nothing wrong";
      case NOT_APPLICABLE -> "not applicable";
      case OUTAGE -> "Apple outage";
      case SKIPPED -> "skipped: " + result.skipReason();
      case FIXED ->
          "fixed ("
              + step.fixLabel(result.fixOptionKey())
              + "), "
              + result.verification().label().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String result(Diagnosis diagnosis) {
    DiagnosisStatus status = diagnosis.status();
    Playbook playbook = diagnosis.playbook();
    if (status == DiagnosisStatus.RESOLVED) {
      Resolution r = diagnosis.resolution().orElseThrow();
      PlaybookStep step = playbook.stepNumber(r.stepNumber());
      return "Resolved by "
          + step.numberedTitle()
          + " with the fix “"
          + step.fixLabel(r.fixOptionKey())
          + "”: the customer's backup completed.";
    }
    if (status == DiagnosisStatus.ESCALATED) {
      Escalation e = diagnosis.escalation().orElseThrow();
      return "Escalated "
          + (e.automatic() ? "automatically, after every step, " : "")
          + "to "
          + e.target().label()
          + ". Reason: "
          + e.reason();
    }
    if (status == DiagnosisStatus.WAITING_ON_APPLE) {
      return "Waiting on Apple: Apple reports an iCloud Backup outage. The customer tries again"
          + " once Apple's System Status page shows the service as working.";
    }
    return null;
  }
}
