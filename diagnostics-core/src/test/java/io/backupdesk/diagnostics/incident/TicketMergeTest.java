package io.backupdesk.diagnostics.incident;

import static io.backupdesk.diagnostics.ticket.TicketStatus.CLOSED;
import static io.backupdesk.diagnostics.ticket.TicketStatus.IN_DIAGNOSIS;
import static io.backupdesk.diagnostics.ticket.TicketStatus.NEW;
import static io.backupdesk.diagnostics.ticket.TicketStatus.RESOLVED;
import static io.backupdesk.diagnostics.ticket.TicketStatus.WAITING_ON_APPLE;
import static io.backupdesk.diagnostics.ticket.TicketStatus.WAITING_ON_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.diagnostics.ticket.TicketStatus;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketMergeTest {
  private static final long CUSTOMER = 7;

  @ParameterizedTest
  @EnumSource(TicketStatus.class)
  void theSourceIsClosedWithALinkAndTheTargetKeepsItsStatus(TicketStatus sourceStatus) {
    MergePlan plan =
        TicketMerge.plan(
            MergeCandidate.of(11, CUSTOMER, sourceStatus, false),
            MergeCandidate.of(10, CUSTOMER, WAITING_ON_APPLE, true));

    assertThat(plan.alreadyDone()).isFalse();
    assertThat(plan.sourceStatusBefore()).isEqualTo(sourceStatus);
    assertThat(plan.sourceStatusAfter()).isEqualTo(CLOSED);
    assertThat(sourceStatus.canMoveTo(plan.sourceStatusAfter())).isTrue();
    assertThat(plan.targetStatus()).isEqualTo(WAITING_ON_APPLE);
  }

  @Test
  void notIntoItself() {
    assertRefused(
            MergeCandidate.of(10, CUSTOMER, NEW, false),
            MergeCandidate.of(10, CUSTOMER, NEW, false),
            Refusal.MERGE_INTO_ITSELF)
        .hasMessageContaining("cannot be merged into itself");
  }

  @Test
  void notAcrossCustomers() {
    assertRefused(
            MergeCandidate.of(11, CUSTOMER, NEW, false),
            MergeCandidate.of(10, CUSTOMER + 1, NEW, false),
            Refusal.MERGE_ACROSS_CUSTOMERS)
        .hasMessageContaining("different customers");
  }

  @Test
  void notIntoAClosedTicket() {
    assertRefused(
            MergeCandidate.of(11, CUSTOMER, NEW, false),
            MergeCandidate.of(10, CUSTOMER, CLOSED, false),
            Refusal.MERGE_INTO_CLOSED)
        .hasMessageContaining("reopen it first, or merge #10 into #11 instead");
  }

  @Test
  void notATicketWhoseDiagnosisIsStillOpen() {
    assertRefused(
            MergeCandidate.of(11, CUSTOMER, IN_DIAGNOSIS, true),
            MergeCandidate.of(10, CUSTOMER, RESOLVED, false),
            Refusal.MERGE_OPEN_DIAGNOSIS)
        .hasMessageContaining("Finish or escalate that diagnosis first, or merge #10 into #11");
    // A paused diagnosis is still open: the ticket waits on the customer.
    assertRefused(
        MergeCandidate.of(11, CUSTOMER, WAITING_ON_CUSTOMER, true),
        MergeCandidate.of(10, CUSTOMER, NEW, false),
        Refusal.MERGE_OPEN_DIAGNOSIS);
  }

  @Test
  void mergingAgainIsARepeatButNotIntoAnotherTicket() {
    MergeCandidate merged = new MergeCandidate(11, CUSTOMER, CLOSED, false, 10L);

    MergePlan again = TicketMerge.plan(merged, MergeCandidate.of(10, CUSTOMER, NEW, false));
    assertThat(again.alreadyDone()).isTrue();

    assertRefused(merged, MergeCandidate.of(12, CUSTOMER, NEW, false), Refusal.MERGE_ALREADY_MERGED)
        .hasMessageContaining("already merged into #10");
    assertRefused(MergeCandidate.of(12, CUSTOMER, NEW, false), merged, Refusal.MERGE_INTO_MERGED)
        .hasMessageContaining("merge #12 into #10 instead");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      MergeCandidate source, MergeCandidate target, Refusal refusal) {
    return assertThatThrownBy(() -> TicketMerge.plan(source, target))
        .isInstanceOf(IncidentRefusedException.class)
        .satisfies(
            e -> {
              assertThat(((IncidentRefusedException) e).refusal()).isEqualTo(refusal);
              assertThat(refusal.isConflict())
                  .isEqualTo(
                      refusal != Refusal.MERGE_INTO_ITSELF
                          && refusal != Refusal.MERGE_ACROSS_CUSTOMERS);
            });
  }
}
