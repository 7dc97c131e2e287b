package io.backupdesk.diagnostics.ticket;

import static io.backupdesk.diagnostics.ticket.TimelineKind.ABANDONED;
import static io.backupdesk.diagnostics.ticket.TimelineKind.ASSIGNED;
import static io.backupdesk.diagnostics.ticket.TimelineKind.DIAGNOSIS_STARTED;
import static io.backupdesk.diagnostics.ticket.TimelineKind.ESCALATED;
import static io.backupdesk.diagnostics.ticket.TimelineKind.RESOLVED;
import static io.backupdesk.diagnostics.ticket.TimelineKind.RESUMED;
import static io.backupdesk.diagnostics.ticket.TimelineKind.STEP_RECORDED;
import static io.backupdesk.diagnostics.ticket.TimelineKind.VERIFIED;
import static io.backupdesk.diagnostics.ticket.TimelineKind.WAITING_ON_APPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.playbook.IcloudBackupPlaybook;
import io.backupdesk.diagnostics.playbook.Playbook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketCaseTest {

  static final Playbook PLAYBOOK = IcloudBackupPlaybook.v1();
  static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  static final AgentDirectory STAFF =
      username ->
          switch (username) {
            case "alex" -> new AgentName("alex", "Alex Morgan");
            case "sam" -> new AgentName("sam", "Sam Rivera");
            default -> throw new IllegalArgumentException("No enabled agent " + username);
          };
  static final AgentDirectory NOBODY_ASKED =
      username -> {
        throw new AssertionError("The directory was asked for " + username);
      };

  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  /** Ticket 42, stored and NEW, opened by alex on the phone for an iPhone 8 on iOS 16.7.2. */
  static TicketCase stored() {
    return TicketCase.open(42L, Channel.PHONE, "iPhone 8", "16.7.2", null, "alex", T0);
  }

  @Test
  void aNewTicketIsNewUnassignedAndNormalAndSaysHowItCameIn() {
    var ticket = TicketCase.open(null, Channel.CHAT, "iPhone 15", "17.5", null, "alex", T0);

    assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
    assertThat(ticket.assignee()).isEmpty();
    assertThat(ticket.snapshot().priority()).isEqualTo(Priority.NORMAL);
    assertThat(ticket.snapshot().updatedAt()).isEqualTo(T0);
    assertThat(ticket.openedEntry())
        .isEqualTo(
            new TimelineEntry(
                TimelineKind.CREATED,
                T0,
                "alex",
                "Ticket opened by chat: iPhone 15 on iOS 17.5",
                null));
  }

  @Test
  void aNewPriorityIsWrittenOnceAndRepeatingItChangesNothing() {
    var ticket = stored();

    assertThat(ticket.changePriority(Priority.URGENT, "sam", at(1)))
        .extracting(TimelineEntry::summary)
        .containsExactly("Priority Normal → Urgent");
    assertThat(ticket.changePriority(Priority.URGENT, "sam", at(2))).isEmpty();
    assertThat(ticket.snapshot().updatedAt()).isEqualTo(at(1));
  }

  @Test
  void assigningSaysWhoTookTheTicketOrWhoItWentTo() {
    var ticket = stored();

    assertThat(ticket.assign("sam", STAFF, "alex", at(1)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(ASSIGNED);
              assertThat(e.summary()).isEqualTo("Assigned to Sam Rivera");
              assertThat(e.actor()).isEqualTo("alex");
            });
    assertThat(ticket.assign("alex", STAFF, "alex", at(2)))
        .extracting(TimelineEntry::summary)
        .containsExactly("Alex Morgan took the ticket");
    assertThat(ticket.assign("alex", NOBODY_ASKED, "sam", at(3))).isEmpty();
    assertThat(ticket.unassign("sam", at(4)))
        .extracting(TimelineEntry::summary)
        .containsExactly("Unassigned (was alex)");
    assertThat(ticket.unassign("sam", at(5))).isEmpty();
    assertThat(ticket.assignee()).isEmpty();
  }

  @Test
  void anAccountTheDirectoryRefusesIsNotAssigned() {
    var ticket = stored();

    assertThatThrownBy(() -> ticket.assign("ghost", STAFF, "alex", at(1)))
        .hasMessageContaining("ghost");
    assertThat(ticket.assignee()).isEmpty();
  }

  @Test
  void closingAndReopeningAreNamedAndKeepTheMilestoneTimes() {
    var ticket = stored();

    assertThat(ticket.changeStatus(TicketStatus.CLOSED, Optional.empty(), "sam", at(1)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(TimelineKind.CLOSED);
              assertThat(e.summary()).isEqualTo("Closed");
            });
    assertThat(ticket.snapshot().closedAt()).isEqualTo(at(1));
    assertThat(ticket.changeStatus(TicketStatus.CLOSED, Optional.empty(), "sam", at(2))).isEmpty();

    assertThat(ticket.changeStatus(TicketStatus.NEW, Optional.empty(), "sam", at(3)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(TimelineKind.REOPENED);
              assertThat(e.summary()).isEqualTo("Reopened (was Closed)");
            });
    assertThat(ticket.snapshot().closedAt()).isNull();

    assertThat(
            ticket.changeStatus(TicketStatus.WAITING_ON_CUSTOMER, Optional.empty(), "sam", at(4)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(TimelineKind.STATUS_CHANGED);
              assertThat(e.summary()).isEqualTo("Status New → Waiting on customer");
            });
  }

  @Test
  void onlyResolvedEscalatedAndClosedTicketsAreReopened() {
    assertThat(EnumSet.allOf(TicketStatus.class).stream().filter(TicketStatus::isReopenable))
        .containsExactlyInAnyOrder(
            TicketStatus.RESOLVED, TicketStatus.ESCALATED, TicketStatus.CLOSED);
  }

  @Test
  void aMoveTheStatusTableForbidsIsRefusedWithWhereTheTicketCanGo() {
    var ticket = stored();

    assertThatThrownBy(
            () -> ticket.changeStatus(TicketStatus.RESOLVED, Optional.empty(), "sam", at(1)))
        .isInstanceOf(IllegalTicketTransitionException.class)
        .hasMessage(
            "A ticket that is New cannot become Resolved. Allowed next: [Closed, In diagnosis,"
                + " Waiting on customer].");
    assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
  }

  @Test
  void aTicketWithARunningDiagnosisCannotBeClosedButAPausedOneCan() {
    var running = stored();
    running.startDiagnosis(Optional.empty(), PLAYBOOK, "alex", STAFF, at(1));

    assertThatThrownBy(
            () ->
                running.changeStatus(
                    TicketStatus.CLOSED,
                    Optional.of(new LatestDiagnosis(1, DiagnosisStatus.AWAITING_VERIFICATION)),
                    "sam",
                    at(2)))
        .isInstanceOf(DiagnosisRunningException.class)
        .hasMessage(
            "Ticket 42 cannot become Closed while its diagnosis 1 is awaiting verification: the"
                + " ticket stays In diagnosis until the diagnosis ends. Finish or escalate the"
                + " diagnosis, or pause it (customer left), first.");

    var paused = stored();
    paused.startDiagnosis(Optional.empty(), PLAYBOOK, "alex", STAFF, at(1));
    assertThat(
            paused.changeStatus(
                TicketStatus.CLOSED,
                Optional.of(new LatestDiagnosis(1, DiagnosisStatus.ABANDONED)),
                "sam",
                at(2)))
        .extracting(TimelineEntry::kind)
        .containsExactly(TimelineKind.CLOSED);
  }

  @Test
  void aNoteShowsItsFirstLineCutTo120CharactersAndKeepsTheWholeText() {
    var ticket = stored();
    String first = "x".repeat(130);

    var entry = ticket.addNote("  " + first + "\nsecond line\n", "sam", at(1)).get(0);

    assertThat(entry.kind()).isEqualTo(TimelineKind.NOTE);
    assertThat(entry.summary()).isEqualTo("Note: " + "x".repeat(119) + "…");
    assertThat(entry.details()).isEqualTo(first + "\nsecond line");
    assertThat(ticket.addNote("Called back", "sam", at(2)).get(0).summary())
        .isEqualTo("Note: Called back");
    assertThat(ticket.snapshot().updatedAt()).isEqualTo(at(2));
    assertThatThrownBy(() -> ticket.addNote(" \n ", "sam", at(3)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSummaryLongerThanATimelineLineIsCut() {
    var entry = new TimelineEntry(TimelineKind.NOTE, T0, "sam", "y".repeat(600), null);

    assertThat(entry.summary()).hasSize(TimelineEntry.MAX_SUMMARY).endsWith("y…");
  }

  @Test
  void startingADiagnosisNumbersItTheStarterTakesTheTicketAndItIsInDiagnosis() {
    var ticket = stored();

    var start = ticket.startDiagnosis(Optional.empty(), PLAYBOOK, "alex", STAFF, at(1));

    assertThat(start.attempt()).isEqualTo(1);
    assertThat(start.diagnosis().status()).isEqualTo(DiagnosisStatus.IN_PROGRESS);
    assertThat(start.timeline())
        .extracting(TimelineEntry::kind, TimelineEntry::summary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                DIAGNOSIS_STARTED,
                "Diagnosis 1: Diagnosis started (playbook v1) for iPhone 8 on iOS 16.7.2"),
            org.assertj.core.groups.Tuple.tuple(ASSIGNED, "Alex Morgan took the ticket"));
    assertThat(ticket.status()).isEqualTo(TicketStatus.IN_DIAGNOSIS);
    assertThat(ticket.assignee()).contains("alex");
  }

  @Test
  void aSecondDiagnosisOfAnAssignedTicketLeavesTheAssigneeAlone() {
    var ticket = stored();
    ticket.assign("sam", STAFF, "sam", at(1));

    var start =
        ticket.startDiagnosis(
            Optional.of(new LatestDiagnosis(1, DiagnosisStatus.ESCALATED)),
            PLAYBOOK,
            "alex",
            NOBODY_ASKED,
            at(2));

    assertThat(start.attempt()).isEqualTo(2);
    assertThat(start.timeline()).extracting(TimelineEntry::kind).containsExactly(DIAGNOSIS_STARTED);
    assertThat(start.timeline().get(0).summary()).startsWith("Diagnosis 2: ");
    assertThat(ticket.assignee()).contains("sam");
  }

  @Test
  void aDiagnosisCannotStartBesideAnOpenOneNorOnAClosedTicket() {
    var ticket = stored();

    assertThatThrownBy(
            () ->
                ticket.startDiagnosis(
                    Optional.of(new LatestDiagnosis(1, DiagnosisStatus.ABANDONED)),
                    PLAYBOOK,
                    "alex",
                    STAFF,
                    at(1)))
        .isInstanceOf(DiagnosisOpenException.class)
        .hasMessage(
            "Ticket 42 already has a diagnosis that has not ended (Abandoned): resume or escalate"
                + " it instead of starting another.");

    ticket.changeStatus(TicketStatus.CLOSED, Optional.empty(), "sam", at(2));
    assertThatThrownBy(
            () -> ticket.startDiagnosis(Optional.empty(), PLAYBOOK, "alex", STAFF, at(3)))
        .isInstanceOf(TicketClosedException.class)
        .isInstanceOf(DiagnosisException.class)
        .hasMessage("Ticket 42 is closed: reopen it before starting a diagnosis.");
  }

  @Test
  void everyKindOfDiagnosisEventGetsItsLineAndTheTicketFollowsTheDiagnosis() {
    var ticket = stored();
    var start = ticket.startDiagnosis(Optional.empty(), PLAYBOOK, "alex", STAFF, at(0));
    Diagnosis diagnosis = start.diagnosis();
    var timeline = new ArrayList<TimelineEntry>();
    var statuses = new ArrayList<TicketStatus>();
    List<java.util.function.Supplier<List<DiagnosisEvent>>> commands =
        List.of(
            () ->
                diagnosis.record(
                    OutcomeCommand.nothingWrong("backup-switch", "alex", at(1))
                        .withNote("Switch was on")),
            () -> diagnosis.abandon("Had to go", "alex", at(2)),
            () -> diagnosis.resume("sam", at(3)),
            () ->
                diagnosis.record(OutcomeCommand.fixed("wifi", "join-network", false, "sam", at(4))),
            () -> diagnosis.verify("wifi", true, "sam", at(5)));
    int minute = 0;
    for (var command : commands) {
      minute++;
      timeline.addAll(ticket.diagnosisProgressed(diagnosis, 1, command.get(), STAFF, at(minute)));
      statuses.add(ticket.status());
    }

    assertThat(timeline)
        .extracting(TimelineEntry::kind)
        .containsExactly(
            STEP_RECORDED, ABANDONED, RESUMED, ASSIGNED, STEP_RECORDED, VERIFIED, RESOLVED);
    // The note is shown once: as the line's details, not again in its summary.
    assertThat(timeline.get(0).summary()).isEqualTo("Step 1 · iCloud Backup switch: nothing wrong");
    assertThat(timeline.get(0).details()).isEqualTo("Switch was on");
    assertThat(timeline.get(1).details()).isNull();
    assertThat(timeline.get(2).actor()).isEqualTo("sam");
    // Sam resumed with the customer, so Sam has the ticket now (Alex had taken it at the start).
    assertThat(timeline.get(3).summary()).isEqualTo("Sam Rivera took the ticket");
    assertThat(ticket.assignee()).contains("sam");
    assertThat(statuses)
        .containsExactly(
            TicketStatus.IN_DIAGNOSIS,
            TicketStatus.WAITING_ON_CUSTOMER,
            TicketStatus.IN_DIAGNOSIS,
            TicketStatus.IN_DIAGNOSIS,
            TicketStatus.RESOLVED);
    assertThat(ticket.snapshot().resolvedAt()).isEqualTo(at(minute));
  }

  @Test
  void escalationsAndOutagesEndTheTicketsDiagnosisToo() {
    var escalated = stored();
    var first = escalated.startDiagnosis(Optional.empty(), PLAYBOOK, "alex", STAFF, at(0));
    var happened =
        first.diagnosis().escalate(EscalationTarget.APPLE_SUPPORT, "Account locked", "alex", at(1));
    assertThat(escalated.diagnosisProgressed(first.diagnosis(), 1, happened, NOBODY_ASKED, at(1)))
        .extracting(TimelineEntry::kind)
        .containsExactly(ESCALATED);
    assertThat(escalated.status()).isEqualTo(TicketStatus.ESCALATED);

    var outage = stored();
    var walk = outage.startDiagnosis(Optional.empty(), PLAYBOOK, "alex", STAFF, at(0)).diagnosis();
    for (int n = 1; n < 5; n++) {
      walk.record(OutcomeCommand.nothingWrong(PLAYBOOK.stepNumber(n).key(), "alex", at(n)));
    }
    happened = walk.record(OutcomeCommand.outage("apple-status", "alex", at(5)));
    assertThat(outage.diagnosisProgressed(walk, 1, happened, NOBODY_ASKED, at(5)))
        .extracting(TimelineEntry::kind)
        .containsExactly(STEP_RECORDED, WAITING_ON_APPLE);
    assertThat(outage.status()).isEqualTo(TicketStatus.WAITING_ON_APPLE);
  }

  @Test
  void aClosedTicketRefusesToFollowItsDiagnosisUntilAnAgentReopensIt() {
    var ticket = stored();
    var diagnosis =
        ticket.startDiagnosis(Optional.empty(), PLAYBOOK, "alex", STAFF, at(0)).diagnosis();
    var paused = diagnosis.abandon("left", "alex", at(1));
    ticket.diagnosisProgressed(diagnosis, 1, paused, at(1));
    ticket.changeStatus(
        TicketStatus.CLOSED,
        Optional.of(new LatestDiagnosis(1, DiagnosisStatus.ABANDONED)),
        "sam",
        at(2));
    var resumed = diagnosis.resume("alex", at(3));

    assertThatThrownBy(() -> ticket.diagnosisProgressed(diagnosis, 1, resumed, at(3)))
        .isInstanceOf(TicketClosedException.class)
        .hasMessage("Ticket 42 is Closed: reopen it first.");
    assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
  }

  @Test
  void noStatusButInDiagnosisStandsBesideARunningDiagnosisAndThePausedOneKeepsItsThree() {
    for (var running :
        List.of(DiagnosisStatus.IN_PROGRESS, DiagnosisStatus.AWAITING_VERIFICATION)) {
      assertThat(TicketCase.statusesBeside(Optional.of(running)))
          .containsExactly(TicketStatus.IN_DIAGNOSIS);
    }
    assertThat(TicketCase.statusesBeside(Optional.of(DiagnosisStatus.ABANDONED)))
        .containsExactly(TicketStatus.NEW, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.CLOSED);
    for (var ended :
        List.of(
            DiagnosisStatus.RESOLVED,
            DiagnosisStatus.ESCALATED,
            DiagnosisStatus.WAITING_ON_APPLE)) {
      assertThat(TicketCase.statusesBeside(Optional.of(ended)))
          .containsExactlyElementsOf(EnumSet.allOf(TicketStatus.class));
    }
    assertThat(TicketCase.statusesBeside(Optional.empty()))
        .containsExactlyElementsOf(EnumSet.allOf(TicketStatus.class));
  }

  @Test
  void nobodyResolvesEscalatesOrParksATicketByHandWhileItsDiagnosisRuns() {
    var ticket = stored();
    ticket.startDiagnosis(Optional.empty(), PLAYBOOK, "alex", STAFF, at(0));
    var running = Optional.of(new LatestDiagnosis(1, DiagnosisStatus.IN_PROGRESS));

    for (var next :
        List.of(
            TicketStatus.RESOLVED,
            TicketStatus.ESCALATED,
            TicketStatus.WAITING_ON_APPLE,
            TicketStatus.WAITING_ON_CUSTOMER,
            TicketStatus.CLOSED)) {
      assertThatThrownBy(() -> ticket.changeStatus(next, running, "sam", at(1)))
          .isInstanceOf(DiagnosisRunningException.class)
          .hasMessageStartingWith(
              "Ticket 42 cannot become " + next.label() + " while its diagnosis 1 is in progress");
    }
    assertThat(ticket.status()).isEqualTo(TicketStatus.IN_DIAGNOSIS);
  }

  @Test
  void aPausedDiagnosisMustBeResumedOrEscalatedBeforeTheTicketIsResolved() {
    var ticket = stored();
    var diagnosis =
        ticket.startDiagnosis(Optional.empty(), PLAYBOOK, "alex", STAFF, at(0)).diagnosis();
    ticket.diagnosisProgressed(diagnosis, 1, diagnosis.abandon(null, "alex", at(1)), at(1));
    var paused = Optional.of(new LatestDiagnosis(1, DiagnosisStatus.ABANDONED));

    assertThatThrownBy(() -> ticket.changeStatus(TicketStatus.IN_DIAGNOSIS, paused, "sam", at(2)))
        .isInstanceOf(DiagnosisRunningException.class)
        .hasMessage(
            "Ticket 42 cannot become In diagnosis while its diagnosis 1 is paused (the customer"
                + " left): resume the diagnosis, or escalate it. Beside a paused diagnosis the"
                + " ticket can be: New, Waiting on customer, Closed.");
    assertThat(ticket.changeStatus(TicketStatus.NEW, paused, "sam", at(3)))
        .extracting(TimelineEntry::summary)
        .containsExactly("Status Waiting on customer → New");
  }

  @Test
  void aCorrectionThatReopensTheDiagnosisOfATicketResolvedByHandReopensTheTicketWithALine() {
    var ticket = stored();
    var diagnosis =
        ticket.startDiagnosis(Optional.empty(), PLAYBOOK, "alex", STAFF, at(0)).diagnosis();
    var steps = PLAYBOOK.steps();
    for (int i = 0; i < 4; i++) {
      ticket.diagnosisProgressed(
          diagnosis,
          1,
          diagnosis.record(OutcomeCommand.nothingWrong(steps.get(i).key(), "alex", at(1 + i))),
          at(1 + i));
    }
    var outage = diagnosis.record(OutcomeCommand.outage(steps.get(4).key(), "alex", at(6)));
    ticket.diagnosisProgressed(diagnosis, 1, outage, at(6));
    assertThat(ticket.status()).isEqualTo(TicketStatus.WAITING_ON_APPLE);
    var ended = Optional.of(new LatestDiagnosis(1, DiagnosisStatus.WAITING_ON_APPLE));
    ticket.changeStatus(TicketStatus.IN_DIAGNOSIS, ended, "sam", at(7));
    ticket.changeStatus(TicketStatus.RESOLVED, ended, "sam", at(8));

    var reopened =
        diagnosis.correct(
            io.backupdesk.diagnostics.diagnosis.CorrectionCommand.replace(
                steps.get(4).key(),
                1,
                io.backupdesk.diagnostics.diagnosis.StepAnswer.nothingWrong(),
                "Apple's page was green after all",
                "lee",
                io.backupdesk.diagnostics.diagnosis.CorrectionScope.ANY_RESULT_ANY_TIME,
                at(9)));
    var timeline = ticket.diagnosisProgressed(diagnosis, 1, reopened, at(9));

    // The reopened walk waits, paused, for an agent to resume it with the customer.
    assertThat(diagnosis.status()).isEqualTo(DiagnosisStatus.ABANDONED);
    assertThat(ticket.status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
    assertThat(timeline)
        .last()
        .isEqualTo(
            new TimelineEntry(
                TimelineKind.REOPENED,
                at(9),
                "lee",
                "Reopened (was Resolved): diagnosis 1 is open again",
                null));
  }

  @Test
  void aTicketCreatedAheadOfTheClockIsNeverUpdatedBeforeItWasCreated() {
    // Written by a clock an hour ahead of this one (another server, generated data).
    var ticket = TicketCase.open(42L, Channel.PHONE, "iPhone 8", "16.7.2", null, "alex", at(60));

    ticket.changePriority(Priority.HIGH, "sam", at(1));
    assertThat(ticket.snapshot().updatedAt()).isEqualTo(at(60));
    ticket.changeStatus(TicketStatus.CLOSED, Optional.empty(), "sam", at(2));
    assertThat(ticket.snapshot().closedAt()).isEqualTo(at(60));
    assertThat(ticket.snapshot().updatedAt()).isEqualTo(at(60));

    // Once the clock has caught up, changes carry their own time again.
    ticket.changeStatus(TicketStatus.NEW, Optional.empty(), "sam", at(90));
    assertThat(ticket.snapshot().updatedAt()).isEqualTo(at(90));
    ticket.addNote("Called back", "sam", at(80));
    assertThat(ticket.snapshot().updatedAt())
        .as("never earlier than the last change either")
        .isEqualTo(at(90));
  }
}
