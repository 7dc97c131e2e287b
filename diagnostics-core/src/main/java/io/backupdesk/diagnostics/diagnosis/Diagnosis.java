package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.ABANDONED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.AWAITING_VERIFICATION;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.ESCALATED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.IN_PROGRESS;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.RESOLVED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.WAITING_ON_APPLE;
import static io.backupdesk.diagnostics.diagnosis.Verification.BACKUP_COMPLETED;
import static io.backupdesk.diagnostics.diagnosis.Verification.PENDING;
import static io.backupdesk.diagnostics.diagnosis.Verification.STILL_FAILING;
import static java.util.Objects.requireNonNull;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One walk through the playbook for one customer's phone. It decides which commands are legal,
 * walks the steps in the order pinned at its start, and lets only a confirmed backup make a fix the
 * resolution.
 *
 * <p>Every command returns the events it caused, or an empty list when it repeats what is already
 * recorded (a double click must not fail). A refused command throws a {@link DiagnosisException}
 * and changes nothing. Time never runs backwards inside a diagnosis: a command stamped before the
 * latest recorded moment (clock skew between servers) counts as happening at that moment. Not
 * thread-safe: load, change and store it within one unit of work.
 *
 * <h2>The order</h2>
 *
 * A diagnosis walks one {@link StepOrder}, chosen at the start ({@link OrderChoice}: the article's,
 * a learned one, or an explored one) and checked against the rules of an allowed order. "Current
 * step", "next step", progress, what is out of order and the automatic escalation after the last
 * step all count positions in that order; results keep their step key and article number, so
 * reports stay per step. The rules of a step hold wherever it stands: only a step that checks
 * Apple's service can find an outage (an outage is Apple's, never the phone's); a fix that deletes
 * data or costs money needs the customer's consent (they own that decision); only a completed test
 * backup makes a fix the resolution (a fix that merely looked right must not count as "what
 * worked"). The agent may switch to the article's order for the remaining steps ({@link
 * #followArticleOrder}); the original choice stays recorded.
 *
 * <h2>Another fix at the same step</h2>
 *
 * When a fix's test backup still fails, the agent says what next ({@link AfterStillFailing}): go on
 * at once, or stay at the step. A step that stays offers its untried fix options ({@link
 * #tryAnotherFix}) and an explicit {@link #moveOn}; with no untried option left the walk moves on
 * by itself. Staying is a separate, explicit state because the next fix often needs the customer's
 * decision first (the bigger plan costs money), and a walk that moved on by itself would lose the
 * chance. Each attempt is its own result; the one whose backup completed is the resolution.
 *
 * <h2>Corrections</h2>
 *
 * A result recorded by mistake is corrected with {@link #correct}: replaced by another answer, or
 * withdrawn. The current results hold the corrected values (what reports and the export show);
 * {@link #corrections()} and the {@link DiagnosisEvent.Corrected} event keep the originals. What a
 * correction may change, and why:
 *
 * <ul>
 *   <li>The latest result may become any answer the step allows, or be withdrawn. The walk then
 *       stands where that answer would have left it: a withdrawn step awaits its outcome again, a
 *       fix awaits its test backup, a completed fix resolves, an outage waits on Apple, anything
 *       else goes on to the next step (or escalates after the last one). A correction that keeps
 *       the walk where it is leaves it there.
 *   <li>An earlier result may only change into another answer after which the walk goes on (nothing
 *       wrong, skipped, not applicable, a fix that still failed): the later results are real
 *       observations of the phone, and a walk that had stopped at the earlier step could not have
 *       made them. To change it into an answer that stops the walk, withdraw the later results
 *       first, latest first; nothing is discarded silently.
 *   <li>An ended diagnosis follows its corrected latest result: a resolution follows a corrected
 *       fix option; a resolution, an outage or an automatic escalation that the corrected results
 *       no longer support is taken away, and the walk is reopened <em>paused</em> at the step where
 *       it now stands (the customer is not on the line; paused diagnoses count as unfinished, not
 *       as failures). An agent's escalation stands: it was a decision, not a consequence of the
 *       results, so a correction cannot turn it into a resolution or an outage.
 *   <li>Who: see {@link CorrectionScope}. Always with a reason.
 * </ul>
 */
public final class Diagnosis {
  private final Playbook playbook;
  private final Device device;
  private final Instant startedAt;
  private final String startedBy;
  private final OrderChoice orderChoice;
  private StepOrder order;
  private OrderOverride orderOverride;
  private final List<StepResult> results;
  private final List<StepCorrection> corrections;
  private DiagnosisStatus status;
  private DiagnosisStatus statusBeforeAbandon;
  private int currentPosition;
  private Instant currentStepStartedAt;
  private Resolution resolution;
  private Escalation escalation;
  private Instant endedAt;

  private Diagnosis(Playbook playbook, DiagnosisSnapshot snapshot) {
    if (snapshot.playbookVersion() != playbook.version()) {
      throw new IllegalArgumentException(
          "The snapshot was taken with playbook v"
              + snapshot.playbookVersion()
              + "; restore it with that version, not v"
              + playbook.version());
    }
    this.playbook = playbook;
    this.device = new Device(snapshot.deviceModel(), snapshot.iosVersion());
    this.startedAt = snapshot.startedAt();
    this.startedBy = snapshot.startedBy();
    this.orderChoice =
        snapshot.orderChoice() == null ? OrderChoice.article(playbook) : snapshot.orderChoice();
    this.order = snapshot.order() == null ? orderChoice.order() : snapshot.order();
    this.orderOverride = snapshot.orderOverride();
    this.results = new ArrayList<>(snapshot.results());
    this.corrections = new ArrayList<>(snapshot.corrections());
    this.status = snapshot.status();
    this.statusBeforeAbandon = snapshot.statusBeforeAbandon();
    int number = snapshot.currentStepNumber();
    require(number >= 0 && number <= playbook.size(), "the current step is one of the playbook's");
    require(
        order.isAllowedFor(playbook) && orderChoice.order().isAllowedFor(playbook),
        "the chosen and the walked order are allowed for the playbook");
    this.currentPosition = number == 0 ? 0 : order.positionOf(playbook.stepNumber(number).key());
    this.currentStepStartedAt = snapshot.currentStepStartedAt();
    this.resolution = snapshot.resolution();
    this.escalation = snapshot.escalation();
    this.endedAt = snapshot.endedAt();
    checkConsistent();
  }

  /** Starts a walk in the article's order. */
  public static Diagnosis start(Playbook playbook, Device device, String agent, Instant at) {
    return start(
        playbook, device, OrderChoice.article(requireNonNull(playbook, "playbook")), agent, at);
  }

  /**
   * Starts a walk in the chosen order, pinned for the whole diagnosis. An order that breaks the
   * rules of an allowed order ({@link StepOrder#violations}) is a programming error: the caller
   * only offers allowed orders.
   */
  public static Diagnosis start(
      Playbook playbook, Device device, OrderChoice choice, String agent, Instant at) {
    requireNonNull(playbook, "playbook");
    requireNonNull(device, "device");
    requireNonNull(choice, "choice");
    requireNonNull(at, "at");
    choice.order().requireAllowedFor(playbook);
    return new Diagnosis(
        playbook,
        new DiagnosisSnapshot(
            playbook.version(),
            device.model(),
            device.iosVersion(),
            IN_PROGRESS,
            null,
            playbook.step(choice.order().keyAt(1)).orElseThrow().number(),
            at,
            List.of(),
            null,
            null,
            at,
            agent,
            null,
            choice,
            choice.order(),
            null,
            List.of()));
  }

  /**
   * Rebuilds a stored diagnosis with the playbook version it was started on; an inconsistent
   * snapshot is refused with an {@link IllegalArgumentException}.
   */
  public static Diagnosis restore(Playbook playbook, DiagnosisSnapshot snapshot) {
    return new Diagnosis(
        requireNonNull(playbook, "playbook"), requireNonNull(snapshot, "snapshot"));
  }

  public DiagnosisSnapshot snapshot() {
    return new DiagnosisSnapshot(
        playbook.version(),
        device.model(),
        device.iosVersion(),
        status,
        statusBeforeAbandon,
        currentPosition == 0 ? 0 : stepAt(currentPosition).number(),
        currentStepStartedAt,
        results,
        resolution,
        escalation,
        startedAt,
        startedBy,
        endedAt,
        orderChoice,
        order,
        orderOverride,
        corrections);
  }

  /**
   * The event for the start, which {@link #start} does not return because it returns the diagnosis.
   */
  public DiagnosisEvent.Started startedEvent() {
    return new DiagnosisEvent.Started(
        playbook.version(), device.model(), device.iosVersion(), startedAt, startedBy, orderChoice);
  }

  public DiagnosisStatus status() {
    return status;
  }

  public Playbook playbook() {
    return playbook;
  }

  public Device device() {
    return device;
  }

  /** The order as chosen at the start: its policy, model version and propensity. Never changes. */
  public OrderChoice orderChoice() {
    return orderChoice;
  }

  /** The order being walked: the chosen one, or the article's for the rest after an override. */
  public StepOrder order() {
    return order;
  }

  /** The agent's switch to the article's order, if they made one. */
  public Optional<OrderOverride> orderOverride() {
    return Optional.ofNullable(orderOverride);
  }

  /** The step being worked on (or whose fix awaits its test backup); empty once ended. */
  public Optional<PlaybookStep> currentStep() {
    return currentPosition == 0 ? Optional.empty() : Optional.of(stepAt(currentPosition));
  }

  /** Where the current step stands in the walked order, from 1; 0 once ended. */
  public int currentPosition() {
    return currentPosition;
  }

  /** The step the walk goes to after the current one; empty after the last one and once ended. */
  public Optional<PlaybookStep> nextStep() {
    return currentPosition == 0 || currentPosition == order.size()
        ? Optional.empty()
        : Optional.of(stepAt(currentPosition + 1));
  }

  /** The steps still to walk, the current one first, in the walked order; empty once ended. */
  public List<PlaybookStep> plannedSteps() {
    if (currentPosition == 0) {
      return List.of();
    }
    var planned = new ArrayList<PlaybookStep>();
    for (int p = currentPosition; p <= order.size(); p++) {
      planned.add(stepAt(p));
    }
    return List.copyOf(planned);
  }

  /** Every result, corrected values included, in walk order (position, then attempt). */
  public List<StepResult> results() {
    return List.copyOf(results);
  }

  /** The step's latest result (its last attempt), if it has one. */
  public Optional<StepResult> result(String stepKey) {
    List<StepResult> tried = attempts(stepKey);
    return tried.isEmpty() ? Optional.empty() : Optional.of(tried.get(tried.size() - 1));
  }

  /** All results at the step, attempt 1 first. */
  public List<StepResult> attempts(String stepKey) {
    return results.stream().filter(r -> r.stepKey().equals(stepKey)).toList();
  }

  /** Every correction made, oldest first, with the original of each corrected result. */
  public List<StepCorrection> corrections() {
    return List.copyOf(corrections);
  }

  public Optional<Resolution> resolution() {
    return Optional.ofNullable(resolution);
  }

  public Optional<Escalation> escalation() {
    return Optional.ofNullable(escalation);
  }

  /** The fix waiting for the customer's test backup, also while paused; empty once ended. */
  public Optional<StepResult> pendingVerification() {
    return lastResult().filter(r -> r.verification() == PENDING && !status.isEnded());
  }

  /**
   * True while the walk stays at the current step after one of its fixes failed its test backup:
   * the agent may {@link #tryAnotherFix} of {@link #untriedFixOptions()} or {@link #moveOn}.
   */
  public boolean isOfferingAnotherFix() {
    return status == IN_PROGRESS && staysAfterFailedFix();
  }

  /** The current step's fix options not tried yet, while it offers another fix; else empty. */
  public List<FixOption> untriedFixOptions() {
    return isOfferingAnotherFix() ? untried(stepAt(currentPosition)) : List.of();
  }

  /** How many steps of the order have a result, for the agent's progress bar. */
  public Progress progress() {
    return new Progress(stepsWithResults(), playbook.size());
  }

  /**
   * Records what the current step found. A fix waits for a test backup; an outage ends the
   * diagnosis as waiting on Apple; anything else moves on, and past the last step of the order the
   * diagnosis escalates to tier 2 by itself.
   */
  public List<DiagnosisEvent> record(OutcomeCommand command) {
    requireNonNull(command, "command");
    PlaybookStep step = step(command.stepKey());
    List<StepResult> tried = attempts(step.key());
    if (!tried.isEmpty()) {
      StepResult first = tried.get(0);
      if (first.sameOutcomeAs(command)) {
        return List.of();
      }
      throw new ConflictingOutcomeException(
          step.key(),
          first,
          step.numberedTitle()
              + " was already recorded as \""
              + first.outcome().label()
              + "\" by "
              + first.recordedBy()
              + (first.wasCorrected() ? " (and corrected since)" : "")
              + ". A step's outcome is recorded once: reload the diagnosis to see it, and correct it"
              + " with a reason if it is wrong."
              + (isOfferingAnotherFix() && currentPosition == order.positionOf(step.key())
                  ? " To try another of its fixes, choose \"try another fix\" instead."
                  : ""));
    }
    if (status != IN_PROGRESS) {
      throw illegal("record an outcome");
    }
    PlaybookStep current = stepAt(currentPosition);
    if (isOfferingAnotherFix()) {
      throw new IllegalTransitionException(
          status,
          "The diagnosis stays at "
              + current.numberedTitle()
              + " after a fix failed its test backup: try another of its fixes, or move on, before"
              + " recording "
              + step.numberedTitle()
              + ".");
    }
    if (!step.key().equals(current.key())) {
      throw new StepOutOfOrderException(step, current, currentPosition);
    }
    checkOutcomeFits(step, command);

    Instant at = notBeforeLatest(command.at());
    StepResult result = newResult(step, command, 1, at);
    results.add(result);
    var events = new ArrayList<DiagnosisEvent>();
    events.add(new DiagnosisEvent.StepRecorded(result, at, command.agent()));
    switch (command.outcome()) {
      case FIXED -> status = AWAITING_VERIFICATION;
      case OUTAGE -> {
        end(WAITING_ON_APPLE, at);
        events.add(new DiagnosisEvent.WaitingOnApple(step.key(), at, command.agent()));
      }
      default -> moveOnFrom(currentPosition, at, command.agent(), events);
    }
    return List.copyOf(events);
  }

  /**
   * Records another fix at the step the walk stays at after one of its fixes failed its test
   * backup. The fix must be one the step offers and has not tried yet; it then awaits its own test
   * backup. Repeating a fix already tried this way changes nothing; naming the step's first fix
   * again is refused ({@link FixAlreadyTriedException}).
   *
   * @param fix a {@link StepOutcome#FIXED} command, as for {@link #record}
   */
  public List<DiagnosisEvent> tryAnotherFix(OutcomeCommand fix) {
    requireNonNull(fix, "fix");
    if (fix.outcome() != StepOutcome.FIXED) {
      throw new IllegalArgumentException("Another fix is a FIXED outcome, not " + fix.outcome());
    }
    PlaybookStep step = step(fix.stepKey());
    List<StepResult> tried = attempts(step.key());
    Optional<StepResult> same =
        tried.stream()
            .filter(r -> r.fixOptionKey() != null)
            .filter(r -> r.fixOptionKey().equals(fix.fixOptionKey()))
            .findFirst();
    if (same.isPresent()) {
      if (same.get().attempt() > 1) {
        return List.of();
      }
      throw new FixAlreadyTriedException(
          step, fix.fixOptionKey(), same.get().attempt(), untried(step));
    }
    if (status != IN_PROGRESS) {
      throw illegal("try another fix");
    }
    if (!isOfferingAnotherFix() || currentPosition != order.positionOf(step.key())) {
      throw new IllegalTransitionException(
          status,
          "Another fix can only be tried at a step right after one of its fixes failed its test"
              + " backup; the diagnosis is at "
              + stepAt(currentPosition).numberedTitle()
              + ". Record that step's outcome instead.");
    }
    checkOutcomeFits(step, fix);
    Instant at = notBeforeLatest(fix.at());
    StepResult result = newResult(step, fix, tried.size() + 1, at);
    results.add(result);
    status = AWAITING_VERIFICATION;
    return List.of(new DiagnosisEvent.StepRecorded(result, at, fix.agent()));
  }

  /**
   * Records the customer's test backup after the latest fix at {@code stepKey}. Completed resolves
   * the diagnosis with that fix; still failing moves on to the next step of the order. This is the
   * one-click "still failing, move on" answer: {@code verify(stepKey, null, backupCompleted,
   * AfterStillFailing.MOVE_ON, agent, at)}.
   */
  public List<DiagnosisEvent> verify(
      String stepKey, boolean backupCompleted, String agent, Instant at) {
    return verify(stepKey, null, backupCompleted, AfterStillFailing.MOVE_ON, agent, at);
  }

  /**
   * Records the customer's test backup after the fix {@code fixOptionKey} at {@code stepKey} (null:
   * the step's latest fix). Naming the fix makes a late repeat unmistakable once the step has more
   * than one. Completed resolves the diagnosis with that fix. Still failing either moves on or
   * stays at the step to offer its untried fixes ({@link AfterStillFailing}); answering "still
   * failing, move on" while the step offers another fix moves on.
   */
  public List<DiagnosisEvent> verify(
      String stepKey,
      String fixOptionKey,
      boolean backupCompleted,
      AfterStillFailing ifStillFailing,
      String agent,
      Instant at) {
    String by = Strings.requireAgent(agent);
    requireNonNull(at, "at");
    requireNonNull(ifStillFailing, "ifStillFailing");
    PlaybookStep step = step(stepKey);
    String fixKey = Strings.trimToNull(fixOptionKey);
    if (fixKey != null && step.fixOption(fixKey).isEmpty()) {
      throw new UnknownFixOptionException(step, fixKey);
    }
    Verification answer = backupCompleted ? BACKUP_COMPLETED : STILL_FAILING;
    List<StepResult> tried = attempts(step.key());
    Optional<StepResult> earlier =
        fixKey == null
            ? result(step.key())
            : tried.stream().filter(r -> fixKey.equals(r.fixOptionKey())).findFirst();
    Verification recorded = earlier.map(StepResult::verification).orElse(null);
    if (recorded == answer) {
      // The answer is recorded; "move on" after it is new only while the step still offers
      // another fix (the walk stayed there), otherwise this is a repeat.
      if (answer == STILL_FAILING
          && ifStillFailing == AfterStillFailing.MOVE_ON
          && staysAfterFailedFix()
          && earlier.get().equals(lastResult().orElseThrow())) {
        if (status != IN_PROGRESS) {
          throw illegal("move on to the next step");
        }
        return moveOnNow(step, by, at);
      }
      return List.of();
    }
    if (recorded != null && recorded != PENDING) {
      throw new ConflictingOutcomeException(
          step.key(),
          earlier.get(),
          "The test backup after the fix at "
              + step.numberedTitle()
              + " was already recorded as \""
              + recorded.label()
              + "\" by "
              + earlier.get().verifiedBy()
              + ". Reload the diagnosis to see where it stands, and correct it with a reason if it"
              + " is wrong.");
    }
    if (status != AWAITING_VERIFICATION) {
      throw status == IN_PROGRESS
          ? new IllegalTransitionException(
              status,
              "There is no fix to verify at "
                  + step.numberedTitle()
                  + ": a test backup is only checked after a fix. Record the outcome of "
                  + stepAt(currentPosition).numberedTitle()
                  + " instead.")
          : illegal("verify a backup");
    }
    StepResult pending = lastResult().orElseThrow();
    if (!pending.stepKey().equals(step.key())) {
      throw new IllegalTransitionException(
          status,
          "The fix waiting for its test backup is at "
              + step(pending.stepKey()).numberedTitle()
              + ", not at "
              + step.numberedTitle()
              + ". Verify that step.");
    }
    if (fixKey != null && !fixKey.equals(pending.fixOptionKey())) {
      throw new IllegalTransitionException(
          status,
          "The fix waiting for its test backup at "
              + step.numberedTitle()
              + " is \""
              + fixLabel(step, pending.fixOptionKey())
              + "\", not \""
              + fixLabel(step, fixKey)
              + "\". Verify that fix.");
    }

    Instant time = notBeforeLatest(at);
    results.set(results.size() - 1, pending.verified(answer, time, by));
    var events = new ArrayList<DiagnosisEvent>();
    events.add(
        new DiagnosisEvent.Verified(
            step.key(), backupCompleted, time, by, pending.attempt(), pending.fixOptionKey()));
    if (backupCompleted) {
      resolution = Resolution.of(pending);
      end(RESOLVED, time);
      events.add(new DiagnosisEvent.Resolved(resolution, time, by));
    } else if (ifStillFailing == AfterStillFailing.STAY_AT_STEP && !untried(step).isEmpty()) {
      // The step's clock restarts: the next attempt's time is its own, not the failed one's.
      status = IN_PROGRESS;
      currentStepStartedAt = time;
    } else {
      moveOnFrom(currentPosition, time, by, events);
    }
    return List.copyOf(events);
  }

  /**
   * Leaves the step the walk stays at after a failed fix without trying another of its fixes, and
   * goes on to the next step of the order (past the last one, the diagnosis escalates by itself).
   * Repeating it once the walk has gone on, or has ended, changes nothing.
   */
  public List<DiagnosisEvent> moveOn(String stepKey, String agent, Instant at) {
    String by = Strings.requireAgent(agent);
    requireNonNull(at, "at");
    PlaybookStep step = step(stepKey);
    Optional<StepResult> latest = result(step.key());
    if (latest.isPresent() && latest.get().isFailedFix() && walkHasLeft(latest.get())) {
      return List.of();
    }
    if (status != IN_PROGRESS) {
      throw illegal("move on to the next step");
    }
    if (!isOfferingAnotherFix() || currentPosition != order.positionOf(step.key())) {
      PlaybookStep current = stepAt(currentPosition);
      throw new IllegalTransitionException(
          status,
          step.key().equals(current.key())
              ? "Moving on from "
                  + step.numberedTitle()
                  + " needs its outcome: record what the check found (or skip it with a reason)."
              : "The diagnosis is at "
                  + current.numberedTitle()
                  + ", not at "
                  + step.numberedTitle()
                  + ". Record that step's outcome to go on.");
    }
    return moveOnNow(step, by, at);
  }

  /**
   * Walks the steps not walked yet in the article's order instead of the chosen one: the steps with
   * results keep their positions, the rest follow in the article's order. The original choice
   * (policy, model version, propensity) stays recorded, with the override beside it: off-policy
   * estimates need to know both what the policy chose and that an agent overrode it. Changes
   * nothing when the remaining steps already follow the article (always so for an article-order
   * diagnosis). Not possible once the diagnosis has ended.
   */
  public List<DiagnosisEvent> followArticleOrder(String agent, Instant at) {
    String by = Strings.requireAgent(agent);
    requireNonNull(at, "at");
    Set<String> walked = new LinkedHashSet<>();
    results.forEach(r -> walked.add(r.stepKey()));
    StepOrder switched = articleOrderAfter(new ArrayList<>(walked));
    if (switched.equals(order)) {
      return List.of();
    }
    if (status.isEnded()) {
      throw illegal("change the order of its steps");
    }
    switched.requireAllowedFor(playbook);
    Instant time = notBeforeLatest(at);
    String currentKey = order.keyAt(currentPosition);
    order = switched;
    orderOverride = new OrderOverride(walked.size() + 1, by, time);
    if (!order.keyAt(currentPosition).equals(currentKey)) {
      currentStepStartedAt = time;
    }
    return List.of(
        new DiagnosisEvent.ArticleOrderFollowed(
            orderChoice.policy(), orderOverride.fromPosition(), order, time, by));
  }

  /**
   * Corrects one recorded result (see "Corrections" above for what may change and why). Repeating a
   * correction, or correcting a result to what it already says, changes nothing.
   */
  public List<DiagnosisEvent> correct(CorrectionCommand command) {
    requireNonNull(command, "command");
    PlaybookStep step = step(command.stepKey());
    Optional<StepResult> target =
        attempts(step.key()).stream().filter(r -> r.attempt() == command.attempt()).findFirst();
    if (target.isEmpty()) {
      if (command.withdraws() && lastlyWithdrawn(step.key(), command.attempt())) {
        return List.of();
      }
      throw new NothingToCorrectException(step, command.attempt(), attempts(step.key()).size());
    }
    StepResult before = target.get();
    int index = results.indexOf(before);
    boolean latest = index == results.size() - 1;
    StepAnswer answer = command.answer();
    Verification verification = answer == null ? null : implied(answer, before, latest);
    if (answer != null && before.answers(answer, verification)) {
      return List.of();
    }
    checkMayCorrect(command, step, before);
    if (command.reason() == null) {
      throw new CorrectionReasonRequiredException(step);
    }
    if (answer != null) {
      checkFits(
          step,
          answer.outcome(),
          answer.fixOptionKey(),
          answer.skipReason(),
          answer.consentGiven());
    }
    checkWalkAllows(step, before, index, answer, verification);

    Instant time = notBeforeLatest(command.at());
    StepResult after =
        answer == null ? null : before.correctedTo(answer, verification, command.agent());
    if (after == null) {
      results.remove(index);
    } else {
      results.set(index, after);
    }
    corrections.add(new StepCorrection(before, after, command.reason(), command.agent(), time));
    var events = new ArrayList<DiagnosisEvent>();
    events.add(
        new DiagnosisEvent.Corrected(before, after, command.reason(), time, command.agent()));
    if (latest) {
      settleAfterCorrectingLatest(step, before, after, time, command.agent(), events);
    }
    return List.copyOf(events);
  }

  /**
   * Hands the diagnosis on before the playbook is finished. A fix still waiting for its test backup
   * stays unverified (PENDING): nobody confirmed either way.
   */
  public List<DiagnosisEvent> escalate(
      EscalationTarget target, String reason, String agent, Instant at) {
    requireNonNull(target, "target");
    String by = Strings.requireAgent(agent);
    requireNonNull(at, "at");
    String why = Strings.trimToNull(reason);
    if (status == ESCALATED
        && why != null
        && escalation.equals(new Escalation(target, why, false))) {
      return List.of();
    }
    if (status.isEnded()) {
      throw illegal("escalate it");
    }
    if (why == null) {
      throw new EscalationReasonRequiredException();
    }
    Instant time = notBeforeLatest(at);
    escalation = new Escalation(target, why, false);
    end(ESCALATED, time);
    return List.of(new DiagnosisEvent.Escalated(escalation, time, by));
  }

  /** Pauses the diagnosis because the customer left; the reason is optional. */
  public List<DiagnosisEvent> abandon(String reason, String agent, Instant at) {
    String by = Strings.requireAgent(agent);
    requireNonNull(at, "at");
    if (status == ABANDONED) {
      throw new IllegalTransitionException(
          status, "This diagnosis is already paused. Resume it when the customer is back.");
    }
    if (status != IN_PROGRESS && status != AWAITING_VERIFICATION) {
      throw illegal("abandon it");
    }
    Instant time = notBeforeLatest(at);
    statusBeforeAbandon = status;
    status = ABANDONED;
    return List.of(
        new DiagnosisEvent.Abandoned(
            stepAt(currentPosition).number(), Strings.trimToNull(reason), time, by));
  }

  /**
   * Continues a paused diagnosis at the step where it stopped. The step's clock restarts, so the
   * time the customer was away is not counted as time spent on the step.
   */
  public List<DiagnosisEvent> resume(String agent, Instant at) {
    String by = Strings.requireAgent(agent);
    requireNonNull(at, "at");
    if (status != ABANDONED) {
      throw new IllegalTransitionException(
          status,
          "Only a paused (abandoned) diagnosis can be resumed; this one is \""
              + status.label()
              + "\". "
              + (status.isEnded()
                  ? "Start a new diagnosis if the customer still needs help."
                  : "Carry on at " + stepAt(currentPosition).numberedTitle() + "."));
    }
    Instant time = notBeforeLatest(at);
    status = statusBeforeAbandon;
    statusBeforeAbandon = null;
    currentStepStartedAt = time;
    return List.of(new DiagnosisEvent.Resumed(stepAt(currentPosition).number(), time, by));
  }

  // ---- The walk -------------------------------------------------------------------------------

  private PlaybookStep step(String stepKey) {
    return playbook
        .step(stepKey)
        .orElseThrow(
            () ->
                new UnknownStepException(
                    stepKey,
                    playbook.version(),
                    playbook.steps().stream().map(PlaybookStep::key).toList()));
  }

  private PlaybookStep stepAt(int position) {
    return playbook.step(order.keyAt(position)).orElseThrow();
  }

  private StepResult newResult(PlaybookStep step, OutcomeCommand command, int attempt, Instant at) {
    return new StepResult(
        step.key(),
        step.number(),
        step.version(),
        command.outcome(),
        command.fixOptionKey(),
        command.skipReason(),
        command.note(),
        command.consentGiven(),
        command.outcome() == StepOutcome.FIXED ? PENDING : null,
        currentStepStartedAt,
        at,
        command.agent(),
        null,
        null,
        currentPosition,
        attempt,
        0);
  }

  private static void checkOutcomeFits(PlaybookStep step, OutcomeCommand command) {
    checkFits(
        step,
        command.outcome(),
        command.fixOptionKey(),
        command.skipReason(),
        command.consentGiven());
  }

  /** The rules of a step, whatever its position: they are about the step, not about the walk. */
  private static void checkFits(
      PlaybookStep step,
      StepOutcome outcome,
      String fixOptionKey,
      String skipReason,
      boolean consentGiven) {
    switch (outcome) {
      case FIXED -> {
        if (step.fixOptions().isEmpty()) {
          throw new OutcomeNotAllowedException(step, StepOutcome.FIXED);
        }
        FixOption fix =
            step.fixOption(fixOptionKey)
                .orElseThrow(() -> new UnknownFixOptionException(step, fixOptionKey));
        // The customer owns decisions that delete their data or add to their bill.
        if (fix.requiresConsent() && !consentGiven) {
          throw new ConsentRequiredException(step, fix);
        }
      }
      case SKIPPED -> {
        // The funnel needs to know why steps are skipped.
        if (skipReason == null) {
          throw new SkipReasonRequiredException(step);
        }
      }
      case OUTAGE -> {
        // An outage is Apple's: only the step that checks Apple's service can find one, so a
        // phone problem is never filed as "waiting on Apple".
        if (!step.detectsOutage()) {
          throw new OutcomeNotAllowedException(step, StepOutcome.OUTAGE);
        }
      }
      case NOTHING_WRONG, NOT_APPLICABLE -> {}
    }
  }

  /** Goes on from the position just done: to the next step, or past the last one to tier 2. */
  private void moveOnFrom(int position, Instant at, String agent, List<DiagnosisEvent> events) {
    if (position < order.size()) {
      status = IN_PROGRESS;
      currentPosition = position + 1;
      currentStepStartedAt = at;
      return;
    }
    escalation = automaticEscalation();
    end(ESCALATED, at);
    events.add(new DiagnosisEvent.Escalated(escalation, at, agent));
  }

  private List<DiagnosisEvent> moveOnNow(PlaybookStep step, String by, Instant at) {
    Instant time = notBeforeLatest(at);
    var events = new ArrayList<DiagnosisEvent>();
    events.add(
        new DiagnosisEvent.MovedOn(
            step.key(), nextStep().map(PlaybookStep::key).orElse(null), time, by));
    moveOnFrom(currentPosition, time, by, events);
    return List.copyOf(events);
  }

  /**
   * The escalation after the last step of the order: every condition was checked and the backup
   * still fails, so the playbook has nothing left to try.
   */
  private Escalation automaticEscalation() {
    return new Escalation(
        EscalationTarget.TIER_2,
        "All " + playbook.size() + " playbook steps were done and the iCloud backup still fails.",
        true);
  }

  private void end(DiagnosisStatus finalStatus, Instant at) {
    status = finalStatus;
    statusBeforeAbandon = null;
    currentPosition = 0;
    currentStepStartedAt = null;
    endedAt = at;
  }

  /** Whether the walk, running or paused, stands at a step whose latest fix failed its backup. */
  private boolean staysAfterFailedFix() {
    DiagnosisStatus working = status == ABANDONED ? statusBeforeAbandon : status;
    StepResult last = lastResult().orElse(null);
    return working == IN_PROGRESS
        && last != null
        && last.position() == currentPosition
        && last.isFailedFix();
  }

  /**
   * Whether the walk has left the step of {@code result}: it went on past it, or it has ended (an
   * ended walk stays nowhere, so moving on from it is moot, and a late repeat must not fail).
   */
  private boolean walkHasLeft(StepResult result) {
    return status.isEnded() || currentPosition > result.position();
  }

  private List<FixOption> untried(PlaybookStep step) {
    Set<String> tried = new LinkedHashSet<>();
    attempts(step.key()).forEach(r -> tried.add(r.fixOptionKey()));
    return step.fixOptions().stream().filter(f -> !tried.contains(f.key())).toList();
  }

  private int stepsWithResults() {
    return lastResult().map(StepResult::position).orElse(0);
  }

  /** The steps walked so far, in walked order, then the others in the article's order. */
  private StepOrder articleOrderAfter(List<String> walked) {
    var keys = new ArrayList<>(walked);
    for (PlaybookStep step : playbook.steps()) {
      if (!walked.contains(step.key())) {
        keys.add(step.key());
      }
    }
    return new StepOrder(keys);
  }

  // ---- Corrections ----------------------------------------------------------------------------

  /** The test backup answer a corrected fix has when the correction does not name one. */
  private static Verification implied(StepAnswer answer, StepResult before, boolean latest) {
    if (answer.outcome() != StepOutcome.FIXED) {
      return null;
    }
    if (answer.verification() != null) {
      return answer.verification();
    }
    if (before.outcome() == StepOutcome.FIXED) {
      return before.verification();
    }
    return latest ? PENDING : STILL_FAILING;
  }

  private boolean lastlyWithdrawn(String stepKey, int attempt) {
    StepCorrection lastOne = null;
    for (StepCorrection c : corrections) {
      if (c.stepKey().equals(stepKey) && c.attempt() == attempt) {
        lastOne = c;
      }
    }
    return lastOne != null && lastOne.withdrawn();
  }

  private void checkMayCorrect(CorrectionCommand command, PlaybookStep step, StepResult before) {
    if (command.scope() == CorrectionScope.ANY_RESULT_ANY_TIME) {
      return;
    }
    if (status.isEnded()) {
      throw CorrectionNotPermittedException.ended(step, before.attempt(), status);
    }
    if (!command.agent().equals(before.recordedBy())
        && !command.agent().equals(before.verifiedBy())) {
      throw CorrectionNotPermittedException.notOwn(step, before);
    }
  }

  /** Refuses a correction that the rest of the record contradicts. */
  private void checkWalkAllows(
      PlaybookStep step,
      StepResult before,
      int index,
      StepAnswer answer,
      Verification verification) {
    boolean latest = index == results.size() - 1;
    String which =
        step.numberedTitle() + (before.attempt() > 1 ? " (fix " + before.attempt() + ")" : "");
    if (!latest) {
      StepResult next = results.get(index + 1);
      String later =
          (next.stepKey().equals(before.stepKey())
                  ? "another fix at the same step"
                  : step(next.stepKey()).numberedTitle())
              + " was recorded after it";
      if (answer == null) {
        throw new ContradictingCorrectionException(
            step.key(),
            before.attempt(),
            "Only the latest result can be withdrawn, and "
                + later
                + ". Withdraw the later results first, latest first.");
      }
      if (!goesOn(answer.outcome(), verification)) {
        throw new ContradictingCorrectionException(
            step.key(),
            before.attempt(),
            which
                + " cannot become \""
                + words(answer.outcome(), verification)
                + "\": "
                + later
                + ", and a walk that stopped at this step could not have gone on. Choose an answer"
                + " after which the walk goes on (nothing wrong, skipped, not applicable, or a fix"
                + " whose backup still failed), or withdraw the later results first, latest"
                + " first.");
      }
      if (next.stepKey().equals(before.stepKey()) && !(answer.outcome() == StepOutcome.FIXED)) {
        throw new ContradictingCorrectionException(
            step.key(),
            before.attempt(),
            which
                + " was followed by another fix at the same step, which is only tried after a"
                + " fix failed. Correct it to another fix whose backup still failed, or withdraw"
                + " the later fix first.");
      }
    } else {
      boolean endsWalk =
          answer != null
              && (verification == BACKUP_COMPLETED || answer.outcome() == StepOutcome.OUTAGE);
      if (endsWalk && status == ESCALATED && !escalation.automatic()) {
        throw new ContradictingCorrectionException(
            step.key(),
            before.attempt(),
            "This diagnosis was escalated by an agent, and a correction cannot turn that decision"
                + " into \""
                + words(answer.outcome(), verification)
                + "\". If the backup works now, note it on the ticket; if the customer needs more"
                + " help, start a new diagnosis.");
      }
    }
    if (answer != null && before.attempt() > 1 && answer.outcome() != StepOutcome.FIXED) {
      throw new ContradictingCorrectionException(
          step.key(),
          before.attempt(),
          which
              + " is a further fix at the step, tried after another fix failed, so it stays a fix:"
              + " choose the fix that was tried"
              + (latest ? ", or withdraw it if no other fix was tried." : "."));
    }
    if (answer != null && answer.outcome() == StepOutcome.FIXED) {
      for (StepResult other : attempts(step.key())) {
        if (other != before && answer.fixOptionKey().equals(other.fixOptionKey())) {
          throw new FixAlreadyTriedException(
              step, answer.fixOptionKey(), other.attempt(), untried(step));
        }
      }
    }
  }

  private static boolean goesOn(StepOutcome outcome, Verification verification) {
    return outcome == StepOutcome.FIXED
        ? verification == STILL_FAILING
        : outcome != StepOutcome.OUTAGE;
  }

  private static String words(StepOutcome outcome, Verification verification) {
    return outcome == StepOutcome.FIXED
        ? "fixed, " + verification.label().toLowerCase(java.util.Locale.ROOT)
        : outcome.label().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * After the latest result was corrected or withdrawn, puts the walk where the corrected results
   * call for, and the ending with it.
   */
  private void settleAfterCorrectingLatest(
      PlaybookStep step,
      StepResult before,
      StepResult after,
      Instant time,
      String agent,
      List<DiagnosisEvent> events) {
    if (status == ESCALATED && !escalation.automatic()) {
      return; // an agent's escalation is a decision, not a consequence of the results
    }
    DiagnosisStatus prior = status;
    DiagnosisStatus working = status == ABANDONED ? statusBeforeAbandon : status;
    int p = before.position();
    DiagnosisStatus derived;
    int position = p;
    if (after == null) {
      // Attempt 1: the step awaits its outcome again. A later attempt: the fix before it failed,
      // and the withdrawn fix is untried again, so the step offers another fix.
      derived = IN_PROGRESS;
    } else if (after.outcome() == StepOutcome.OUTAGE) {
      derived = WAITING_ON_APPLE;
    } else if (after.verification() == BACKUP_COMPLETED) {
      derived = RESOLVED;
    } else if (after.verification() == PENDING) {
      derived = AWAITING_VERIFICATION;
    } else if (working == IN_PROGRESS
        && currentPosition == p
        && after.isFailedFix()
        && !untried(step).isEmpty()) {
      derived = IN_PROGRESS; // it stayed for another fix, and still may
    } else if ((working == IN_PROGRESS && currentPosition == p + 1)
        || (prior == ESCALATED && escalation.automatic())) {
      derived = working; // the walk had already gone on, as the corrected answer also allows
      position = currentPosition;
    } else if (p < order.size()) {
      derived = IN_PROGRESS;
      position = p + 1;
    } else {
      derived = ESCALATED;
      position = 0;
    }

    if (derived.isEnded()) {
      Resolution newResolution = derived == RESOLVED ? Resolution.of(after) : null;
      Escalation newEscalation =
          derived == ESCALATED ? (prior == ESCALATED ? escalation : automaticEscalation()) : null;
      boolean sameEnding =
          prior == derived
              && Objects.equals(resolution, newResolution)
              && Objects.equals(escalation, newEscalation);
      if (sameEnding) {
        return;
      }
      resolution = newResolution;
      escalation = newEscalation;
      if (prior != derived) {
        end(derived, time);
      }
      switch (derived) {
        case RESOLVED -> events.add(new DiagnosisEvent.Resolved(resolution, time, agent));
        case ESCALATED -> events.add(new DiagnosisEvent.Escalated(escalation, time, agent));
        case WAITING_ON_APPLE ->
            events.add(new DiagnosisEvent.WaitingOnApple(after.stepKey(), time, agent));
        default -> throw new IllegalStateException(derived + " is not an ending");
      }
      return;
    }
    if (prior.isEnded()) {
      // Nobody is with the customer: the reopened walk waits, paused, for an agent to resume it.
      status = ABANDONED;
      statusBeforeAbandon = derived;
      currentPosition = position;
      currentStepStartedAt = time;
      resolution = null;
      escalation = null;
      endedAt = null;
      events.add(new DiagnosisEvent.Reopened(stepAt(position).number(), time, agent));
      return;
    }
    boolean moved = working != derived || currentPosition != position;
    if (status == ABANDONED) {
      statusBeforeAbandon = derived;
    } else {
      status = derived;
    }
    currentPosition = position;
    if (moved) {
      currentStepStartedAt = time;
    }
  }

  // ---- Messages and time ----------------------------------------------------------------------

  private IllegalTransitionException illegal(String action) {
    String message =
        switch (status) {
          case RESOLVED, ESCALATED, WAITING_ON_APPLE ->
              "This diagnosis has already ended (\""
                  + status.label()
                  + "\"), so you cannot "
                  + action
                  + ". If the customer still needs help, reopen the ticket and start a new diagnosis.";
          case ABANDONED ->
              "This diagnosis is paused because the customer left, so you cannot "
                  + action
                  + ". Resume it first.";
          case AWAITING_VERIFICATION ->
              "The fix at "
                  + stepAt(currentPosition).numberedTitle()
                  + " is waiting for the customer's test backup, so you cannot "
                  + action
                  + " yet. Record whether the backup completed first.";
          case IN_PROGRESS ->
              "The diagnosis is in progress at "
                  + stepAt(currentPosition).numberedTitle()
                  + ", so you cannot "
                  + action
                  + ".";
        };
    return new IllegalTransitionException(status, message);
  }

  private static String fixLabel(PlaybookStep step, String fixKey) {
    return step.fixOption(fixKey).map(FixOption::label).orElse(fixKey);
  }

  private Optional<StepResult> lastResult() {
    return results.isEmpty() ? Optional.empty() : Optional.of(results.get(results.size() - 1));
  }

  private Instant notBeforeLatest(Instant at) {
    Instant latest = startedAt;
    if (currentStepStartedAt != null && currentStepStartedAt.isAfter(latest)) {
      latest = currentStepStartedAt;
    }
    for (StepResult r : results) {
      if (r.endedAt().isAfter(latest)) {
        latest = r.endedAt();
      }
      if (r.verifiedAt() != null && r.verifiedAt().isAfter(latest)) {
        latest = r.verifiedAt();
      }
    }
    for (StepCorrection c : corrections) {
      if (c.at().isAfter(latest)) {
        latest = c.at();
      }
    }
    if (orderOverride != null && orderOverride.at().isAfter(latest)) {
      latest = orderOverride.at();
    }
    if (endedAt != null && endedAt.isAfter(latest)) {
      latest = endedAt;
    }
    return at.isBefore(latest) ? latest : at;
  }

  // ---- Consistency ----------------------------------------------------------------------------

  /** The rules every state must satisfy; checked on restore so bad data fails loudly. */
  private void checkConsistent() {
    require(
        orderOverride == null
            ? order.equals(orderChoice.order())
            : orderOverride.fromPosition() <= order.size()
                && order.equals(overridden(orderChoice.order(), orderOverride.fromPosition())),
        "the walked order is the chosen one, or the chosen one switched to the article's order"
            + " where the agent overrode it");
    int position = 0;
    int attempt = 0;
    for (int i = 0; i < results.size(); i++) {
      StepResult r = results.get(i);
      boolean another = i > 0 && r.position() == position;
      int expectedPosition = another ? position : position + 1;
      int expectedAttempt = another ? attempt + 1 : 1;
      require(expectedPosition <= order.size(), "there are more results than steps");
      PlaybookStep step = stepAt(expectedPosition);
      require(
          r.position() == expectedPosition
              && r.attempt() == expectedAttempt
              && r.stepKey().equals(step.key())
              && r.stepNumber() == step.number()
              && r.stepVersion() == step.version(),
          "result " + (i + 1) + " does not answer step " + step.key() + " v" + step.version());
      if (another) {
        require(
            results.get(i - 1).isFailedFix(),
            "another fix at a step follows only a fix whose backup still failed");
        for (int j = i - expectedAttempt + 1; j < i; j++) {
          require(
              !results.get(j).fixOptionKey().equals(r.fixOptionKey()),
              "a fix option is tried once per step");
        }
      }
      boolean last = i == results.size() - 1;
      require(
          last || r.verification() == null || r.verification() == STILL_FAILING,
          "only the last result may await or end with a verification");
      require(last || r.outcome() != StepOutcome.OUTAGE, "only the last result may be an outage");
      require(!r.startedAt().isBefore(startedAt), "a step cannot start before the diagnosis");
      position = expectedPosition;
      attempt = expectedAttempt;
    }
    StepResult last = lastResult().orElse(null);
    Verification lastVerification = last == null ? null : last.verification();
    boolean pending = lastVerification == PENDING;
    boolean ended = status.isEnded();
    require(ended == (endedAt != null), "endedAt is set exactly when ended");
    require(ended == (currentPosition == 0), "the current step is 0 exactly when ended");
    require(ended == (currentStepStartedAt == null), "the current step's start time when running");
    require((status == ABANDONED) == (statusBeforeAbandon != null), "status before abandon");
    require((status == RESOLVED) == (resolution != null), "a resolution exactly when resolved");
    require((status == ESCALATED) == (escalation != null), "an escalation exactly when escalated");
    require(
        (lastVerification == BACKUP_COMPLETED) == (status == RESOLVED),
        "resolved exactly when the last fix's backup completed");
    require(
        (last != null && last.outcome() == StepOutcome.OUTAGE) == (status == WAITING_ON_APPLE),
        "waiting on Apple exactly when the last result is an outage");
    require(
        statusBeforeAbandon == null
            || statusBeforeAbandon == IN_PROGRESS
            || statusBeforeAbandon == AWAITING_VERIFICATION,
        "only a running diagnosis can be abandoned");
    DiagnosisStatus working = status == ABANDONED ? statusBeforeAbandon : status;
    switch (working) {
      case IN_PROGRESS ->
          require(
              !pending
                  && ((currentPosition == position + 1 && currentPosition <= order.size())
                      || (currentPosition == position
                          && last != null
                          && last.isFailedFix()
                          && !untried(stepAt(position)).isEmpty())),
              "in progress means the step after the last result is current, or the last"
                  + " result's step after a failed fix, while it has untried fixes");
      case AWAITING_VERIFICATION ->
          require(
              pending && currentPosition == position,
              "awaiting verification means the last result is a pending fix");
      case RESOLVED ->
          require(resolution.equals(Resolution.of(last)), "resolution is the last fix");
      case ESCALATED ->
          require(
              !escalation.automatic() || (position == order.size() && !pending),
              "an automatic escalation follows the last step of the order");
      case WAITING_ON_APPLE ->
          require(
              step(last.stepKey()).detectsOutage(),
              "an outage is found at a step that checks Apple's service");
      case ABANDONED -> require(false, "the status before abandoning cannot be abandoned");
    }
    require(
        endedAt == null || !endedAt.isBefore(startedAt), "a diagnosis cannot end before it began");
    Instant previous = startedAt;
    for (StepCorrection c : corrections) {
      require(!c.at().isBefore(previous), "corrections are kept in the order they were made");
      previous = c.at();
    }
    for (StepResult r : results) {
      long made =
          corrections.stream()
              .filter(c -> !c.withdrawn())
              .filter(c -> c.stepKey().equals(r.stepKey()) && c.attempt() == r.attempt())
              .count();
      require(r.corrections() <= made, "a result is corrected no more often than the history says");
    }
  }

  /** The chosen order up to {@code fromPosition}, then the others in the article's order. */
  private StepOrder overridden(StepOrder chosen, int fromPosition) {
    return articleOrderAfter(chosen.stepKeys().subList(0, fromPosition - 1));
  }

  private static void require(boolean condition, String rule) {
    if (!condition) {
      throw new IllegalArgumentException("Inconsistent diagnosis: " + rule);
    }
  }
}
