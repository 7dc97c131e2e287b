package io.backupdesk.web.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.diagnostics.ticket.TimelineKind;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.ProblemType;
import io.backupdesk.web.common.RuleException;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.backupdesk.web.testing.TestTickets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
/** The diagnosis commands' handlers, through the test walker that sends the API's requests. */
class DiagnosisHandlersTest {

  @Inject TestDiagnoses diagnoses;
  @Inject TestTickets tickets;
  @Inject DiagnosisRepository records;

  String agent;
  long ticketId;

  @BeforeEach
  void openTicket() {
    agent = TestData.agent("svc-agent");
    ticketId = TestData.ticket().openedBy(agent);
  }

  @Test
  void aConfirmedFixResolvesTheTicketAndTheTimelineTellsTheStory() {
    var view = diagnoses.start(ticketId, agent);
    for (var step : new String[] {"backup-switch", "wifi", "power"}) {
      view =
          diagnoses.record(
              ticketId, view.version(), OutcomeCommand.nothingWrong(step, agent, Instant.now()));
    }
    view =
        diagnoses.record(
            ticketId,
            view.version(),
            OutcomeCommand.fixed("storage", "upgrade-plan", true, agent, Instant.now()));
    assertThat(view.diagnosis().status()).isEqualTo(DiagnosisStatus.AWAITING_VERIFICATION);

    view = diagnoses.verify(ticketId, view.version(), "storage", true, agent);

    assertThat(view.diagnosis().status()).isEqualTo(DiagnosisStatus.RESOLVED);
    assertThat(view.diagnosis().resolution())
        .hasValueSatisfying(
            r -> {
              assertThat(r.stepNumber()).isEqualTo(4);
              assertThat(r.fixOptionKey()).isEqualTo("upgrade-plan");
            });
    var ticket = tickets.get(ticketId);
    assertThat(ticket.status).isEqualTo(TicketStatus.RESOLVED);
    assertThat(ticket.assignee).isEqualTo(agent);
    assertThat(ticket.resolvedAt).isNotNull();
    assertThat(tickets.timeline(ticketId))
        .extracting(e -> e.kind)
        .containsSubsequence(
            TimelineKind.CREATED,
            TimelineKind.DIAGNOSIS_STARTED,
            TimelineKind.STEP_RECORDED,
            TimelineKind.STEP_RECORDED,
            TimelineKind.STEP_RECORDED,
            TimelineKind.STEP_RECORDED,
            TimelineKind.VERIFIED,
            TimelineKind.RESOLVED);
    var stored = records.latestOf(ticketId).orElseThrow();
    assertThat(stored.results)
        .extracting(r -> r.outcome)
        .containsExactly(
            StepOutcome.NOTHING_WRONG,
            StepOutcome.NOTHING_WRONG,
            StepOutcome.NOTHING_WRONG,
            StepOutcome.FIXED);
  }

  @Test
  void aRepeatedOutcomeIsRecordedOnceEvenWithTheOldVersion() {
    var started = diagnoses.start(ticketId, agent);
    var command = OutcomeCommand.nothingWrong("backup-switch", agent, Instant.now());
    var first = diagnoses.record(ticketId, started.version(), command);
    var again = diagnoses.record(ticketId, started.version(), command);

    assertThat(again.version()).isEqualTo(first.version());
    assertThat(tickets.timeline(ticketId))
        .filteredOn(e -> e.kind == TimelineKind.STEP_RECORDED)
        .hasSize(1);
  }

  @Test
  void aChangeAgainstAStaleVersionIsRefusedAndChangesNothing() {
    var started = diagnoses.start(ticketId, agent);
    diagnoses.record(
        ticketId,
        started.version(),
        OutcomeCommand.nothingWrong("backup-switch", agent, Instant.now()));

    assertThatThrownBy(
            () ->
                diagnoses.record(
                    ticketId,
                    started.version(),
                    OutcomeCommand.nothingWrong("wifi", agent, Instant.now())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("changed by someone else");
    assertThat(records.latestOf(ticketId).orElseThrow().results).hasSize(1);
  }

  @Test
  void aDestructiveFixWithoutConsentIsRefusedWithTheDiagnosisUnchanged() {
    var view = diagnoses.start(ticketId, agent);
    for (var step : new String[] {"backup-switch", "wifi", "power"}) {
      view =
          diagnoses.record(
              ticketId, view.version(), OutcomeCommand.nothingWrong(step, agent, Instant.now()));
    }
    var before = view.version();
    assertThatThrownBy(
            () ->
                diagnoses.record(
                    ticketId,
                    before,
                    OutcomeCommand.fixed(
                        "storage", "delete-app-data", false, agent, Instant.now())))
        .isInstanceOfSatisfying(RuleException.class, e -> assertThat(e.status()).isEqualTo(422));
    assertThat(records.latestOf(ticketId).orElseThrow().version).isEqualTo(before);
  }

  @Test
  void aSecondDiagnosisCannotStartWhileOneIsOpen() {
    diagnoses.start(ticketId, agent);
    assertThatThrownBy(() -> diagnoses.start(ticketId, agent))
        .isInstanceOfSatisfying(
            RuleException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.DIAGNOSIS_OPEN);
              assertThat(e.status()).isEqualTo(409);
            })
        .hasMessageContaining("resume or escalate");
  }
}
