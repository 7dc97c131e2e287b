package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.ABANDONED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.AWAITING_VERIFICATION;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.ESCALATED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.IN_PROGRESS;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.RESOLVED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.WAITING_ON_APPLE;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Drives thousands of random command sequences, valid and invalid, in random allowed orders, and
 * checks the diagnosis's invariants after every command. Reproduce a failure with {@code
 * -Ddiagnosis.seed=<seed>}.
 */
class DiagnosisRandomizedTest {
  private static final long SEED = Long.getLong("diagnosis.seed", 20261120L);
  private static final int SEQUENCES = 5_000;
  private static final int MAX_COMMANDS = 40;
  private static final List<String> AGENTS = List.of("alice", "bob", "carol");
  private static final List<Device> DEVICES =
      List.of(
          new Device("iPhone 8", "14.8"),
          new Device("iPhone 15 Pro", "17.4.1"),
          new Device("Other", null));
  private static final List<String> STEP_KEYS =
      Stream.concat(PLAYBOOK.steps().stream().map(PlaybookStep::key), Stream.of("bluetooth"))
          .toList();
  private static final List<String> FIX_KEYS =
      Stream.concat(
              PLAYBOOK.steps().stream().flatMap(s -> s.fixOptions().stream()).map(FixOption::key),
              Stream.of("hit-it"))
          .toList();
  private static final StepOrder ARTICLE = StepOrder.article(PLAYBOOK);

  private final Map<String, Integer> tally = new HashMap<>();

  @Test
  void invariantsHoldAfterEveryCommandOfThousandsOfRandomSequences() {
    Random seeds = new Random(SEED);
    for (int i = 0; i < SEQUENCES; i++) {
      new Run(seeds.nextLong()).play();
    }

    // The harness is only worth something if it reached every ending and every refusal.
    assertThat(tally)
        .as("seed %d: what the random sequences reached: %s", SEED, new TreeMap<>(tally))
        .containsKeys(
            "ended RESOLVED",
            "ended RESOLVED in a non-article order",
            "resolved by a further fix",
            "ended WAITING_ON_APPLE",
            "ended WAITING_ON_APPLE in a non-article order",
            "ended ESCALATED automatically",
            "ended ESCALATED automatically in a non-article order",
            "ended ESCALATED by an agent",
            "paused",
            "idempotent repeat",
            "stayed for another fix",
            "tried another fix",
            "moved on explicitly",
            "switched to the article order",
            "corrected the latest result",
            "corrected an earlier result",
            "withdrew a result",
            "corrected an ended diagnosis",
            "reopened by a correction",
            "resolution followed a correction",
            "UnknownStepException",
            "UnknownFixOptionException",
            "SkipReasonRequiredException",
            "ConsentRequiredException",
            "StepOutOfOrderException",
            "OutcomeNotAllowedException",
            "EscalationReasonRequiredException",
            "IllegalTransitionException",
            "ConflictingOutcomeException",
            "FixAlreadyTriedException",
            "CorrectionNotPermittedException",
            "CorrectionReasonRequiredException",
            "NothingToCorrectException",
            "ContradictingCorrectionException")
        .allSatisfy((what, count) -> assertThat(count).as(what).isGreaterThan(20));
  }

  /**
   * One command as generated. Recording, verifying, escalating, trying another fix, moving on,
   * switching the order and correcting promise that an identical repeat changes nothing; {@code
   * repeat} marks such a copy of a command accepted before. A correction deliberately changes what
   * was recorded at its step, so commands for that step accepted before it are no longer repeats of
   * the current record (and a correction is no longer one once its step has changed again).
   */
  private record Command(
      String text,
      Function<Diagnosis, List<DiagnosisEvent>> run,
      boolean idempotent,
      boolean repeat,
      String stepKey,
      Kind kind) {
    Command again() {
      return new Command(text + " (again)", run, true, true, stepKey, kind);
    }
  }

  private enum Kind {
    OTHER,
    ORDER_SWITCH,
    CORRECTION
  }

  private final class Run {
    private final long seed;
    private final Random random;
    private final Diagnosis diagnosis;
    private final OrderChoice choice;
    private final List<Command> accepted = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private Instant clock = T0;
    private boolean correctedAfterEnd;
    private boolean resolutionFollowed;

    Run(long seed) {
      this.seed = seed;
      this.random = new Random(seed);
      Device device = pick(DEVICES);
      if (random.nextInt(3) == 0) {
        this.diagnosis = Diagnosis.start(PLAYBOOK, device, "alice", T0);
      } else {
        OrderPolicy policy = random.nextBoolean() ? OrderPolicy.LEARNED : OrderPolicy.EXPLORE;
        StepOrder order = DiagnosisTestData.randomAllowedOrder(random);
        this.diagnosis =
            Diagnosis.start(
                PLAYBOOK,
                device,
                new OrderChoice(
                    order, policy, 1 + random.nextInt(5), 0.01 + random.nextDouble() * 0.99),
                "alice",
                T0);
      }
      this.choice = diagnosis.orderChoice();
      log.add("start in " + choice);
    }

    void play() {
      checkInvariants();
      int commands = 1 + random.nextInt(MAX_COMMANDS);
      count("commands", commands);
      for (int i = 0; i < commands; i++) {
        Command command = next();
        log.add(command.text());
        DiagnosisSnapshot before = diagnosis.snapshot();
        List<DiagnosisEvent> events;
        try {
          events = command.run().apply(diagnosis);
        } catch (DiagnosisException refused) {
          count(refused.getClass().getSimpleName());
          check(!command.repeat(), "an identical repeat was refused: " + refused.getMessage());
          check(diagnosis.snapshot().equals(before), "a refused command changed the diagnosis");
          checkInvariants();
          continue;
        }
        if (command.repeat()) {
          count("idempotent repeat");
          check(events.isEmpty(), "an identical repeat produced events " + events);
        } else if (!events.isEmpty()) {
          forgetWhatNoLongerRepeats(command);
          if (command.idempotent()) {
            accepted.add(command.again());
          }
        }
        DiagnosisSnapshot after = diagnosis.snapshot();
        check(events.isEmpty() == after.equals(before), "events without change, or the reverse");
        checkEvents(before, after, events);
        checkInvariants();
      }
      DiagnosisStatus status = diagnosis.status();
      boolean learned = !diagnosis.order().equals(ARTICLE);
      if (status.isEnded()) {
        boolean automatic = diagnosis.escalation().map(Escalation::automatic).orElse(false);
        String ending =
            "ended "
                + status
                + (status == ESCALATED ? automatic ? " automatically" : " by an agent" : "");
        count(ending);
        if (learned) {
          count(ending + " in a non-article order");
        }
      } else if (status == ABANDONED) {
        count("paused");
      }
      if (correctedAfterEnd) {
        count("corrected an ended diagnosis");
      }
      if (resolutionFollowed) {
        count("resolution followed a correction");
      }
    }

    /** A correction starts a new chapter for its step; any other change to a step ends one. */
    private void forgetWhatNoLongerRepeats(Command command) {
      if (command.kind() == Kind.CORRECTION) {
        accepted.removeIf(
            c -> Objects.equals(c.stepKey(), command.stepKey()) || c.kind() == Kind.ORDER_SWITCH);
      } else if (command.stepKey() != null) {
        accepted.removeIf(
            c -> c.kind() == Kind.CORRECTION && c.stepKey().equals(command.stepKey()));
      }
    }

    private Command next() {
      tick();
      String agent = pick(AGENTS);
      Instant at = clock;
      int roll = random.nextInt(260);
      if (diagnosis.status() == ABANDONED && roll < 60) {
        return resume(agent, at);
      }
      // Steer toward the states that are rare by chance: a step offering another fix, and
      // corrections once the diagnosis has ended.
      if (diagnosis.isOfferingAnotherFix() && roll < 130) {
        return roll < 85 ? anotherFix(agent, at) : moveOn(agent, at);
      }
      if (diagnosis.status().isEnded() && roll < 120) {
        return correction(agent, at);
      }
      if (roll < 100) {
        OutcomeCommand command = outcome(agent, at);
        return command("record " + command, d -> d.record(command), command.stepKey());
      }
      if (roll < 135) {
        return verify(agent, at);
      }
      if (roll < 150) {
        return anotherFix(agent, at);
      }
      if (roll < 158) {
        return moveOn(agent, at);
      }
      if (roll < 163) {
        return new Command(
            "follow the article order at " + at,
            d -> d.followArticleOrder(agent, at),
            true,
            false,
            null,
            Kind.ORDER_SWITCH);
      }
      if (roll < 193) {
        return correction(agent, at);
      }
      if (roll < 218 && !accepted.isEmpty()) {
        return accepted.get(random.nextInt(accepted.size()));
      }
      if (roll < 230) {
        return new Command(
            "abandon at " + at, d -> d.abandon("left", agent, at), false, false, null, Kind.OTHER);
      }
      if (roll < 255) {
        return resume(agent, at);
      }
      EscalationTarget target = pick(List.of(EscalationTarget.values()));
      String reason = random.nextInt(5) == 0 ? " " : "needs " + target.label();
      return new Command(
          "escalate " + target + " '" + reason + "' at " + at,
          d -> d.escalate(target, reason, agent, at),
          true,
          false,
          null,
          Kind.OTHER);
    }

    private Command command(
        String text, Function<Diagnosis, List<DiagnosisEvent>> run, String stepKey) {
      return new Command(text, run, true, false, stepKey, Kind.OTHER);
    }

    private Command moveOn(String agent, Instant at) {
      String step =
          diagnosis.currentStep().isPresent() && random.nextInt(10) < 8
              ? diagnosis.currentStep().get().key()
              : pick(STEP_KEYS);
      return command("move on from " + step, d -> d.moveOn(step, agent, at), step);
    }

    private Command resume(String agent, Instant at) {
      return new Command(
          "resume at " + at, d -> d.resume(agent, at), false, false, null, Kind.OTHER);
    }

    /** The one-click answer, or one naming the fix and what to do if it still fails. */
    private Command verify(String agent, Instant at) {
      String step =
          diagnosis.pendingVerification().isPresent() && random.nextInt(4) > 0
              ? diagnosis.pendingVerification().get().stepKey()
              : pick(STEP_KEYS);
      boolean further = diagnosis.pendingVerification().map(r -> r.attempt() > 1).orElse(false);
      boolean completed = random.nextInt(10) < (further ? 5 : 3);
      if (random.nextBoolean()) {
        return command(
            "verify " + step + " " + completed + " by " + agent + " at " + at,
            d -> d.verify(step, completed, agent, at),
            step);
      }
      String fix =
          diagnosis.pendingVerification().isPresent() && random.nextInt(4) > 0
              ? diagnosis.pendingVerification().get().fixOptionKey()
              : random.nextInt(3) == 0 ? null : pick(FIX_KEYS);
      AfterStillFailing then =
          random.nextInt(10) < 7 ? AfterStillFailing.STAY_AT_STEP : AfterStillFailing.MOVE_ON;
      return command(
          "verify " + step + " " + fix + " " + completed + " then " + then + " at " + at,
          d -> d.verify(step, fix, completed, then, agent, at),
          step);
    }

    private Command anotherFix(String agent, Instant at) {
      String step =
          diagnosis.currentStep().isPresent() && random.nextInt(10) < 8
              ? diagnosis.currentStep().get().key()
              : pick(STEP_KEYS);
      List<String> offered = offered(step);
      List<String> untried = diagnosis.untriedFixOptions().stream().map(FixOption::key).toList();
      int fixRoll = random.nextInt(10);
      String fix =
          fixRoll < 6 && !untried.isEmpty()
              ? pick(untried)
              : fixRoll < 9 && !offered.isEmpty() ? pick(offered) : pick(FIX_KEYS);
      OutcomeCommand command = OutcomeCommand.fixed(step, fix, random.nextInt(10) < 8, agent, at);
      return command("try another fix " + command, d -> d.tryAnotherFix(command), step);
    }

    /** Mostly sensible corrections of recorded results, with every kind of mistake. */
    private Command correction(String agent, Instant at) {
      List<StepResult> results = diagnosis.results();
      String step;
      int attempt;
      if (diagnosis.status() == RESOLVED && random.nextBoolean()) {
        // The supervisor's usual fix of a resolved diagnosis: the resolving fix was another option.
        StepResult resolving = results.get(results.size() - 1);
        String fix = pick(offered(resolving.stepKey()));
        CorrectionCommand command =
            CorrectionCommand.replace(
                resolving.stepKey(),
                resolving.attempt(),
                StepAnswer.fixed(fix, true),
                "the other fix was applied",
                agent,
                CorrectionScope.ANY_RESULT_ANY_TIME,
                at);
        return new Command(
            "correct " + command,
            d -> d.correct(command),
            true,
            false,
            resolving.stepKey(),
            Kind.CORRECTION);
      }
      if (!results.isEmpty() && random.nextInt(10) < 9) {
        StepResult target =
            random.nextInt(3) == 0 ? results.get(results.size() - 1) : pick(results);
        step = target.stepKey();
        attempt = target.attempt();
      } else {
        step = pick(STEP_KEYS);
        attempt = 1 + random.nextInt(3);
      }
      String reason = random.nextInt(12) == 0 ? " " : "agent clicked the wrong answer";
      CorrectionScope scope =
          random.nextInt(10) < 6
              ? CorrectionScope.OWN_RESULTS_WHILE_OPEN
              : CorrectionScope.ANY_RESULT_ANY_TIME;
      CorrectionCommand command =
          random.nextInt(5) == 0
              ? CorrectionCommand.withdraw(step, attempt, reason, agent, scope, at)
              : CorrectionCommand.replace(step, attempt, answer(step), reason, agent, scope, at);
      return new Command(
          "correct " + command, d -> d.correct(command), true, false, step, Kind.CORRECTION);
    }

    private StepAnswer answer(String step) {
      int roll = random.nextInt(100);
      if (roll < 25) {
        return StepAnswer.nothingWrong();
      }
      if (roll < 60) {
        List<String> offered = offered(step);
        String fix = !offered.isEmpty() && random.nextInt(10) < 9 ? pick(offered) : pick(FIX_KEYS);
        Verification verification =
            random.nextBoolean() ? null : pick(List.of(Verification.values()));
        return new StepAnswer(StepOutcome.FIXED, fix, null, random.nextInt(10) < 8, verification);
      }
      if (roll < 75) {
        return StepAnswer.skipped(random.nextInt(5) == 0 ? " " : "customer busy");
      }
      if (roll < 88) {
        return StepAnswer.notApplicable();
      }
      return StepAnswer.outage();
    }

    /** Mostly sensible answers for the current step, with enough mistakes to provoke every rule. */
    private OutcomeCommand outcome(String agent, Instant at) {
      String step =
          diagnosis.currentStep().isPresent() && random.nextInt(10) < 8
              ? diagnosis.currentStep().get().key()
              : pick(STEP_KEYS);
      int roll = random.nextInt(100);
      if (roll < 35) {
        return OutcomeCommand.nothingWrong(step, agent, at);
      }
      if (roll < 60) {
        List<String> offered = offered(step);
        int fixRoll = random.nextInt(10);
        String fix =
            fixRoll < 7 && !offered.isEmpty() ? pick(offered) : fixRoll < 8 ? null : pick(FIX_KEYS);
        return OutcomeCommand.fixed(step, fix, random.nextInt(10) < 7, agent, at)
            .withNote(random.nextBoolean() ? null : "tried at " + at);
      }
      if (roll < 75) {
        return OutcomeCommand.skipped(
            step, random.nextInt(5) == 0 ? "  " : "customer busy", agent, at);
      }
      if (roll < 90) {
        return OutcomeCommand.notApplicable(step, agent, at);
      }
      return OutcomeCommand.outage(step, agent, at);
    }

    private List<String> offered(String step) {
      return PLAYBOOK
          .step(step)
          .map(s -> s.fixOptions().stream().map(FixOption::key).toList())
          .orElse(List.of());
    }

    private void checkEvents(
        DiagnosisSnapshot before, DiagnosisSnapshot after, List<DiagnosisEvent> events) {
      check(
          has(events, DiagnosisEvent.Resolved.class)
              == (after.status() == RESOLVED
                  && !(before.status() == RESOLVED
                      && before.resolution().equals(after.resolution()))),
          "a Resolved event exactly when the diagnosis became resolved or its resolution changed");
      check(
          has(events, DiagnosisEvent.Escalated.class)
              == (after.status() == ESCALATED && before.status() != ESCALATED),
          "an Escalated event exactly when the diagnosis became escalated");
      check(
          has(events, DiagnosisEvent.WaitingOnApple.class)
              == (after.status() == WAITING_ON_APPLE && before.status() != WAITING_ON_APPLE),
          "a WaitingOnApple event exactly when the diagnosis started waiting");
      check(
          has(events, DiagnosisEvent.Reopened.class)
              == (before.status().isEnded() && !after.status().isEnded()),
          "a Reopened event exactly when an ended diagnosis is open again");
      check(
          !(before.status().isEnded() && !after.status().isEnded()) || after.status() == ABANDONED,
          "an ended diagnosis is only reopened paused");
      check(
          has(events, DiagnosisEvent.Corrected.class)
              == (after.corrections().size() == before.corrections().size() + 1),
          "a Corrected event exactly when the history gained a correction");
      check(
          after.corrections().size() >= before.corrections().size()
              && after
                  .corrections()
                  .subList(0, before.corrections().size())
                  .equals(before.corrections()),
          "the history of corrections only grows");
      check(
          has(events, DiagnosisEvent.ArticleOrderFollowed.class)
              == !after.order().equals(before.order()),
          "an ArticleOrderFollowed event exactly when the walked order changed");
      check(after.orderChoice().equals(choice), "the chosen order never changes");
      if (has(events, DiagnosisEvent.Corrected.class)) {
        var corrected = (DiagnosisEvent.Corrected) events.get(0);
        if (corrected.after() == null) {
          count("withdrew a result");
        } else if (corrected.before().equals(before.results().get(before.results().size() - 1))) {
          count("corrected the latest result");
        } else {
          count("corrected an earlier result");
        }
        if (before.status().isEnded()) {
          correctedAfterEnd = true;
        }
        if (has(events, DiagnosisEvent.Reopened.class)) {
          count("reopened by a correction");
        }
        if (before.status() == RESOLVED && after.status() == RESOLVED) {
          resolutionFollowed = true;
        }
      }
      if (has(events, DiagnosisEvent.Resolved.class)
          && after.results().get(after.results().size() - 1).attempt() > 1) {
        count("resolved by a further fix");
      }
      if (has(events, DiagnosisEvent.MovedOn.class)) {
        count("moved on explicitly");
      }
      if (has(events, DiagnosisEvent.ArticleOrderFollowed.class)) {
        count("switched to the article order");
      }
      if (events.stream()
          .anyMatch(e -> e instanceof DiagnosisEvent.StepRecorded r && r.result().attempt() > 1)) {
        count("tried another fix");
      }
      if (after.status() == IN_PROGRESS
          && before.status() == AWAITING_VERIFICATION
          && diagnosis.isOfferingAnotherFix()) {
        count("stayed for another fix");
      }
      for (DiagnosisEvent event : events) {
        check(!event.describe(PLAYBOOK).isBlank(), "every event describes itself");
      }
    }

    private void checkInvariants() {
      DiagnosisSnapshot s = diagnosis.snapshot();
      List<StepResult> results = s.results();
      DiagnosisStatus status = s.status();
      DiagnosisStatus working = status == ABANDONED ? s.statusBeforeAbandon() : status;
      StepResult last = results.isEmpty() ? null : results.get(results.size() - 1);
      Escalation escalation = s.escalation();
      StepOrder order = s.order();

      // The order: allowed, the chosen one or the chosen one switched to the article's.
      check(order.isAllowedFor(PLAYBOOK), "the walked order is allowed");
      check(s.orderChoice().equals(choice), "the chosen order is kept");
      if (s.orderOverride() == null) {
        check(order.equals(choice.order()), "without an override the chosen order is walked");
      } else {
        int from = s.orderOverride().fromPosition();
        check(
            order
                .stepKeys()
                .subList(0, from - 1)
                .equals(choice.order().stepKeys().subList(0, from - 1)),
            "an override keeps the chosen order before its position");
        List<String> rest = order.stepKeys().subList(from - 1, order.size());
        check(
            rest.equals(ARTICLE.stepKeys().stream().filter(rest::contains).toList()),
            "after an override the steps follow the article's order");
      }

      // Results: positions 1..k of the order, further attempts only after a failed fix.
      int position = 0;
      for (int i = 0; i < results.size(); i++) {
        StepResult r = results.get(i);
        boolean another = r.position() == position;
        check(
            another ? r.attempt() > 1 : r.position() == position + 1 && r.attempt() == 1,
            "results follow the positions of the order, attempts counted per step");
        position = r.position();
        check(
            r.stepKey().equals(order.keyAt(r.position())), "a result answers its position's step");
        check(
            r.stepNumber() == PLAYBOOK.step(r.stepKey()).orElseThrow().number(),
            "a result keeps its step's article number");
        if (another) {
          StepResult previous = results.get(i - 1);
          check(previous.isFailedFix(), "another fix follows a failed one");
          check(
              results.subList(i - r.attempt() + 1, i).stream()
                  .noneMatch(o -> o.fixOptionKey().equals(r.fixOptionKey())),
              "a fix option is tried once per step");
        }
        check(!r.startedAt().isAfter(r.endedAt()), "a step ends after it starts");
        check(
            r.verifiedAt() == null || !r.verifiedAt().isBefore(r.endedAt()),
            "a fix is verified after it was applied");
        check(
            i == 0
                ? !r.startedAt().isBefore(s.startedAt())
                : !r.startedAt().isBefore(results.get(i - 1).endedAt()),
            "steps follow each other in time");
        check(
            r.verification() != Verification.PENDING || r == last,
            "only the last result can await verification");
        check(
            r.corrections()
                <= s.corrections().stream()
                    .filter(c -> !c.withdrawn() && c.stepKey().equals(r.stepKey()))
                    .count(),
            "a result counts only corrections the history holds");
        if (r.outcome() == StepOutcome.FIXED) {
          FixOption fix =
              PLAYBOOK.step(r.stepKey()).orElseThrow().fixOption(r.fixOptionKey()).orElseThrow();
          check(!fix.requiresConsent() || r.consentGiven(), "consent in every order");
        }
      }
      int done = position;
      boolean pending = last != null && last.verification() == Verification.PENDING;
      boolean staying =
          working == IN_PROGRESS
              && last != null
              && last.isFailedFix()
              && s.currentStepNumber() == last.stepNumber();
      check(
          pending
              == (working == AWAITING_VERIFICATION
                  || (status == ESCALATED && !escalation.automatic() && pending)),
          "a verification is pending exactly while awaiting it (or left unverified by a manual escalation)");
      check(
          (status == ABANDONED) == (s.statusBeforeAbandon() != null),
          "only a paused diagnosis remembers its status");
      check(
          diagnosis.isOfferingAnotherFix() == (status == IN_PROGRESS && staying),
          "another fix is offered exactly while the walk stays after a failed fix");
      check(
          !staying || !untried(last.stepKey()).isEmpty(),
          "the walk stays at a step only while it has untried fixes");

      boolean completed = last != null && last.verification() == Verification.BACKUP_COMPLETED;
      check(
          (status == RESOLVED) == completed,
          "resolved exactly when the last fix's backup completed");
      check(
          (status == RESOLVED) == (s.resolution() != null)
              && (!completed
                  || s.resolution()
                      .equals(
                          new Resolution(last.stepKey(), last.stepNumber(), last.fixOptionKey()))),
          "the resolution is the fix whose backup completed");
      check(
          results.stream().filter(r -> r.verification() == Verification.BACKUP_COMPLETED).count()
              <= 1,
          "one fix resolves");

      check(status.isEnded() == (s.endedAt() != null), "ended exactly when endedAt is set");
      check(
          status.isEnded() == diagnosis.currentStep().isEmpty(),
          "no current step exactly when ended");
      check(
          status.isEnded() == (s.currentStepStartedAt() == null),
          "a running step has a start time");
      if (!status.isEnded()) {
        int expected = working == AWAITING_VERIFICATION || staying ? done : done + 1;
        check(diagnosis.currentPosition() == expected, "the current position follows the results");
        check(
            s.currentStepNumber() == PLAYBOOK.step(order.keyAt(expected)).orElseThrow().number(),
            "the current step is the one at the current position of the order");
        check(
            diagnosis.plannedSteps().stream()
                .map(PlaybookStep::key)
                .toList()
                .equals(order.stepKeys().subList(expected - 1, order.size())),
            "the planned steps are the rest of the order");
      } else {
        check(s.currentStepNumber() == 0, "an ended diagnosis has step 0");
        check(diagnosis.plannedSteps().isEmpty(), "an ended diagnosis plans nothing");
        Instant lastMoment =
            last == null
                ? s.startedAt()
                : last.verifiedAt() != null ? last.verifiedAt() : last.endedAt();
        check(!s.endedAt().isBefore(lastMoment), "a diagnosis ends after its last result");
      }
      check((status == ESCALATED) == (escalation != null), "an escalation exactly when escalated");
      check(
          escalation == null || !escalation.automatic() || (done == order.size() && !pending),
          "automatic escalation only after the last step of the order");
      check(
          (status == WAITING_ON_APPLE)
              == (last != null
                  && last.outcome() == StepOutcome.OUTAGE
                  && last.stepKey().equals("apple-status")),
          "waiting on Apple exactly after an outage at the Apple-status step");
      check(diagnosis.progress().done() == done, "progress counts the steps with results");
      check(
          new HashSet<>(results.stream().map(StepResult::stepKey).toList()).size() == done,
          "each walked step is one position");
      check(Diagnosis.restore(PLAYBOOK, s).snapshot().equals(s), "restore(snapshot) round-trips");
    }

    private List<String> untried(String stepKey) {
      List<String> tried =
          diagnosis.attempts(stepKey).stream().map(StepResult::fixOptionKey).toList();
      return offered(stepKey).stream().filter(k -> !tried.contains(k)).toList();
    }

    private void check(boolean condition, String rule) {
      if (!condition) {
        throw new AssertionError(
            "Invariant broken: "
                + rule
                + "\nseed="
                + SEED
                + " sequence seed="
                + seed
                + "\ncommands:\n  "
                + String.join("\n  ", log)
                + "\nsnapshot: "
                + diagnosis.snapshot());
      }
    }

    private void tick() {
      // Mostly forward, sometimes a little back, as clocks on different servers do.
      clock =
          clock.plusSeconds(random.nextInt(20) == 0 ? -random.nextInt(300) : random.nextInt(600));
    }

    private <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }
  }

  private static boolean has(List<DiagnosisEvent> events, Class<?> type) {
    return events.stream().anyMatch(type::isInstance);
  }

  private void count(String what) {
    count(what, 1);
  }

  private void count(String what, int times) {
    tally.merge(what, times, Integer::sum);
  }
}
