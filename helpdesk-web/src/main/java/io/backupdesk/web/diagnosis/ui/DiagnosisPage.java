package io.backupdesk.web.diagnosis.ui;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.Escalation;
import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OrderPolicy;
import io.backupdesk.diagnostics.diagnosis.Resolution;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.diagnostics.diagnosis.StepResult;
import io.backupdesk.diagnostics.diagnosis.Verification;
import io.backupdesk.diagnostics.playbook.FixOption;
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
    List<ResultLine> results,
    String pausedBy,
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
    /** A fix failed its test backup and the walk stays at the step: another fix, or move on. */
    ANOTHER_FIX,
    PAUSED,
    ENDED
  }

  /** Where a step of the progress list stands; the page styles each state. */
  public enum StepState {
    DONE,
    /** Its fixes were tried and the backup still fails: never shown like a step that is done. */
    STILL_FAILING,
    CURRENT,
    AHEAD
  }

  /**
   * One of the playbook's steps in the progress list: its outcome in words once done, "current
   * step" for the one being worked on, "to do" after it.
   */
  public record StepLine(
      int number, String title, StepState state, String outcome, boolean current) {

    public boolean stillFailing() {
      return state == StepState.STILL_FAILING;
    }
  }

  /**
   * One recorded result in the list under the step, with its correction form when the viewer may
   * correct it ({@code correctable}); {@code latest} results may also be withdrawn.
   */
  public record ResultLine(
      String stepKey,
      int attempt,
      String title,
      String outcome,
      boolean stillFailing,
      String recordedBy,
      int corrections,
      boolean correctable,
      boolean latest,
      PlaybookStep step) {}

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

  /** The step's fixes not tried yet, while the walk stays at it after a failed fix. */
  public List<FixOption> untriedFixes() {
    return view == null ? List.of() : view.diagnosis().untriedFixOptions();
  }

  /** The fix that failed its test backup, while the walk stays at its step. */
  public String failedFix() {
    if (view == null || step == null || mode != Mode.ANOTHER_FIX) {
      return null;
    }
    return view.diagnosis()
        .result(step.key())
        .map(r -> step.fixLabel(r.fixOptionKey()))
        .orElse(null);
  }

  /**
   * Whether the step waiting for a test backup has fixes left to try, so that "still fails" may
   * stay at the step instead of moving on.
   */
  public boolean otherFixesLeft() {
    if (view == null || step == null || mode != Mode.VERIFY) {
      return false;
    }
    var tried =
        view.diagnosis().attempts(step.key()).stream().map(StepResult::fixOptionKey).toList();
    return step.fixOptions().stream().anyMatch(f -> !tried.contains(f.key()));
  }

  /**
   * Whether the step being answered checks Apple's System Status (the article's "apple-status"):
   * while an incident is open, the page offers its outage outcome as one click there.
   */
  public boolean checksAppleStatus() {
    return mode == Mode.STEP && step != null && step.detectsOutage();
  }

  /** A learned or explored order the agent may still swap for the article's. */
  public boolean canFollowArticleOrder() {
    // The step card carries the switch in its header (orderSwitch); only the card for another fix
    // at the same step has none, so this form stands below it, and never twice on one screen.
    return view != null
        && mode == Mode.ANOTHER_FIX
        && view.diagnosis().orderChoice().policy() != OrderPolicy.ARTICLE
        && view.diagnosis().orderOverride().isEmpty();
  }

  /** Who paused the diagnosis, when and why; null unless paused. */
  public DiagnosisView.Pause pause() {
    return mode == Mode.PAUSED && view != null ? view.pause() : null;
  }

  /** The outcomes a correction may choose at a step. */
  public List<StepOutcome> outcomesAt(PlaybookStep at) {
    return java.util.Arrays.stream(StepOutcome.values())
        .filter(o -> o != StepOutcome.OUTAGE || at.detectsOutage())
        .filter(o -> o != StepOutcome.FIXED || !at.fixOptions().isEmpty())
        .toList();
  }

  public List<Verification> verifications() {
    return List.of(Verification.values());
  }

  public boolean notStarted() {
    return mode == Mode.NOT_STARTED;
  }

  public boolean ended() {
    return mode == Mode.ENDED;
  }

  /** Escalating is possible while the diagnosis has not ended, paused or not. */
  public boolean canEscalate() {
    return mode == Mode.STEP
        || mode == Mode.VERIFY
        || mode == Mode.ANOTHER_FIX
        || mode == Mode.PAUSED;
  }

  public boolean canAbandon() {
    return mode == Mode.STEP || mode == Mode.VERIFY || mode == Mode.ANOTHER_FIX;
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
        List.of(),
        null,
        null);
  }

  /**
   * Who looks at the page: their results are theirs to correct while the diagnosis is open; a
   * supervisor may correct any at any time (the core's {@code CorrectionScope}, which decides).
   */
  record Viewer(String username, boolean supervisor, java.util.Map<String, String> names) {
    String name(String user) {
      return user == null ? null : names.getOrDefault(user, user);
    }
  }

  static DiagnosisPage of(
      TicketJson ticket,
      DiagnosisView view,
      Diagnosis diagnosis,
      String message,
      Typed typed,
      Viewer viewer,
      String orderReason) {
    Mode mode =
        switch (diagnosis.status()) {
          case IN_PROGRESS -> diagnosis.isOfferingAnotherFix() ? Mode.ANOTHER_FIX : Mode.STEP;
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
        results(diagnosis, viewer),
        view.pause() == null ? null : viewer.name(view.pause().by()),
        new OrderLine(
            diagnosis.orderChoice().policy().label()
                + (diagnosis.orderOverride().isPresent() ? ", then the article's" : ""),
            orderReason,
            !diagnosis.status().isEnded()
                && diagnosis.orderOverride().isEmpty()
                && !restInArticleOrder(diagnosis).equals(diagnosis.order().stepKeys())));
  }

  private static List<ResultLine> results(Diagnosis diagnosis, Viewer viewer) {
    var all = diagnosis.results();
    boolean open = !diagnosis.status().isEnded();
    var lines = new ArrayList<ResultLine>();
    for (int i = 0; i < all.size(); i++) {
      StepResult r = all.get(i);
      PlaybookStep step = diagnosis.playbook().step(r.stepKey()).orElseThrow();
      boolean own =
          viewer.username().equals(r.recordedBy()) || viewer.username().equals(r.verifiedBy());
      lines.add(
          new ResultLine(
              r.stepKey(),
              r.attempt(),
              step.numberedTitle() + (r.attempt() > 1 ? " · fix " + r.attempt() : ""),
              outcome(step, r),
              r.isFailedFix(),
              viewer.name(r.recordedBy()),
              r.corrections(),
              viewer.supervisor() || (open && own),
              i == all.size() - 1,
              step));
    }
    return List.copyOf(lines);
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
        // A failed fix shows as failing also while the walk stays at its step for another fix.
        StepState state =
            result.get().isFailedFix()
                ? StepState.STILL_FAILING
                : pending ? StepState.CURRENT : StepState.DONE;
        lines.add(
            new StepLine(step.number(), step.title(), state, outcome(step, result.get()), pending));
      } else if (running && step.number() == current) {
        lines.add(
            new StepLine(step.number(), step.title(), StepState.CURRENT, "current step", true));
      } else {
        lines.add(
            new StepLine(
                step.number(),
                step.title(),
                StepState.AHEAD,
                running ? "to do" : "not reached",
                false));
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
        // Only a completed test backup makes a fix a fix; a failed one must never read as success.
      case FIXED ->
          switch (result.verification()) {
            case BACKUP_COMPLETED ->
                "fixed (" + step.fixLabel(result.fixOptionKey()) + "), backup completed";
            case PENDING ->
                "fix tried (" + step.fixLabel(result.fixOptionKey()) + "), test backup pending";
            case STILL_FAILING ->
                "not fixed: " + step.fixLabel(result.fixOptionKey()) + " tried, backup still fails";
          };
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
