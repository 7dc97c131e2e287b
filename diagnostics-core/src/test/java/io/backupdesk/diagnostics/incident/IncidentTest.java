package io.backupdesk.diagnostics.incident;

import static io.backupdesk.diagnostics.incident.IncidentTestData.DANA;
import static io.backupdesk.diagnostics.incident.IncidentTestData.SAM;
import static io.backupdesk.diagnostics.incident.IncidentTestData.T0;
import static io.backupdesk.diagnostics.incident.IncidentTestData.minutes;
import static io.backupdesk.diagnostics.incident.IncidentTestData.openIncident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.diagnostics.ticket.TicketStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentTest {

  @Test
  void openingByHandRecordsWhoWhenAndSinceWhen() {
    Incident incident = openIncident();

    assertThat(incident.isOpen()).isTrue();
    assertThat(incident.title()).isEqualTo("iCloud Backup down");
    assertThat(incident.startedAt()).isEqualTo(minutes(-20));
    assertThat(incident.openedAt()).isEqualTo(T0);
    assertThat(incident.openedBy()).isEqualTo(DANA);
    assertThat(incident.evidence()).isEmpty();
    assertThat(incident.openedEvent().describe())
        .isEqualTo("Incident opened by dana: iCloud Backup down");
    // An outage cannot start after it is noticed.
    assertThat(Incident.open("x", minutes(5), DANA, T0).startedAt()).isEqualTo(T0);
    assertThat(Incident.open("x", null, DANA, T0).startedAt()).isEqualTo(T0);
  }

  @Test
  void aTitleIsNeededAndKeptToOneLine() {
    assertThatThrownBy(() -> Incident.open(" ", null, DANA, T0))
        .isInstanceOf(IncidentRefusedException.class)
        .hasMessageContaining("Give the incident a title")
        .extracting(e -> ((IncidentRefusedException) e).refusal())
        .isEqualTo(Refusal.INVALID_TEXT);
    assertThatThrownBy(() -> Incident.open("a\u0000b", null, DANA, T0))
        .hasMessageContaining("control characters");
    assertThatThrownBy(() -> Incident.open("x".repeat(201), null, DANA, T0))
        .hasMessageContaining("200 characters");
  }

  @Test
  void linkingIsIdempotentAndEveryLinkIsAnEvent() {
    Incident incident = openIncident();

    List<IncidentEvent> first = incident.link(12, SAM, minutes(1));
    assertThat(first)
        .singleElement()
        .isEqualTo(new IncidentEvent.TicketLinked(12, "iCloud Backup down", minutes(1), SAM));
    assertThat(incident.link(12, DANA, minutes(2))).isEmpty();

    List<IncidentEvent> bulk = incident.linkAll(List.of(12L, 13L, 14L, 13L), DANA, minutes(3));
    assertThat(bulk)
        .extracting(e -> ((IncidentEvent.TicketLinked) e).ticketId())
        .containsExactly(13L, 14L);
    assertThat(incident.linkedTickets()).containsExactly(12L, 13L, 14L);
    assertThat(incident.snapshot().links().get(0)).isEqualTo(new LinkedTicket(12, SAM, minutes(1)));
  }

  @Test
  void unlinkingIsIdempotentToo() {
    Incident incident = openIncident();
    incident.linkAll(List.of(1L, 2L), SAM, minutes(1));

    assertThat(incident.unlink(1, DANA, minutes(2)))
        .singleElement()
        .isInstanceOf(IncidentEvent.TicketUnlinked.class);
    assertThat(incident.unlink(1, DANA, minutes(3))).isEmpty();
    assertThat(incident.unlinkAll(List.of(7L, 8L), DANA, minutes(3))).isEmpty();
    assertThat(incident.linkedTickets()).containsExactly(2L);
  }

  @Test
  void recoverySendsTheTicketsStillWaitingOnAppleBackAsFollowUps() {
    Incident incident = openIncident();
    incident.linkAll(List.of(1L, 2L, 3L, 4L), SAM, minutes(1));

    List<IncidentEvent> events =
        incident.recover(
            Map.of(
                1L, TicketStatus.WAITING_ON_APPLE,
                2L, TicketStatus.RESOLVED,
                3L, TicketStatus.WAITING_ON_APPLE,
                4L, TicketStatus.IN_DIAGNOSIS),
            DANA,
            minutes(90));

    assertThat(events)
        .singleElement()
        .isEqualTo(
            new IncidentEvent.Recovered(
                "iCloud Backup down", List.of(1L, 3L), List.of(2L, 4L), minutes(90), DANA));
    IncidentEvent.Recovered recovered = (IncidentEvent.Recovered) events.get(0);
    assertThat(recovered.describe())
        .isEqualTo(
            "Recovered, by dana: 2 tickets go back to the queue as follow-ups, 2 stay as they are");
    assertThat(incident.status()).isEqualTo(IncidentStatus.RECOVERED);
    assertThat(incident.recoveredAt()).contains(minutes(90));
    assertThat(incident.recoveredBy()).contains(DANA);
  }

  @Test
  void anIncidentRecoversOnlyOnce() {
    Incident incident = openIncident();
    incident.recover(Map.of(), DANA, minutes(60));

    assertThatThrownBy(() -> incident.recover(Map.of(), SAM, minutes(61)))
        .isInstanceOf(IncidentRefusedException.class)
        .hasMessageContaining("already marked recovered by dana")
        .hasMessageContaining("Reload")
        .extracting(e -> ((IncidentRefusedException) e).refusal().isConflict())
        .isEqualTo(true);
  }

  @Test
  void recoveryNeedsTheStatusOfEveryLinkedTicket() {
    Incident incident = openIncident();
    incident.linkAll(List.of(1L, 2L), SAM, minutes(1));

    assertThatThrownBy(() -> incident.recover(Map.of(1L, TicketStatus.RESOLVED), DANA, minutes(60)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing: [2]");
    assertThat(incident.isOpen()).isTrue();
  }

  @Test
  void aRecoveredIncidentTakesNoMoreLinksButStillTakesNotes() {
    Incident incident = openIncident();
    incident.link(1, SAM, minutes(1));
    incident.recover(Map.of(1L, TicketStatus.WAITING_ON_APPLE), DANA, minutes(60));

    assertThatThrownBy(() -> incident.link(2, SAM, minutes(61)))
        .isInstanceOf(IncidentRefusedException.class)
        .hasMessageContaining("open a new incident")
        .extracting(e -> ((IncidentRefusedException) e).refusal())
        .isEqualTo(Refusal.LINK_TO_RECOVERED);
    assertThatThrownBy(() -> incident.linkAll(List.of(1L, 2L), SAM, minutes(61)))
        .extracting(e -> ((IncidentRefusedException) e).refusal())
        .isEqualTo(Refusal.LINK_TO_RECOVERED);
    assertThatThrownBy(() -> incident.unlink(1, SAM, minutes(61)))
        .extracting(e -> ((IncidentRefusedException) e).refusal())
        .isEqualTo(Refusal.UNLINK_FROM_RECOVERED);
    // Linking a ticket that is already linked repeats what is recorded: no refusal, no change.
    assertThat(incident.link(1, SAM, minutes(61))).isEmpty();
    assertThat(incident.linkedTickets()).containsExactly(1L);

    assertThat(incident.addNote("Apple confirmed the outage ended at 15:30.", SAM, minutes(70)))
        .singleElement()
        .isEqualTo(
            new IncidentEvent.NoteAdded(
                "Apple confirmed the outage ended at 15:30.", minutes(70), SAM));
  }

  @Test
  void notesAreCheckedAndTimeNeverRunsBackwards() {
    Incident incident = openIncident();
    incident.addNote("Status page red since 13:45.\nStill red.", DANA, minutes(10));
    incident.link(5, SAM, minutes(3));

    assertThat(incident.notes()).extracting(IncidentNote::at).containsExactly(minutes(10));
    assertThat(incident.snapshot().links().get(0).at()).isEqualTo(minutes(10));
    assertThatThrownBy(() -> incident.addNote("  ", DANA, minutes(11)))
        .hasMessage("Write the note before adding it.");
    assertThatThrownBy(() -> incident.addNote("bad\u0000", DANA, minutes(11)))
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> incident.addNote("note", " ", minutes(11)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSnapshotRestoresTheSameIncidentAndABrokenOneIsRefused() {
    Incident incident = openIncident();
    incident.linkAll(List.of(3L, 1L), SAM, minutes(1));
    incident.addNote("n", DANA, minutes(2));
    incident.recover(
        Map.of(3L, TicketStatus.CLOSED, 1L, TicketStatus.WAITING_ON_APPLE), DANA, minutes(3));

    IncidentSnapshot snapshot = incident.snapshot();
    assertThat(Incident.restore(snapshot).snapshot()).isEqualTo(snapshot);

    IncidentSnapshot openButRecoveredAt =
        new IncidentSnapshot(
            snapshot.title(),
            IncidentStatus.OPEN,
            snapshot.startedAt(),
            snapshot.openedAt(),
            snapshot.openedBy(),
            null,
            snapshot.links(),
            snapshot.notes(),
            snapshot.recoveredAt(),
            snapshot.recoveredBy());
    assertThatThrownBy(() -> Incident.restore(openButRecoveredAt))
        .hasMessageContaining("Inconsistent incident");
    IncidentSnapshot twice =
        new IncidentSnapshot(
            snapshot.title(),
            snapshot.status(),
            snapshot.startedAt(),
            snapshot.openedAt(),
            snapshot.openedBy(),
            null,
            List.of(snapshot.links().get(0), snapshot.links().get(0)),
            snapshot.notes(),
            snapshot.recoveredAt(),
            snapshot.recoveredBy());
    assertThatThrownBy(() -> Incident.restore(twice)).hasMessageContaining("twice");
  }
}
