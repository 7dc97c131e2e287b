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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One walk through the playbook for one customer's phone. It decides which commands are legal,
 * walks the steps in order, and lets only a confirmed backup make a fix the resolution.
 *
 * <p>Every command returns the events it caused, or an empty list when it repeats what is already
 * recorded (a double click must not fail). A refused command throws a {@link DiagnosisException}
 * and changes nothing. Time never runs backwards inside a diagnosis: a command stamped before the
 * latest recorded moment (clock skew between servers) counts as happening at that moment. Not
 * thread-safe: load, change and store it within one unit of work.
 */
public final class Diagnosis {
  private final Playbook playbook;
  private final Device device;
  private final Instant startedAt;
  private final String startedBy;
  private final List<StepResult> results;
  private DiagnosisStatus status;
  private DiagnosisStatus statusBeforeAbandon;
  private int currentStepNumber;
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
    this.results = new ArrayList<>(snapshot.results());
    this.status = snapshot.status();
    this.statusBeforeAbandon = snapshot.statusBeforeAbandon();
    this.currentStepNumber = snapshot.currentStepNumber();
    this.currentStepStartedAt = snapshot.currentStepStartedAt();
    this.resolution = snapshot.resolution();
    this.escalation = snapshot.escalation();
    this.endedAt = snapshot.endedAt();
    checkConsistent();
  }

  public static Diagnosis start(Playbook playbook, Device device, String agent, Instant at) {
    requireNonNull(playbook, "playbook");
    requireNonNull(device, "device");
    requireNonNull(at, "at");
    return new Diagnosis(
        playbook,
        new DiagnosisSnapshot(
            playbook.version(),
            device.model(),
            device.iosVersion(),
            IN_PROGRESS,
            null,
            1,
            at,
            List.of(),
            null,
            null,
            at,
            agent,
            null));
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
        currentStepNumber,
        currentStepStartedAt,
        results,
        resolution,
        escalation,
        startedAt,
        startedBy,
        endedAt);
  }

  /**
   * The event for the start, which {@link #start} does not return because it returns the diagnosis.
   */
  public DiagnosisEvent.Started startedEvent() {
    return new DiagnosisEvent.Started(
        playbook.version(), device.model(), device.iosVersion(), startedAt, startedBy);
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

  /** The step being worked on (or whose fix awaits its test backup); empty once ended. */
  public Optional<PlaybookStep> currentStep() {
    return currentStepNumber == 0
        ? Optional.empty()
        : Optional.of(playbook.stepNumber(currentStepNumber));
  }

  public List<StepResult> results() {
    return List.copyOf(results);
  }

  public Optional<StepResult> result(String stepKey) {
    return results.stream().filter(r -> r.stepKey().equals(stepKey)).findFirst();
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

  public Progress progress() {
    return new Progress(results.size(), playbook.size());
  }

  /**
   * Records what the current step found. A fix waits for a test backup; an outage ends the
   * diagnosis as waiting on Apple; anything else moves on, and past the last step the diagnosis
   * escalates to tier 2 by itself.
   */
  public List<DiagnosisEvent> record(OutcomeCommand command) {
    requireNonNull(command, "command");
    PlaybookStep step = step(command.stepKey());
    Optional<StepResult> earlier = result(step.key());
    if (earlier.isPresent()) {
      if (earlier.get().sameOutcomeAs(command)) {
        return List.of();
      }
      throw new ConflictingOutcomeException(
          step.key(),
          earlier.get(),
          step.numberedTitle()
              + " was already recorded as \""
              + earlier.get().outcome().label()
              + "\" by "
              + earlier.get().recordedBy()
              + ". A step's outcome cannot be changed; reload the diagnosis to see it, and add a"
              + " note to the ticket if it was wrong.");
    }
    if (status != IN_PROGRESS) {
      throw illegal("record an outcome");
    }
    PlaybookStep current = playbook.stepNumber(currentStepNumber);
    if (step.number() != current.number()) {
      throw new StepOutOfOrderException(step, current);
    }
    checkOutcomeFits(step, command);

    Instant at = notBeforeLatest(command.at());
    StepResult result =
        new StepResult(
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
            null);
    results.add(result);
    var events = new ArrayList<DiagnosisEvent>();
    events.add(new DiagnosisEvent.StepRecorded(result, at, command.agent()));
    switch (command.outcome()) {
      case FIXED -> status = AWAITING_VERIFICATION;
      case OUTAGE -> {
        end(WAITING_ON_APPLE, at);
        events.add(new DiagnosisEvent.WaitingOnApple(step.key(), at, command.agent()));
      }
      default -> moveOn(step, at, command.agent(), events);
    }
    return List.copyOf(events);
  }

  /**
   * Records the customer's test backup after the fix at {@code stepKey}. Completed resolves the
   * diagnosis with that fix; still failing moves on to the next step.
   */
  public List<DiagnosisEvent> verify(
      String stepKey, boolean backupCompleted, String agent, Instant at) {
    String by = Strings.requireAgent(agent);
    requireNonNull(at, "at");
    PlaybookStep step = step(stepKey);
    Verification answer = backupCompleted ? BACKUP_COMPLETED : STILL_FAILING;
    Optional<StepResult> earlier = result(step.key());
    Verification recorded = earlier.map(StepResult::verification).orElse(null);
    if (recorded == answer) {
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
              + ". It cannot be changed; reload the diagnosis to see where it stands.");
    }
    if (status != AWAITING_VERIFICATION) {
      throw status == IN_PROGRESS
          ? new IllegalTransitionException(
              status,
              "There is no fix to verify at "
                  + step.numberedTitle()
                  + ": a test backup is only checked after a fix. Record the outcome of "
                  + playbook.stepNumber(currentStepNumber).numberedTitle()
                  + " instead.")
          : illegal("verify a backup");
    }
    StepResult pending = lastResult().orElseThrow();
    if (!pending.stepKey().equals(step.key())) {
      throw new IllegalTransitionException(
          status,
          "The fix waiting for its test backup is at "
              + playbook.stepNumber(pending.stepNumber()).numberedTitle()
              + ", not at "
              + step.numberedTitle()
              + ". Verify that step.");
    }

    Instant time = notBeforeLatest(at);
    results.set(results.size() - 1, pending.verified(answer, time, by));
    var events = new ArrayList<DiagnosisEvent>();
    events.add(new DiagnosisEvent.Verified(step.key(), backupCompleted, time, by));
    if (backupCompleted) {
      resolution = Resolution.of(pending);
      end(RESOLVED, time);
      events.add(new DiagnosisEvent.Resolved(resolution, time, by));
    } else {
      moveOn(step, time, by, events);
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
        new DiagnosisEvent.Abandoned(currentStepNumber, Strings.trimToNull(reason), time, by));
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
                  : "Carry on at " + playbook.stepNumber(currentStepNumber).numberedTitle() + "."));
    }
    Instant time = notBeforeLatest(at);
    status = statusBeforeAbandon;
    statusBeforeAbandon = null;
    currentStepStartedAt = time;
    return List.of(new DiagnosisEvent.Resumed(currentStepNumber, time, by));
  }

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

  private static void checkOutcomeFits(PlaybookStep step, OutcomeCommand command) {
    switch (command.outcome()) {
      case FIXED -> {
        if (step.fixOptions().isEmpty()) {
          throw new OutcomeNotAllowedException(step, StepOutcome.FIXED);
        }
        FixOption fix =
            step.fixOption(command.fixOptionKey())
                .orElseThrow(() -> new UnknownFixOptionException(step, command.fixOptionKey()));
        if (fix.requiresConsent() && !command.consentGiven()) {
          throw new ConsentRequiredException(step, fix);
        }
      }
      case SKIPPED -> {
        if (command.skipReason() == null) {
          throw new SkipReasonRequiredException(step);
        }
      }
      case OUTAGE -> {
        if (!step.detectsOutage()) {
          throw new OutcomeNotAllowedException(step, StepOutcome.OUTAGE);
        }
      }
      case NOTHING_WRONG, NOT_APPLICABLE -> {}
    }
  }

  private void moveOn(PlaybookStep done, Instant at, String agent, List<DiagnosisEvent> events) {
    Optional<PlaybookStep> next = playbook.after(done);
    if (next.isPresent()) {
      status = IN_PROGRESS;
      currentStepNumber = next.get().number();
      currentStepStartedAt = at;
      return;
    }
    escalation =
        new Escalation(
            EscalationTarget.TIER_2,
            "All "
                + playbook.size()
                + " playbook steps were done and the iCloud backup still fails.",
            true);
    end(ESCALATED, at);
    events.add(new DiagnosisEvent.Escalated(escalation, at, agent));
  }

  private void end(DiagnosisStatus finalStatus, Instant at) {
    status = finalStatus;
    statusBeforeAbandon = null;
    currentStepNumber = 0;
    currentStepStartedAt = null;
    endedAt = at;
  }

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
                  + playbook.stepNumber(currentStepNumber).numberedTitle()
                  + " is waiting for the customer's test backup, so you cannot "
                  + action
                  + " yet. Record whether the backup completed first.";
          case IN_PROGRESS ->
              "The diagnosis is in progress at "
                  + playbook.stepNumber(currentStepNumber).numberedTitle()
                  + ", so you cannot "
                  + action
                  + ".";
        };
    return new IllegalTransitionException(status, message);
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
    return at.isBefore(latest) ? latest : at;
  }

  /** The rules every state must satisfy; checked on restore so bad data fails loudly. */
  private void checkConsistent() {
    for (int i = 0; i < results.size(); i++) {
      StepResult r = results.get(i);
      require(i < playbook.size(), "there are more results than steps");
      PlaybookStep step = playbook.stepNumber(i + 1);
      require(
          r.stepNumber() == i + 1
              && r.stepKey().equals(step.key())
              && r.stepVersion() == step.version(),
          "result " + (i + 1) + " does not answer step " + step.key() + " v" + step.version());
      boolean last = i == results.size() - 1;
      require(
          last || r.verification() == null || r.verification() == STILL_FAILING,
          "only the last result may await or end with a verification");
      require(last || r.outcome() != StepOutcome.OUTAGE, "only the last result may be an outage");
      require(!r.startedAt().isBefore(startedAt), "a step cannot start before the diagnosis");
    }
    StepResult last = lastResult().orElse(null);
    Verification lastVerification = last == null ? null : last.verification();
    boolean pending = lastVerification == PENDING;
    boolean ended = status.isEnded();
    require(ended == (endedAt != null), "endedAt is set exactly when ended");
    require(ended == (currentStepNumber == 0), "the current step is 0 exactly when ended");
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
                  && currentStepNumber == results.size() + 1
                  && currentStepNumber <= playbook.size(),
              "in progress means the step after the last result is current");
      case AWAITING_VERIFICATION ->
          require(
              pending && currentStepNumber == results.size(),
              "awaiting verification means the last result is a pending fix");
      case RESOLVED ->
          require(resolution.equals(Resolution.of(last)), "resolution is the last fix");
      case ESCALATED ->
          require(
              !escalation.automatic() || (results.size() == playbook.size() && !pending),
              "an automatic escalation follows the last step");
      case WAITING_ON_APPLE ->
          require(
              playbook.stepNumber(last.stepNumber()).detectsOutage(),
              "an outage is found at a step that checks Apple's service");
      case ABANDONED -> require(false, "the status before abandoning cannot be abandoned");
    }
    require(
        endedAt == null || !endedAt.isBefore(startedAt), "a diagnosis cannot end before it began");
  }

  private static void require(boolean condition, String rule) {
    if (!condition) {
      throw new IllegalArgumentException("Inconsistent diagnosis: " + rule);
    }
  }
}
