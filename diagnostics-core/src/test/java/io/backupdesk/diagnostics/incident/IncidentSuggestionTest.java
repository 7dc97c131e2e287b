package io.backupdesk.diagnostics.incident;

import static io.backupdesk.diagnostics.incident.IncidentTestData.DANA;
import static io.backupdesk.diagnostics.incident.IncidentTestData.SAM;
import static io.backupdesk.diagnostics.incident.IncidentTestData.T0;
import static io.backupdesk.diagnostics.incident.IncidentTestData.burst;
import static io.backupdesk.diagnostics.incident.IncidentTestData.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IncidentSuggestionTest {

  @Test
  void aConfirmedSuggestionOpensAnIncidentThatStartedWithItsWindow() {
    IncidentSuggestion suggestion = IncidentSuggestion.raise(burst(), T0);
    assertThat(suggestion.status()).isEqualTo(SuggestionStatus.PENDING);
    assertThat(suggestion.raisedEvent().describe()).startsWith("Incident suggested: 7 outage");

    assertThat(suggestion.confirm(DANA, minutes(4)))
        .containsExactly(new IncidentEvent.SuggestionConfirmed(minutes(4), DANA));
    Incident incident = Incident.openFrom(suggestion, "iCloud Backup down", DANA, minutes(4));

    assertThat(incident.startedAt()).isEqualTo(T0.minus(Duration.ofMinutes(30)));
    assertThat(incident.openedAt()).isEqualTo(minutes(4));
    assertThat(incident.evidence()).contains(burst());
    assertThat(incident.openedEvent().fromSuggestion()).isTrue();
    assertThat(incident.openedEvent().describe())
        .isEqualTo("Incident opened from the desk's suggestion by dana: iCloud Backup down");
  }

  @Test
  void confirmingTwiceIsAConflictSoTwoSupervisorsNeverOpenTwoIncidents() {
    IncidentSuggestion suggestion = IncidentSuggestion.raise(burst(), T0);
    suggestion.confirm(DANA, minutes(1));

    assertThatThrownBy(() -> suggestion.confirm(SAM, minutes(1)))
        .isInstanceOf(IncidentRefusedException.class)
        .hasMessageContaining("already confirmed by dana")
        .extracting(e -> ((IncidentRefusedException) e).refusal())
        .isEqualTo(Refusal.SUGGESTION_ALREADY_CONFIRMED);
    assertThatThrownBy(() -> suggestion.confirm(DANA, minutes(2)))
        .extracting(e -> ((IncidentRefusedException) e).refusal().isConflict())
        .isEqualTo(true);
    assertThatThrownBy(() -> suggestion.dismiss("no", SAM, minutes(2)))
        .hasMessageContaining("mark the incident as recovered");
  }

  @Test
  void aDismissalIsFinalAndARepeatChangesNothing() {
    IncidentSuggestion suggestion = IncidentSuggestion.raise(burst(), T0);

    assertThat(suggestion.dismiss("  One agent misread the status page. ", DANA, minutes(3)))
        .containsExactly(
            new IncidentEvent.SuggestionDismissed(
                "One agent misread the status page.", minutes(3), DANA));
    assertThat(suggestion.dismiss(null, SAM, minutes(4))).isEmpty();
    assertThatThrownBy(() -> suggestion.confirm(SAM, minutes(5)))
        .hasMessageContaining("open an incident by hand")
        .extracting(e -> ((IncidentRefusedException) e).refusal())
        .isEqualTo(Refusal.SUGGESTION_ALREADY_DISMISSED);
    assertThatThrownBy(() -> Incident.openFrom(suggestion, "x", SAM, minutes(5)))
        .extracting(e -> ((IncidentRefusedException) e).refusal())
        .isEqualTo(Refusal.SUGGESTION_NOT_CONFIRMED);
  }

  @Test
  void onlyEvidenceThatSuggestsAnIncidentBecomesASuggestion() {
    Detection quiet =
        new Detection(
            Signal.OUTAGE_FOUND, T0.minus(Duration.ofMinutes(30)), T0, 1, 0.25, 0.22, 8, 0, false);

    assertThatThrownBy(() -> IncidentSuggestion.raise(quiet, T0))
        .hasMessageContaining("does not suggest an incident");
  }

  @Test
  void aSnapshotRestoresTheSameDecision() {
    IncidentSuggestion suggestion = IncidentSuggestion.raise(burst(), T0);
    suggestion.dismiss("false alarm", DANA, minutes(-5));

    SuggestionSnapshot snapshot = suggestion.snapshot();
    assertThat(snapshot.decidedAt()).isEqualTo(T0);
    assertThat(IncidentSuggestion.restore(snapshot).snapshot()).isEqualTo(snapshot);
    assertThatThrownBy(
            () ->
                IncidentSuggestion.restore(
                    new SuggestionSnapshot(
                        burst(), T0, SuggestionStatus.CONFIRMED, null, null, null)))
        .hasMessageContaining("Inconsistent suggestion");
  }
}
