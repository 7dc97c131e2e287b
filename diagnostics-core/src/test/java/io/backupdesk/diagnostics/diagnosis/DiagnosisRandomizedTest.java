package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.ABANDONED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.AWAITING_VERIFICATION;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.ESCALATED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.RESOLVED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.WAITING_ON_APPLE;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Drives thousands of random command sequences, valid and invalid, and checks the diagnosis's
 * invariants after every command. Reproduce a failure with {@code -Ddiagnosis.seed=<seed>}.
 */
class DiagnosisRandomizedTest {
  private static final long SEED = Long.getLong("diagnosis.seed", 20261120L);
  private static final int SEQUENCES = 5_000;
  private static final int MAX_COMMANDS = 30;
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
            "ended WAITING_ON_APPLE",
            "ended ESCALATED automatically",
            "ended ESCALATED by an agent",
            "paused",
            "idempotent repeat",
            "UnknownStepException",
            "UnknownFixOptionException",
            "SkipReasonRequiredException",
            "ConsentRequiredException",
            "StepOutOfOrderException",
            "OutcomeNotAllowedException",
            "EscalationReasonRequiredException",
            "IllegalTransitionException",
            "ConflictingOutcomeException")
        .allSatisfy((what, count) -> assertThat(count).as(what).isGreaterThan(20));
  }

  /**
   * One command as generated. Recording, verifying and escalating promise that an identical repeat
   * changes nothing; {@code repeat} marks such a copy of a command accepted before.
   */
  private record Command(
      String text,
      Function<Diagnosis, List<DiagnosisEvent>> run,
      boolean idempotent,
      boolean repeat) {
    Command again() {
      return new Command(text + " (again)", run, true, true);
    }
  }

  private final class Run {
    private final long seed;
    private final Random random;
    private final Diagnosis diagnosis;
    private final List<Command> accepted = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private Instant clock = T0;

    Run(long seed) {
      this.seed = seed;
      this.random = new Random(seed);
      this.diagnosis = Diagnosis.start(PLAYBOOK, pick(DEVICES), "alice", T0);
    }

    void play() {
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
        } else if (!events.isEmpty() && command.idempotent()) {
          accepted.add(command.again());
        }
        DiagnosisSnapshot after = diagnosis.snapshot();
        check(events.isEmpty() == after.equals(before), "events without change, or the reverse");
        checkEvents(before, after, events);
        checkInvariants();
      }
      DiagnosisStatus status = diagnosis.status();
      if (status.isEnded()) {
        boolean automatic = diagnosis.escalation().map(Escalation::automatic).orElse(false);
        count(
            "ended "
                + status
                + (status == ESCALATED ? automatic ? " automatically" : " by an agent" : ""));
      } else if (status == ABANDONED) {
        count("paused");
      }
    }

    private Command next() {
      tick();
      String agent = pick(AGENTS);
      Instant at = clock;
      int roll = random.nextInt(200);
      if (diagnosis.status() == ABANDONED && roll < 60) {
        return resume(agent, at);
      }
      if (roll < 110) {
        OutcomeCommand command = outcome(agent, at);
        return new Command("record " + command, d -> d.record(command), true, false);
      }
      if (roll < 145) {
        String step =
            diagnosis.pendingVerification().isPresent() && random.nextInt(4) > 0
                ? diagnosis.pendingVerification().get().stepKey()
                : pick(STEP_KEYS);
        boolean completed = random.nextInt(10) < 3;
        return new Command(
            "verify " + step + " " + completed + " by " + agent + " at " + at,
            d -> d.verify(step, completed, agent, at),
            true,
            false);
      }
      if (roll < 175 && !accepted.isEmpty()) {
        return accepted.get(random.nextInt(accepted.size()));
      }
      if (roll < 185) {
        return new Command("abandon at " + at, d -> d.abandon("left", agent, at), false, false);
      }
      if (roll < 194) {
        return resume(agent, at);
      }
      EscalationTarget target = pick(List.of(EscalationTarget.values()));
      String reason = random.nextInt(5) == 0 ? " " : "needs " + target.label();
      return new Command(
          "escalate " + target + " '" + reason + "' at " + at,
          d -> d.escalate(target, reason, agent, at),
          true,
          false);
    }

    private Command resume(String agent, Instant at) {
      return new Command("resume at " + at, d -> d.resume(agent, at), false, false);
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
        List<String> offered =
            PLAYBOOK
                .step(step)
                .map(s -> s.fixOptions().stream().map(FixOption::key).toList())
                .orElse(List.of());
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

    private void checkEvents(
        DiagnosisSnapshot before, DiagnosisSnapshot after, List<DiagnosisEvent> events) {
      check(
          has(events, DiagnosisEvent.Resolved.class)
              == (after.status() == RESOLVED && before.status() != RESOLVED),
          "a Resolved event exactly when the diagnosis became resolved");
      check(
          has(events, DiagnosisEvent.Escalated.class)
              == (after.status() == ESCALATED && before.status() != ESCALATED),
          "an Escalated event exactly when the diagnosis became escalated");
      check(
          has(events, DiagnosisEvent.WaitingOnApple.class)
              == (after.status() == WAITING_ON_APPLE && before.status() != WAITING_ON_APPLE),
          "a WaitingOnApple event exactly when the diagnosis started waiting");
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

      for (int i = 0; i < results.size(); i++) {
        StepResult r = results.get(i);
        check(
            r.stepNumber() == i + 1 && r.stepKey().equals(PLAYBOOK.stepNumber(i + 1).key()),
            "results are steps 1..k in order");
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
      }
      boolean pending = last != null && last.verification() == Verification.PENDING;
      check(
          pending
              == (working == AWAITING_VERIFICATION
                  || (status == ESCALATED && !escalation.automatic() && pending)),
          "a verification is pending exactly while awaiting it (or left unverified by a manual escalation)");
      check(
          (status == ABANDONED) == (s.statusBeforeAbandon() != null),
          "only a paused diagnosis remembers its status");

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
        int expected = working == AWAITING_VERIFICATION ? results.size() : results.size() + 1;
        check(s.currentStepNumber() == expected, "the current step follows the results");
      } else {
        check(s.currentStepNumber() == 0, "an ended diagnosis has step 0");
        Instant lastMoment =
            last == null
                ? s.startedAt()
                : last.verifiedAt() != null ? last.verifiedAt() : last.endedAt();
        check(!s.endedAt().isBefore(lastMoment), "a diagnosis ends after its last result");
      }
      check((status == ESCALATED) == (escalation != null), "an escalation exactly when escalated");
      check(
          escalation == null
              || !escalation.automatic()
              || (results.size() == PLAYBOOK.size() && !pending),
          "automatic escalation only after the last step");
      check(
          (status == WAITING_ON_APPLE)
              == (last != null
                  && last.outcome() == StepOutcome.OUTAGE
                  && last.stepKey().equals("apple-status")),
          "waiting on Apple exactly after an outage at step 5");
      check(diagnosis.progress().done() == results.size(), "progress counts the results");
      check(Diagnosis.restore(PLAYBOOK, s).snapshot().equals(s), "restore(snapshot) round-trips");
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
