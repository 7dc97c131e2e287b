package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.ABANDONED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.AWAITING_VERIFICATION;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.ESCALATED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.IN_PROGRESS;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.RESOLVED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.WAITING_ON_APPLE;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.AGENT;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.IPHONE_8;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.T0;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.at;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.atStep;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.awaitingVerification;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.started;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.fixed;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.notApplicable;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.nothingWrong;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.outage;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.skipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisTransitionsTest {

  @Test
  void aNewDiagnosisStartsAtTheFirstStep() {
    Diagnosis diagnosis = started();

    assertThat(diagnosis.status()).isEqualTo(IN_PROGRESS);
    assertThat(diagnosis.currentStep()).map(s -> s.key()).contains("backup-switch");
    assertThat(diagnosis.device()).isEqualTo(IPHONE_8);
    assertThat(diagnosis.results()).isEmpty();
    assertThat(diagnosis.progress()).isEqualTo(new Progress(0, 9));
    assertThat(diagnosis.snapshot().currentStepStartedAt()).isEqualTo(T0);
    assertThat(diagnosis.startedEvent())
        .isEqualTo(
            new DiagnosisEvent.Started(
                1,
                "iPhone 8",
                "16.7.2",
                T0,
                AGENT,
                OrderChoice.article(DiagnosisTestData.PLAYBOOK)));
  }

  @Test
  void nothingWrongSkippedAndNotApplicableMoveToTheNextStepAndStartItsClock() {
    Diagnosis diagnosis = started();

    diagnosis.record(nothingWrong("backup-switch", AGENT, at(2)));
    diagnosis.record(skipped("wifi", " customer is on a train ", "bob", at(5)));
    diagnosis.record(notApplicable("power", AGENT, at(6)));

    assertThat(diagnosis.status()).isEqualTo(IN_PROGRESS);
    assertThat(diagnosis.currentStep()).map(s -> s.key()).contains("storage");
    assertThat(diagnosis.snapshot().currentStepStartedAt()).isEqualTo(at(6));
    assertThat(diagnosis.results())
        .extracting(StepResult::stepKey, StepResult::outcome, StepResult::recordedBy)
        .containsExactly(
            tuple("backup-switch", StepOutcome.NOTHING_WRONG, AGENT),
            tuple("wifi", StepOutcome.SKIPPED, "bob"),
            tuple("power", StepOutcome.NOT_APPLICABLE, AGENT));
    StepResult wifi = diagnosis.results().get(1);
    assertThat(wifi.skipReason()).isEqualTo("customer is on a train");
    assertThat(wifi.timeSpent()).isEqualTo(Duration.ofMinutes(3));
    assertThat(wifi.verification()).isNull();
    assertThat(diagnosis.progress().percent()).isEqualTo(33);
  }

  @Test
  void aFixWaitsForTheCustomersTestBackup() {
    Diagnosis diagnosis = atStep(4);

    List<DiagnosisEvent> events =
        diagnosis.record(fixed("storage", "upgrade-plan", true, AGENT, at(10)).withNote("50 GB"));

    assertThat(diagnosis.status()).isEqualTo(AWAITING_VERIFICATION);
    assertThat(diagnosis.currentStep()).map(s -> s.key()).contains("storage");
    StepResult pending = diagnosis.pendingVerification().orElseThrow();
    assertThat(pending.verification()).isEqualTo(Verification.PENDING);
    assertThat(pending.fixOptionKey()).isEqualTo("upgrade-plan");
    assertThat(pending.note()).isEqualTo("50 GB");
    assertThat(pending.startedAt()).isEqualTo(at(3));
    assertThat(pending.endedAt()).isEqualTo(at(10));
    assertThat(events).containsExactly(new DiagnosisEvent.StepRecorded(pending, at(10), AGENT));
    assertThat(diagnosis.resolution()).isEmpty();
  }

  @Test
  void aCompletedTestBackupMakesTheFixTheResolution() {
    Diagnosis diagnosis = awaitingVerification("storage", "delete-app-data");

    List<DiagnosisEvent> events = diagnosis.verify("storage", true, "bob", at(20));

    Resolution resolution = new Resolution("storage", 4, "delete-app-data");
    assertThat(diagnosis.status()).isEqualTo(RESOLVED);
    assertThat(diagnosis.resolution()).contains(resolution);
    assertThat(diagnosis.currentStep()).isEmpty();
    assertThat(diagnosis.pendingVerification()).isEmpty();
    assertThat(diagnosis.snapshot().endedAt()).isEqualTo(at(20));
    assertThat(diagnosis.snapshot().currentStepNumber()).isZero();
    StepResult verified = diagnosis.result("storage").orElseThrow();
    assertThat(verified.verification()).isEqualTo(Verification.BACKUP_COMPLETED);
    assertThat(verified.verifiedAt()).isEqualTo(at(20));
    assertThat(verified.verifiedBy()).isEqualTo("bob");
    assertThat(events)
        .containsExactly(
            new DiagnosisEvent.Verified("storage", true, at(20), "bob", 1, "delete-app-data"),
            new DiagnosisEvent.Resolved(resolution, at(20), "bob"));
  }

  @Test
  void aFailingTestBackupMovesOnToTheNextStep() {
    Diagnosis diagnosis = awaitingVerification("wifi", "join-network");

    List<DiagnosisEvent> events = diagnosis.verify("wifi", false, AGENT, at(9));

    assertThat(diagnosis.status()).isEqualTo(IN_PROGRESS);
    assertThat(diagnosis.currentStep()).map(s -> s.key()).contains("power");
    assertThat(diagnosis.snapshot().currentStepStartedAt()).isEqualTo(at(9));
    assertThat(diagnosis.result("wifi").orElseThrow().verification())
        .isEqualTo(Verification.STILL_FAILING);
    assertThat(diagnosis.resolution()).isEmpty();
    assertThat(events)
        .containsExactly(
            new DiagnosisEvent.Verified("wifi", false, at(9), AGENT, 1, "join-network"));
  }

  @Test
  void anAppleOutageEndsTheDiagnosisAsWaitingOnApple() {
    Diagnosis diagnosis = atStep(5);

    List<DiagnosisEvent> events = diagnosis.record(outage("apple-status", AGENT, at(8)));

    assertThat(diagnosis.status()).isEqualTo(WAITING_ON_APPLE);
    assertThat(diagnosis.status().isEnded()).isTrue();
    assertThat(diagnosis.currentStep()).isEmpty();
    assertThat(diagnosis.resolution()).isEmpty();
    assertThat(diagnosis.escalation()).isEmpty();
    assertThat(diagnosis.snapshot().endedAt()).isEqualTo(at(8));
    assertThat(events)
        .hasSize(2)
        .last()
        .isEqualTo(new DiagnosisEvent.WaitingOnApple("apple-status", at(8), AGENT));
  }

  @Test
  void finishingTheLastStepWithoutAFixEscalatesToTier2ByItself() {
    Diagnosis diagnosis = atStep(9);

    List<DiagnosisEvent> events = diagnosis.record(nothingWrong("ios-update", AGENT, at(30)));

    assertThat(diagnosis.status()).isEqualTo(ESCALATED);
    Escalation escalation = diagnosis.escalation().orElseThrow();
    assertThat(escalation.target()).isEqualTo(EscalationTarget.TIER_2);
    assertThat(escalation.automatic()).isTrue();
    assertThat(escalation.reason()).contains("All 9", "still fails");
    assertThat(diagnosis.progress()).isEqualTo(new Progress(9, 9));
    assertThat(diagnosis.currentStep()).isEmpty();
    assertThat(events).last().isEqualTo(new DiagnosisEvent.Escalated(escalation, at(30), AGENT));
  }

  @Test
  void aFailedLastFixAlsoEscalatesByItself() {
    Diagnosis diagnosis = awaitingVerification("ios-update", "install-update");

    List<DiagnosisEvent> events = diagnosis.verify("ios-update", false, AGENT, at(60));

    assertThat(diagnosis.status()).isEqualTo(ESCALATED);
    assertThat(diagnosis.escalation()).get().extracting(Escalation::automatic).isEqualTo(true);
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("Verified", "Escalated");
  }

  @Test
  void anAgentCanEscalateWhileWorkingAwaitingOrPaused() {
    Diagnosis working = atStep(3);
    Diagnosis awaiting = awaitingVerification("restart", "restart");
    Diagnosis paused = atStep(2);
    paused.abandon(null, AGENT, at(4));

    for (Diagnosis diagnosis : List.of(working, awaiting, paused)) {
      List<DiagnosisEvent> events =
          diagnosis.escalate(
              EscalationTarget.APPLE_SUPPORT, " hardware fault suspected ", "bob", at(40));

      Escalation escalation =
          new Escalation(EscalationTarget.APPLE_SUPPORT, "hardware fault suspected", false);
      assertThat(diagnosis.status()).isEqualTo(ESCALATED);
      assertThat(diagnosis.escalation()).contains(escalation);
      assertThat(diagnosis.snapshot().statusBeforeAbandon()).isNull();
      assertThat(diagnosis.currentStep()).isEmpty();
      assertThat(events).containsExactly(new DiagnosisEvent.Escalated(escalation, at(40), "bob"));
    }
    // Nobody saw the restart's test backup, so it stays unverified rather than counted either way.
    assertThat(awaiting.result("restart").orElseThrow().verification())
        .isEqualTo(Verification.PENDING);
    assertThat(awaiting.pendingVerification()).isEmpty();
  }

  @Test
  void abandonAndResumeContinueAtTheSameStepWithoutCountingTheGap() {
    Diagnosis diagnosis = atStep(3);

    List<DiagnosisEvent> paused = diagnosis.abandon("  call dropped ", AGENT, at(4));
    assertThat(diagnosis.status()).isEqualTo(ABANDONED);
    assertThat(diagnosis.status().isEnded()).isFalse();
    assertThat(diagnosis.snapshot().statusBeforeAbandon()).isEqualTo(IN_PROGRESS);
    assertThat(diagnosis.currentStep()).map(s -> s.key()).contains("power");
    assertThat(paused)
        .containsExactly(new DiagnosisEvent.Abandoned(3, "call dropped", at(4), AGENT));

    List<DiagnosisEvent> resumed = diagnosis.resume("bob", at(300));
    assertThat(diagnosis.status()).isEqualTo(IN_PROGRESS);
    assertThat(resumed).containsExactly(new DiagnosisEvent.Resumed(3, at(300), "bob"));

    diagnosis.record(nothingWrong("power", "bob", at(302)));
    assertThat(diagnosis.result("power").orElseThrow().timeSpent())
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aDiagnosisPausedWhileAwaitingVerificationResumesAwaitingIt() {
    Diagnosis diagnosis = awaitingVerification("power", "replace-cable");

    diagnosis.abandon(null, AGENT, at(5));
    assertThat(diagnosis.pendingVerification()).isPresent();
    diagnosis.resume(AGENT, at(50));

    assertThat(diagnosis.status()).isEqualTo(AWAITING_VERIFICATION);
    diagnosis.verify("power", true, AGENT, at(55));
    assertThat(diagnosis.resolution()).contains(new Resolution("power", 3, "replace-cable"));
  }

  @Test
  void aCommandStampedBeforeTheLatestRecordedMomentCountsAsHappeningThen() {
    Diagnosis diagnosis = atStep(3);

    List<DiagnosisEvent> events = diagnosis.record(nothingWrong("power", AGENT, at(-5)));

    StepResult power = diagnosis.result("power").orElseThrow();
    assertThat(power.endedAt()).isEqualTo(power.startedAt()).isEqualTo(at(2));
    assertThat(events.get(0).at()).isEqualTo(at(2));
  }

  @Test
  void statusesKnowWhetherTheyAreFinal() {
    assertThat(DiagnosisStatus.values())
        .filteredOn(DiagnosisStatus::isEnded)
        .containsExactly(RESOLVED, ESCALATED, WAITING_ON_APPLE);
    assertThat(WAITING_ON_APPLE.label()).isEqualTo("Waiting on Apple");
    assertThat(StepOutcome.NOT_APPLICABLE.label()).isEqualTo("Not applicable");
    assertThat(EscalationTarget.COMPUTER_BACKUP.label()).contains("computer");
  }
}
