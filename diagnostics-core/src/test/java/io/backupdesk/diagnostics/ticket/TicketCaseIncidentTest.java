package io.backupdesk.diagnostics.ticket;

import static io.backupdesk.diagnostics.ticket.TicketCaseTest.at;
import static io.backupdesk.diagnostics.ticket.TicketCaseTest.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketCaseIncidentTest {

  static final Optional<LatestDiagnosis> OUTAGE =
      Optional.of(new LatestDiagnosis(1, DiagnosisStatus.WAITING_ON_APPLE));

  /** Ticket 42, its first diagnosis ended waiting on Apple. */
  static TicketCase waitingOnApple() {
    var ticket = stored();
    ticket.changeStatus(TicketStatus.IN_DIAGNOSIS, Optional.empty(), "alex", at(1));
    ticket.changeStatus(TicketStatus.WAITING_ON_APPLE, Optional.empty(), "alex", at(2));
    return ticket;
  }

  @Test
  void linkingAndUnlinkingNameTheIncidentInTheTimeline() {
    var ticket = waitingOnApple();

    assertThat(ticket.linkedToIncident("iCloud Backup down", "dana", at(3)))
        .singleElement()
        .isEqualTo(
            new TimelineEntry(
                TimelineKind.INCIDENT_LINKED,
                at(3),
                "dana",
                "Linked to the incident \"iCloud Backup down\"",
                null));
    assertThat(ticket.unlinkedFromIncident("iCloud Backup down", "dana", at(4)))
        .extracting(TimelineEntry::summary)
        .containsExactly("Unlinked from the incident \"iCloud Backup down\"");
    assertThat(ticket.status()).isEqualTo(TicketStatus.WAITING_ON_APPLE);
  }

  @Test
  void recoverySendsAWaitingTicketBackToTheQueueAndLeavesOthersAlone() {
    var waiting = waitingOnApple();
    assertThat(waiting.appleRecovered("iCloud Backup down", "dana", at(10)))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.kind()).isEqualTo(TimelineKind.APPLE_RECOVERED);
              assertThat(line.summary())
                  .isEqualTo(
                      "Apple recovered: ask the customer to run Back Up Now (incident"
                          + " \"iCloud Backup down\")");
            });
    assertThat(waiting.status()).isEqualTo(TicketStatus.NEW);
    assertThat(waiting.awaitsBackupAfterOutage(OUTAGE)).isTrue();

    var moved = waitingOnApple();
    moved.changeStatus(TicketStatus.IN_DIAGNOSIS, Optional.empty(), "alex", at(5));
    assertThat(moved.appleRecovered("iCloud Backup down", "dana", at(10))).isEmpty();
    assertThat(moved.status()).isEqualTo(TicketStatus.IN_DIAGNOSIS);
  }

  @Test
  void aFollowUpStartsFromTheTestBackup() {
    var completed = waitingOnApple();
    completed.appleRecovered("down", "dana", at(10));
    assertThat(completed.backupAfterOutage(true, OUTAGE, "sam", at(20)))
        .extracting(TimelineEntry::kind, TimelineEntry::summary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                TimelineKind.RESOLVED, "Back Up Now completed after Apple recovered: resolved"));
    assertThat(completed.status()).isEqualTo(TicketStatus.RESOLVED);
    assertThat(completed.snapshot().resolvedAt()).isEqualTo(at(20));

    var failing = waitingOnApple();
    failing.appleRecovered("down", "dana", at(10));
    assertThat(failing.backupAfterOutage(false, OUTAGE, "sam", at(20)))
        .extracting(TimelineEntry::kind)
        .containsExactly(TimelineKind.BACKUP_STILL_FAILING);
    assertThat(failing.status()).isEqualTo(TicketStatus.NEW);
  }

  @Test
  void onlyAFollowUpTakesABackupAfterAnOutage() {
    var stillWaiting = waitingOnApple();
    assertThatThrownBy(() -> stillWaiting.backupAfterOutage(true, OUTAGE, "sam", at(20)))
        .isInstanceOf(IllegalTicketTransitionException.class)
        .hasMessageContaining("Apple has not recovered yet");

    var fresh = stored();
    assertThat(fresh.awaitsBackupAfterOutage(Optional.empty())).isFalse();
    assertThatThrownBy(() -> fresh.backupAfterOutage(true, Optional.empty(), "sam", at(20)))
        .hasMessageContaining("work it through its diagnosis");
    assertThat(fresh.status()).isEqualTo(TicketStatus.NEW);
  }

  @Test
  void aMergeClosesTheDuplicateAndTellsBothTimelines() {
    var duplicate = stored();
    assertThat(duplicate.mergedInto(10, "sam", at(5)))
        .extracting(TimelineEntry::kind, TimelineEntry::summary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                TimelineKind.MERGED,
                "Merged into ticket #10 (the same failure); this ticket is closed"));
    assertThat(duplicate.status()).isEqualTo(TicketStatus.CLOSED);

    var kept = TicketCase.open(10L, Channel.EMAIL, "iPhone 8", "16.7.2", null, "alex", at(0));
    assertThat(kept.mergedFrom(42, "sam", at(5)))
        .extracting(TimelineEntry::summary)
        .containsExactly("Ticket #42 was merged into this one; its timeline stays on #42");
    assertThat(kept.status()).isEqualTo(TicketStatus.NEW);
  }
}
