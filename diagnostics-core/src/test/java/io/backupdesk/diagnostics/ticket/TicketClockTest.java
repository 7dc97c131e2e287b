package io.backupdesk.diagnostics.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.diagnostics.ticket.ServiceTargets.Target;
import io.backupdesk.diagnostics.ticket.TicketClock.Stage;
import io.backupdesk.diagnostics.ticket.TicketClock.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketClockTest {

  private static final Instant OPENED = Instant.parse("2026-11-20T09:00:00Z");
  private static final ServiceTargets TARGETS = ServiceTargets.defaults();

  private static TicketClock clock(
      Priority priority, TicketStatus status, Instant firstResponse, Instant resolved) {
    return TARGETS.clock(
        new TicketClock.Facts(priority, status, OPENED, firstResponse, resolved, OPENED, null));
  }

  @Test
  void beforeTheFirstResponseTheFirstResponseTargetIsDue() {
    var c = clock(Priority.NORMAL, TicketStatus.NEW, null, null);
    assertThat(c.stage()).isEqualTo(Stage.FIRST_RESPONSE);
    assertThat(c.dueAt()).isEqualTo(OPENED.plus(Duration.ofHours(4)));
    assertThat(c.overdue(OPENED.plus(Duration.ofHours(4)))).isFalse();
    assertThat(c.overdue(OPENED.plus(Duration.ofHours(4)).plusSeconds(1))).isTrue();
  }

  @Test
  void afterTheFirstResponseTheResolutionTargetIsDueCountedFromOpening() {
    var c = clock(Priority.URGENT, TicketStatus.IN_DIAGNOSIS, OPENED.plusSeconds(600), null);
    assertThat(c.stage()).isEqualTo(Stage.RESOLUTION);
    assertThat(c.dueAt()).isEqualTo(OPENED.plus(Duration.ofHours(4)));
    assertThat(c.dueIn(OPENED.plus(Duration.ofHours(5)))).isEqualTo(Duration.ofHours(-1));
  }

  @Test
  void aResolvedOrClosedTicketHasNothingDue() {
    var resolved =
        clock(Priority.HIGH, TicketStatus.RESOLVED, OPENED.plusSeconds(60), OPENED.plusSeconds(90));
    assertThat(resolved.stage()).isEqualTo(Stage.DONE);
    assertThat(resolved.dueAt()).isNull();
    assertThat(resolved.overdue(OPENED.plus(Duration.ofDays(30)))).isFalse();
    assertThat(clock(Priority.HIGH, TicketStatus.CLOSED, null, null).dueAt()).isNull();
  }

  @Test
  void anEscalatedTicketStaysOnTheClock() {
    var c = clock(Priority.LOW, TicketStatus.ESCALATED, OPENED.plusSeconds(60), null);
    assertThat(c.dueAt()).isEqualTo(OPENED.plus(Duration.ofHours(72)));
  }

  @Test
  void verdictsOnBothTargets() {
    var late = OPENED.plus(Duration.ofHours(5));
    var c = clock(Priority.NORMAL, TicketStatus.RESOLVED, late, OPENED.plus(Duration.ofHours(20)));
    assertThat(c.firstResponse(late)).isEqualTo(Verdict.MISSED);
    assertThat(c.resolution(late)).isEqualTo(Verdict.MET);

    var open = clock(Priority.NORMAL, TicketStatus.NEW, null, null);
    assertThat(open.firstResponse(OPENED.plusSeconds(60))).isEqualTo(Verdict.PENDING);
    assertThat(open.resolution(OPENED.plusSeconds(60))).isEqualTo(Verdict.PENDING);
    assertThat(open.resolution(OPENED.plus(Duration.ofHours(25)))).isEqualTo(Verdict.MISSED);

    var closedUnresolved = clock(Priority.NORMAL, TicketStatus.CLOSED, OPENED, null);
    assertThat(closedUnresolved.resolution(OPENED.plusSeconds(60))).isEqualTo(Verdict.MISSED);
  }

  @Test
  void aFollowUpDateFallsDueOnlyWhileTheTicketWaitsOnTheCustomer() {
    var followUp = OPENED.plus(Duration.ofDays(2));
    var waiting =
        TARGETS.clock(
            new TicketClock.Facts(
                Priority.NORMAL,
                TicketStatus.WAITING_ON_CUSTOMER,
                OPENED,
                OPENED,
                null,
                OPENED,
                followUp));
    assertThat(waiting.followUpDue(followUp.minusSeconds(1))).isFalse();
    assertThat(waiting.followUpDue(followUp)).isTrue();
    var backInDiagnosis =
        TARGETS.clock(
            new TicketClock.Facts(
                Priority.NORMAL,
                TicketStatus.IN_DIAGNOSIS,
                OPENED,
                OPENED,
                null,
                OPENED,
                followUp));
    assertThat(backInDiagnosis.followUpDue(followUp.plusSeconds(1))).isFalse();
  }

  @Test
  void aTicketWaitingLongWithNothingPlannedIsFlagged() {
    var since = OPENED;
    var noPlan =
        TARGETS.clock(
            new TicketClock.Facts(
                Priority.LOW, TicketStatus.WAITING_ON_CUSTOMER, OPENED, OPENED, null, since, null));
    assertThat(noPlan.waitingTooLong(since.plus(Duration.ofDays(3)))).isFalse();
    assertThat(noPlan.waitingTooLong(since.plus(Duration.ofDays(3)).plusSeconds(1))).isTrue();
    assertThat(noPlan.needsAttention(since.plus(Duration.ofDays(4)))).isTrue();

    var planned =
        TARGETS.clock(
            new TicketClock.Facts(
                Priority.LOW,
                TicketStatus.WAITING_ON_CUSTOMER,
                OPENED,
                OPENED,
                null,
                since,
                since.plus(Duration.ofDays(10))));
    assertThat(planned.waitingTooLong(since.plus(Duration.ofDays(5)))).isFalse();
  }

  @Test
  void whatAnswersTheCustomer() {
    assertThat(ServiceTargets.answersCustomer(TimelineKind.DIAGNOSIS_STARTED)).isTrue();
    assertThat(ServiceTargets.answersCustomer(TimelineKind.STATUS_CHANGED)).isTrue();
    assertThat(ServiceTargets.answersCustomer(TimelineKind.NOTE)).isFalse();
    assertThat(ServiceTargets.answersCustomer(TimelineKind.ASSIGNED)).isFalse();
    assertThat(ServiceTargets.answersCustomer(TimelineKind.CREATED)).isFalse();
  }

  @Test
  void targetsMustBeCompleteAndSensible() {
    assertThatThrownBy(
            () ->
                new ServiceTargets(
                    Map.of(Priority.LOW, new Target(Duration.ofHours(1), Duration.ofHours(2))),
                    Duration.ofDays(1)))
        .hasMessageContaining("NORMAL");
    assertThatThrownBy(() -> new Target(Duration.ofHours(2), Duration.ofHours(1)))
        .hasMessageContaining("cannot be shorter");
    assertThatThrownBy(() -> new Target(Duration.ZERO, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
