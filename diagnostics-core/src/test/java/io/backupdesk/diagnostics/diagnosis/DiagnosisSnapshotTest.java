package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.AGENT;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.at;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.atStep;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.awaitingVerification;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.started;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.nothingWrong;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.outage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DiagnosisSnapshotTest {

  @Test
  void restoringASnapshotGivesTheSameDiagnosisInEveryStatus() {
    Diagnosis resolved = awaitingVerification("storage", "upgrade-plan");
    resolved.verify("storage", true, AGENT, at(5));
    Diagnosis waiting = atStep(5);
    waiting.record(outage("apple-status", AGENT, at(5)));
    Diagnosis escalated = atStep(9);
    escalated.record(nothingWrong("ios-update", AGENT, at(9)));
    Diagnosis pausedAwaiting = awaitingVerification("power", "plug-in");
    pausedAwaiting.abandon("battery died", AGENT, at(4));

    for (Diagnosis diagnosis :
        List.of(
            started(),
            atStep(4),
            awaitingVerification("wifi", "move-closer"),
            resolved,
            waiting,
            escalated,
            pausedAwaiting)) {
      DiagnosisSnapshot snapshot = diagnosis.snapshot();
      Diagnosis restored = Diagnosis.restore(PLAYBOOK, snapshot);

      assertThat(restored.snapshot()).isEqualTo(snapshot);
      assertThat(restored.status()).isEqualTo(diagnosis.status());
      assertThat(restored.currentStep()).isEqualTo(diagnosis.currentStep());
      assertThat(restored.pendingVerification()).isEqualTo(diagnosis.pendingVerification());
    }
  }

  @Test
  void aRestoredDiagnosisCarriesOnWhereItWas() {
    Diagnosis original = awaitingVerification("power", "plug-in");
    Diagnosis restored = Diagnosis.restore(PLAYBOOK, original.snapshot());

    restored.verify("power", false, AGENT, at(4));

    assertThat(restored.currentStep()).map(s -> s.key()).contains("storage");
  }

  @Test
  void snapshotsAreRestoredWithThePlaybookVersionTheyStartedOn() {
    DiagnosisSnapshot snapshot = atStep(2).snapshot();
    Playbook v2 = new Playbook(2, "next", PLAYBOOK.steps());
    Playbook fromRegistry = Playbooks.standard().version(snapshot.playbookVersion()).orElseThrow();

    assertThat(Diagnosis.restore(fromRegistry, snapshot).snapshot()).isEqualTo(snapshot);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Diagnosis.restore(v2, snapshot))
        .withMessageContaining("restore it with that version, not v2");
  }

  @Test
  void inconsistentSnapshotsAreRefused() {
    Diagnosis resolved = awaitingVerification("power", "plug-in");
    resolved.verify("power", true, AGENT, at(4));
    DiagnosisSnapshot done = resolved.snapshot();
    DiagnosisSnapshot working = atStep(4).snapshot();

    assertRefused(
        done,
        s ->
            new DiagnosisSnapshot(
                1,
                null,
                null,
                s.status(),
                null,
                0,
                null,
                s.results(),
                null,
                null,
                s.startedAt(),
                AGENT,
                s.endedAt()),
        "a resolution exactly when resolved");
    assertRefused(working, s -> with(s, s.status(), 7, s.results()), "in progress means");
    assertRefused(
        working,
        s -> with(s, s.status(), s.currentStepNumber(), swapSecondAndLast(s.results())),
        "result 2 does not answer step wifi v1");
    assertRefused(
        done,
        s -> with(s, DiagnosisStatus.IN_PROGRESS, s.currentStepNumber(), s.results()),
        "endedAt is set exactly when ended");
    assertRefused(
        working,
        s ->
            new DiagnosisSnapshot(
                1,
                null,
                null,
                DiagnosisStatus.ABANDONED,
                DiagnosisStatus.RESOLVED,
                4,
                s.currentStepStartedAt(),
                s.results(),
                null,
                null,
                s.startedAt(),
                AGENT,
                null),
        "only a running diagnosis can be abandoned");
  }

  private static void assertRefused(
      DiagnosisSnapshot valid, UnaryOperator<DiagnosisSnapshot> corrupt, String rule) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Diagnosis.restore(PLAYBOOK, corrupt.apply(valid)))
        .withMessageContaining("Inconsistent diagnosis: " + rule);
  }

  private static DiagnosisSnapshot with(
      DiagnosisSnapshot s, DiagnosisStatus status, int currentStep, List<StepResult> results) {
    return new DiagnosisSnapshot(
        s.playbookVersion(),
        s.deviceModel(),
        s.iosVersion(),
        status,
        s.statusBeforeAbandon(),
        currentStep,
        s.currentStepStartedAt(),
        results,
        s.resolution(),
        s.escalation(),
        s.startedAt(),
        s.startedBy(),
        s.endedAt());
  }

  private static List<StepResult> swapSecondAndLast(List<StepResult> results) {
    List<StepResult> copy = new ArrayList<>(results);
    copy.remove(1);
    copy.add(results.get(1));
    return copy;
  }
}
