package io.backupdesk.diagnostics.ticket;

import static io.backupdesk.diagnostics.ticket.TicketStatus.CLOSED;
import static io.backupdesk.diagnostics.ticket.TicketStatus.ESCALATED;
import static io.backupdesk.diagnostics.ticket.TicketStatus.IN_DIAGNOSIS;
import static io.backupdesk.diagnostics.ticket.TicketStatus.NEW;
import static io.backupdesk.diagnostics.ticket.TicketStatus.RESOLVED;
import static io.backupdesk.diagnostics.ticket.TicketStatus.WAITING_ON_APPLE;
import static io.backupdesk.diagnostics.ticket.TicketStatus.WAITING_ON_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketStatusTest {

  @Test
  void aNewTicketIsDiagnosedThenEndsOneOfFourWays() {
    assertThat(NEW.allowedNext()).containsExactly(IN_DIAGNOSIS, WAITING_ON_CUSTOMER, CLOSED);
    assertThat(IN_DIAGNOSIS.allowedNext())
        .containsExactly(WAITING_ON_CUSTOMER, WAITING_ON_APPLE, RESOLVED, ESCALATED, CLOSED);
    assertThat(NEW.moveTo(IN_DIAGNOSIS).moveTo(RESOLVED).moveTo(CLOSED)).isEqualTo(CLOSED);
  }

  @Test
  void finishedAndWaitingTicketsCanBeReopened() {
    for (TicketStatus status :
        List.of(RESOLVED, ESCALATED, CLOSED, WAITING_ON_APPLE, WAITING_ON_CUSTOMER)) {
      assertThat(status.canMoveTo(IN_DIAGNOSIS)).as(status.label()).isTrue();
      assertThat(status.canMoveTo(NEW)).as(status.label()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TicketStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
  void anyStatusButClosedCanBeClosed(TicketStatus status) {
    assertThat(status.moveTo(CLOSED)).isEqualTo(CLOSED);
  }

  @Test
  void openMeansSomeoneStillHasToAct() {
    assertThat(Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen))
        .containsExactly(NEW, IN_DIAGNOSIS, WAITING_ON_CUSTOMER, WAITING_ON_APPLE, ESCALATED);
  }

  @Test
  void stayingPutIsAlwaysAllowed() {
    assertThat(TicketStatus.values()).allSatisfy(s -> assertThat(s.moveTo(s)).isEqualTo(s));
    assertThat(CLOSED.allowedNext()).doesNotContain(CLOSED);
  }

  @Test
  void aForbiddenMoveSaysWhereTheTicketCanGo() {
    assertThatThrownBy(() -> CLOSED.moveTo(RESOLVED))
        .isInstanceOf(IllegalTicketTransitionException.class)
        .isInstanceOf(DiagnosisException.class)
        .hasMessage(
            "A ticket cannot go from \"Closed\" to \"Resolved\". From \"Closed\" it can move to:"
                + " New, In diagnosis.")
        .satisfies(
            e -> {
              var illegal = (IllegalTicketTransitionException) e;
              assertThat(illegal.from()).isEqualTo(CLOSED);
              assertThat(illegal.to()).isEqualTo(RESOLVED);
            });
    assertThat(NEW.canMoveTo(RESOLVED)).isFalse();
  }

  @Test
  void theTicketFollowsItsDiagnosis() {
    assertThat(TicketStatus.afterDiagnosis(DiagnosisStatus.IN_PROGRESS)).isEqualTo(IN_DIAGNOSIS);
    assertThat(TicketStatus.afterDiagnosis(DiagnosisStatus.AWAITING_VERIFICATION))
        .isEqualTo(IN_DIAGNOSIS);
    assertThat(TicketStatus.afterDiagnosis(DiagnosisStatus.ABANDONED))
        .isEqualTo(WAITING_ON_CUSTOMER);
    assertThat(TicketStatus.afterDiagnosis(DiagnosisStatus.RESOLVED)).isEqualTo(RESOLVED);
    assertThat(TicketStatus.afterDiagnosis(DiagnosisStatus.ESCALATED)).isEqualTo(ESCALATED);
    assertThat(TicketStatus.afterDiagnosis(DiagnosisStatus.WAITING_ON_APPLE))
        .isEqualTo(WAITING_ON_APPLE);
  }

  @Test
  void everyMoveADiagnosisCanMakeIsAllowedForItsTicket() {
    // Diagnosis moves: a running diagnosis can end any way or pause; a paused one resumes or
    // escalates.
    List<DiagnosisStatus> running =
        List.of(DiagnosisStatus.IN_PROGRESS, DiagnosisStatus.AWAITING_VERIFICATION);
    for (DiagnosisStatus from : running) {
      for (DiagnosisStatus to : DiagnosisStatus.values()) {
        assertThat(TicketStatus.afterDiagnosis(from).canMoveTo(TicketStatus.afterDiagnosis(to)))
            .as(from + " -> " + to)
            .isTrue();
      }
    }
    TicketStatus paused = TicketStatus.afterDiagnosis(DiagnosisStatus.ABANDONED);
    assertThat(paused.canMoveTo(TicketStatus.afterDiagnosis(DiagnosisStatus.IN_PROGRESS))).isTrue();
    assertThat(paused.canMoveTo(TicketStatus.afterDiagnosis(DiagnosisStatus.ESCALATED))).isTrue();
    // Starting a new diagnosis on a new, reopened or waiting ticket.
    for (TicketStatus status : List.of(NEW, CLOSED, RESOLVED, ESCALATED, WAITING_ON_APPLE)) {
      assertThat(status.canMoveTo(IN_DIAGNOSIS)).isTrue();
    }
  }

  @Test
  void labelsReadNaturally() {
    assertThat(WAITING_ON_CUSTOMER.label()).isEqualTo("Waiting on customer");
    assertThat(Priority.URGENT.label()).isEqualTo("Urgent");
    assertThat(Channel.EMAIL.label()).isEqualTo("Email");
    assertThat(Arrays.stream(Priority.values()).map(Priority::label))
        .containsExactly("Low", "Normal", "High", "Urgent");
    assertThat(Arrays.stream(Channel.values()).map(Channel::label))
        .containsExactly("Phone", "Chat", "Email");
  }
}
