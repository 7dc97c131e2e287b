package io.backupdesk.diagnostics.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.diagnosis.CorrectionCommand;
import io.backupdesk.diagnostics.diagnosis.CorrectionScope;
import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.diagnosis.DiagnosisSnapshot;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.diagnosis.StepAnswer;
import io.backupdesk.diagnostics.diagnosis.StepResult;
import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.IcloudBackupPlaybook;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Plays the ticket's and its diagnoses' state machines together, as the app does (a diagnosis
 * command and the ticket following it succeed or fail as one), with random commands of agents and
 * supervisors, and checks after every command that the ticket's status may stand beside its newest
 * diagnosis's, that a refused command changed nothing, and that a diagnosis never moves a ticket
 * out of a status an agent chose without a timeline line saying so. Reproduce a failure with {@code
 * -Dticket.seed=<seed>}.
 */
class TicketDiagnosisRandomizedTest {
  private static final long SEED = Long.getLong("ticket.seed", 20261130L);
  private static final int SEQUENCES = 1_500;
  private static final int MAX_COMMANDS = 60;
  private static final Playbook PLAYBOOK = IcloudBackupPlaybook.v1();
  private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  private static final List<String> AGENTS = List.of("alex", "sam");
  private static final AgentDirectory STAFF = TicketCaseTest.STAFF;

  private final Map<String, Integer> tally = new HashMap<>();

  @Test
  void theTicketAndItsNewestDiagnosisNeverContradictEachOther() {
    Random seeds = new Random(SEED);
    for (int i = 0; i < SEQUENCES; i++) {
      new Run(seeds.nextLong()).play();
    }

    // The harness is only worth something if it reached every pair the rule allows (beside an
    // ended diagnosis, each ending stands for all three) and every refusal of the rule.
    var reached = new ArrayList<String>();
    for (TicketStatus ticket : TicketStatus.values()) {
      reached.add("pair " + ticket + " / none");
      for (DiagnosisStatus d : List.of(DiagnosisStatus.ABANDONED, DiagnosisStatus.RESOLVED)) {
        if (TicketCase.mayCoexist(ticket, Optional.of(d))) {
          reached.add("pair " + ticket + " / " + d);
        }
      }
    }
    reached.addAll(
        List.of(
            "pair IN_DIAGNOSIS / IN_PROGRESS",
            "pair IN_DIAGNOSIS / AWAITING_VERIFICATION",
            "pair RESOLVED / ESCALATED",
            "pair RESOLVED / WAITING_ON_APPLE",
            "refused RESOLVED beside a running diagnosis",
            "refused ESCALATED beside a running diagnosis",
            "refused WAITING_ON_APPLE beside a running diagnosis",
            "refused CLOSED beside a running diagnosis",
            "refused a status beside a paused diagnosis",
            "refused to move a closed ticket",
            "reopened by its diagnosis",
            "kept the agent's status beside a corrected diagnosis"));
    assertThat(reached)
        .as("seed %d: what the random sequences reached: %s", SEED, new TreeMap<>(tally))
        .allSatisfy(what -> assertThat(tally.getOrDefault(what, 0)).as(what).isGreaterThan(3));
  }

  private final class Run {
    private final long seed;
    private final Random random;
    private final TicketCase ticket;
    private final List<String> log = new ArrayList<>();
    private Diagnosis diagnosis;
    private int attempt;
    private Instant clock = T0;

    Run(long seed) {
      this.seed = seed;
      this.random = new Random(seed);
      this.ticket = TicketCase.open(7L, Channel.PHONE, "iPhone 12", "17.4", null, "alex", T0);
    }

    void play() {
      check();
      int commands = 1 + random.nextInt(MAX_COMMANDS);
      for (int i = 0; i < commands; i++) {
        clock = clock.plusSeconds(1 + random.nextInt(600));
        String agent = AGENTS.get(random.nextInt(AGENTS.size()));
        int roll = random.nextInt(100);
        if (roll < 22) {
          changeStatus(TicketStatus.values()[random.nextInt(TicketStatus.values().length)], agent);
        } else if (roll < 30) {
          start(agent);
        } else if (roll < 33) {
          ticketCommand("note", () -> ticket.addNote("Called back", agent, clock));
        } else if (diagnosis != null) {
          diagnosisCommand(agent, roll);
        }
        check();
      }
    }

    private Optional<LatestDiagnosis> latest() {
      return diagnosis == null
          ? Optional.empty()
          : Optional.of(new LatestDiagnosis(attempt, diagnosis.status()));
    }

    private void changeStatus(TicketStatus next, String agent) {
      log.add("status " + next);
      TicketSnapshot before = ticket.snapshot();
      try {
        ticket.changeStatus(next, latest(), agent, clock);
      } catch (DiagnosisRunningException refused) {
        assertThat(ticket.snapshot()).as(this::where).isEqualTo(before);
        assertThat(refused.getMessage()).as(this::where).contains("diagnosis " + attempt);
        count(
            diagnosis.status() == DiagnosisStatus.ABANDONED
                ? "refused a status beside a paused diagnosis"
                : "refused " + next + " beside a running diagnosis");
      } catch (DiagnosisException refused) {
        assertThat(ticket.snapshot()).as(this::where).isEqualTo(before);
      }
    }

    private void start(String agent) {
      log.add("start");
      TicketSnapshot before = ticket.snapshot();
      try {
        var start = ticket.startDiagnosis(latest(), PLAYBOOK, agent, STAFF, clock);
        diagnosis = start.diagnosis();
        attempt = start.attempt();
        checkReopenedLine(before.status(), start.timeline());
      } catch (DiagnosisException refused) {
        assertThat(ticket.snapshot()).as(this::where).isEqualTo(before);
      }
    }

    private void ticketCommand(String text, Supplier<List<TimelineEntry>> command) {
      log.add(text);
      command.get();
    }

    /** One command on the newest diagnosis, and the ticket following it, as one unit of work. */
    private void diagnosisCommand(String agent, int roll) {
      DiagnosisSnapshot diagnosisBefore = diagnosis.snapshot();
      TicketSnapshot ticketBefore = ticket.snapshot();
      String text;
      Supplier<List<DiagnosisEvent>> command;
      if (roll < 60) {
        var step = diagnosis.currentStep();
        OutcomeCommand outcome = outcome(step.orElse(PLAYBOOK.steps().get(0)), agent);
        text = "record " + outcome;
        command = () -> diagnosis.record(outcome);
      } else if (roll < 75) {
        boolean completed = random.nextInt(3) > 0;
        String key =
            diagnosis
                .pendingVerification()
                .map(StepResult::stepKey)
                .orElse(PLAYBOOK.steps().get(0).key());
        text = "verify " + key + " " + completed;
        command = () -> diagnosis.verify(key, completed, agent, clock);
      } else if (roll < 80) {
        text = "abandon";
        command = () -> diagnosis.abandon("left", agent, clock);
      } else if (roll < 87) {
        text = "resume";
        command = () -> diagnosis.resume(agent, clock);
      } else if (roll < 90) {
        text = "escalate";
        command = () -> diagnosis.escalate(EscalationTarget.TIER_2, "stuck", agent, clock);
      } else {
        var results = diagnosis.results();
        if (results.isEmpty()) {
          return;
        }
        StepResult result = results.get(random.nextInt(results.size()));
        StepAnswer answer =
            switch (random.nextInt(3)) {
              case 0 -> StepAnswer.nothingWrong();
              case 1 -> StepAnswer.notApplicable();
              default -> StepAnswer.skipped("customer could not check");
            };
        var correction =
            CorrectionCommand.replace(
                result.stepKey(),
                result.attempt(),
                answer,
                "recorded by mistake",
                "lee",
                CorrectionScope.ANY_RESULT_ANY_TIME,
                clock);
        text = "correct " + result.stepKey();
        command = () -> diagnosis.correct(correction);
      }
      log.add(text);
      DiagnosisStatus statusBefore = diagnosis.status();
      List<DiagnosisEvent> happened;
      try {
        happened = command.get();
      } catch (DiagnosisException refused) {
        assertThat(diagnosis.snapshot()).as(this::where).isEqualTo(diagnosisBefore);
        return;
      }
      if (happened.isEmpty()) {
        return;
      }
      List<TimelineEntry> timeline;
      try {
        timeline =
            ticket.diagnosisProgressed(
                diagnosis, attempt, happened, name -> new AgentName(name, name), clock);
      } catch (TicketClosedException refused) {
        // The unit of work rolls back: the diagnosis is as it was, and so is the ticket.
        assertThat(ticketBefore.status()).as(this::where).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.snapshot()).as(this::where).isEqualTo(ticketBefore);
        diagnosis = Diagnosis.restore(PLAYBOOK, diagnosisBefore);
        count("refused to move a closed ticket");
        return;
      }
      checkReopenedLine(ticketBefore.status(), timeline);
      if (statusBefore.isEnded()
          && diagnosis.status().isEnded()
          && ticket.status() == ticketBefore.status()
          && ticket.status() != TicketStatus.afterDiagnosis(diagnosis.status())) {
        count("kept the agent's status beside a corrected diagnosis");
      }
    }

    private OutcomeCommand outcome(PlaybookStep step, String agent) {
      String key = random.nextInt(12) == 0 ? "bluetooth" : step.key();
      if (step.number() == 5 && random.nextInt(3) == 0) {
        return OutcomeCommand.outage(key, agent, clock);
      }
      return switch (random.nextInt(6)) {
        case 0, 1 -> OutcomeCommand.nothingWrong(key, agent, clock);
        case 2 -> {
          List<FixOption> options = step.fixOptions();
          yield options.isEmpty()
              ? OutcomeCommand.notApplicable(key, agent, clock)
              : OutcomeCommand.fixed(
                  key, options.get(random.nextInt(options.size())).key(), true, agent, clock);
        }
        case 3 -> OutcomeCommand.outage(key, agent, clock);
        case 4 -> OutcomeCommand.skipped(key, "no time", agent, clock);
        default -> OutcomeCommand.notApplicable(key, agent, clock);
      };
    }

    /** A ticket that was resolved or escalated and is open again says so in its timeline. */
    private void checkReopenedLine(TicketStatus before, List<TimelineEntry> timeline) {
      if (before.isReopenable() && ticket.status() != before && ticket.status().isOpen()) {
        assertThat(timeline)
            .as(this::where)
            .extracting(TimelineEntry::kind)
            .contains(TimelineKind.REOPENED);
        count("reopened by its diagnosis");
      }
      assertThat(before == TicketStatus.CLOSED && ticket.status() != TicketStatus.CLOSED)
          .as(() -> where() + ": a diagnosis moved a closed ticket")
          .isFalse();
    }

    private void check() {
      Optional<DiagnosisStatus> newest = latest().map(LatestDiagnosis::status);
      assertThat(TicketCase.mayCoexist(ticket.status(), newest))
          .as(() -> where() + ": ticket " + ticket.status() + " beside " + newest)
          .isTrue();
      count("pair " + ticket.status() + " / " + newest.map(Enum::name).orElse("none"));
    }

    private String where() {
      return "seed " + seed + " after " + log;
    }
  }

  private void count(String what) {
    tally.merge(what, 1, Integer::sum);
  }
}
