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
import io.backupdesk.diagnostics.playbook.StepOrder;
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
    Diagnosis learnedSwitched = DiagnosisTestData.startedLearned();
    learnedSwitched.record(nothingWrong("restart", AGENT, at(1)));
    learnedSwitched.followArticleOrder(AGENT, at(2));
    Diagnosis stayingAfterFailedFix = awaitingVerification("storage", "delete-app-data");
    stayingAfterFailedFix.verify(
        "storage", "delete-app-data", false, AfterStillFailing.STAY_AT_STEP, AGENT, at(5));
    Diagnosis reopened = awaitingVerification("power", "plug-in");
    reopened.verify("power", true, AGENT, at(4));
    reopened.correct(
        CorrectionCommand.replace(
            "power",
            1,
            StepAnswer.nothingWrong(),
            "was plugged in already",
            "lee",
            CorrectionScope.ANY_RESULT_ANY_TIME,
            at(9)));

    for (Diagnosis diagnosis :
        List.of(
            started(),
            atStep(4),
            awaitingVerification("wifi", "move-closer"),
            resolved,
            waiting,
            escalated,
            pausedAwaiting,
            learnedSwitched,
            stayingAfterFailedFix,
            reopened)) {
      DiagnosisSnapshot snapshot = diagnosis.snapshot();
      Diagnosis restored = Diagnosis.restore(PLAYBOOK, snapshot);

      assertThat(restored.snapshot()).isEqualTo(snapshot);
      assertThat(restored.status()).isEqualTo(diagnosis.status());
      assertThat(restored.currentStep()).isEqualTo(diagnosis.currentStep());
      assertThat(restored.pendingVerification()).isEqualTo(diagnosis.pendingVerification());
      assertThat(restored.orderChoice()).isEqualTo(diagnosis.orderChoice());
      assertThat(restored.order()).isEqualTo(diagnosis.order());
      assertThat(restored.orderOverride()).isEqualTo(diagnosis.orderOverride());
      assertThat(restored.corrections()).isEqualTo(diagnosis.corrections());
      assertThat(restored.isOfferingAnotherFix()).isEqualTo(diagnosis.isOfferingAnotherFix());
    }
  }

  @Test
  void aSnapshotStoredBeforeOrdersExistedRestoresInTheArticlesOrder() {
    DiagnosisSnapshot full = atStep(3).snapshot();
    DiagnosisSnapshot stored =
        new DiagnosisSnapshot(
            full.playbookVersion(),
            full.deviceModel(),
            full.iosVersion(),
            full.status(),
            full.statusBeforeAbandon(),
            full.currentStepNumber(),
            full.currentStepStartedAt(),
            full.results(),
            full.resolution(),
            full.escalation(),
            full.startedAt(),
            full.startedBy(),
            full.endedAt(),
            null,
            null,
            null,
            List.of());

    Diagnosis restored = Diagnosis.restore(PLAYBOOK, stored);

    assertThat(restored.orderChoice()).isEqualTo(OrderChoice.article(PLAYBOOK));
    assertThat(restored.snapshot()).isEqualTo(full);
  }

  @Test
  void inconsistentOrdersAttemptsAndCorrectionsAreRefused() {
    Diagnosis learned = DiagnosisTestData.startedLearned();
    learned.record(nothingWrong("restart", AGENT, at(1)));
    DiagnosisSnapshot walking = learned.snapshot();
    Diagnosis staying = awaitingVerification("storage", "delete-app-data");
    staying.verify(
        "storage", "delete-app-data", false, AfterStillFailing.STAY_AT_STEP, AGENT, at(5));
    DiagnosisSnapshot stayingSnapshot = staying.snapshot();

    // Results answer the positions of the walked order, not of the article.
    assertRefused(
        walking,
        s -> withOrder(s, StepOrder.article(PLAYBOOK), s.orderOverride()),
        "the walked order is the chosen one");
    assertRefused(
        walking,
        s -> withOrder(s, s.order(), new OrderOverride(1, AGENT, at(1))),
        "the walked order is the chosen one");
    // A step stays for another fix only after a failed one, and only while it has one left.
    StepResult secondSameFix =
        new StepResult(
            "storage",
            4,
            1,
            StepOutcome.FIXED,
            "delete-app-data",
            null,
            null,
            true,
            Verification.PENDING,
            at(5),
            at(6),
            AGENT,
            null,
            null,
            4,
            2,
            0);
    List<StepResult> twice = new ArrayList<>(stayingSnapshot.results());
    twice.add(secondSameFix);
    assertRefused(
        stayingSnapshot,
        s -> with(s, DiagnosisStatus.AWAITING_VERIFICATION, s.currentStepNumber(), twice),
        "a fix option is tried once per step");
    List<StepResult> afterNothingWrong = new ArrayList<>(atStep(5).snapshot().results());
    afterNothingWrong.add(
        new StepResult(
            "storage",
            4,
            1,
            StepOutcome.FIXED,
            "upgrade-plan",
            null,
            null,
            true,
            Verification.PENDING,
            at(5),
            at(6),
            AGENT,
            null,
            null,
            4,
            2,
            0));
    assertRefused(
        stayingSnapshot,
        s -> with(s, DiagnosisStatus.AWAITING_VERIFICATION, 4, afterNothingWrong),
        "another fix at a step follows only a fix whose backup still failed");
    // A result cannot claim corrections the history does not hold.
    List<StepResult> claimed = new ArrayList<>(stayingSnapshot.results());
    StepResult wifi = claimed.get(1);
    claimed.set(
        1,
        new StepResult(
            wifi.stepKey(),
            wifi.stepNumber(),
            wifi.stepVersion(),
            wifi.outcome(),
            wifi.fixOptionKey(),
            wifi.skipReason(),
            wifi.note(),
            wifi.consentGiven(),
            wifi.verification(),
            wifi.startedAt(),
            wifi.endedAt(),
            wifi.recordedBy(),
            wifi.verifiedAt(),
            wifi.verifiedBy(),
            wifi.position(),
            wifi.attempt(),
            1));
    assertRefused(
        stayingSnapshot,
        s -> with(s, s.status(), s.currentStepNumber(), claimed),
        "a result is corrected no more often than the history says");
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
                s.endedAt(),
                null,
                null,
                null,
                List.of()),
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
                null,
                null,
                null,
                null,
                List.of()),
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
        s.endedAt(),
        s.orderChoice(),
        s.order(),
        s.orderOverride(),
        s.corrections());
  }

  private static DiagnosisSnapshot withOrder(
      DiagnosisSnapshot s, StepOrder order, OrderOverride override) {
    return new DiagnosisSnapshot(
        s.playbookVersion(),
        s.deviceModel(),
        s.iosVersion(),
        s.status(),
        s.statusBeforeAbandon(),
        s.currentStepNumber(),
        s.currentStepStartedAt(),
        s.results(),
        s.resolution(),
        s.escalation(),
        s.startedAt(),
        s.startedBy(),
        s.endedAt(),
        s.orderChoice(),
        order,
        override,
        s.corrections());
  }

  private static List<StepResult> swapSecondAndLast(List<StepResult> results) {
    List<StepResult> copy = new ArrayList<>(results);
    copy.remove(1);
    copy.add(results.get(1));
    return copy;
  }
}
