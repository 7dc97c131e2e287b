package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.AfterStillFailing.MOVE_ON;
import static io.backupdesk.diagnostics.diagnosis.AfterStillFailing.STAY_AT_STEP;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.AWAITING_VERIFICATION;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.IN_PROGRESS;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.RESOLVED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.AGENT;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.at;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.atStep;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.awaitingVerification;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.fixed;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.nothingWrong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * After a fix's test backup still fails, the agent may try another fix of the same step (storage:
 * delete an app's data, then a bigger plan) before moving on, explicitly.
 */
class DiagnosisFurtherFixTest {

  /** Storage's first fix (deleting an app's data) failed; the walk stays at storage. */
  private static Diagnosis stayingAtStorage() {
    Diagnosis diagnosis = awaitingVerification("storage", "delete-app-data");
    diagnosis.verify("storage", "delete-app-data", false, STAY_AT_STEP, AGENT, at(10));
    return diagnosis;
  }

  @Test
  void afterAFailedFixTheStepMayStayAndOffersItsUntriedFixes() {
    Diagnosis diagnosis = awaitingVerification("storage", "delete-app-data");

    List<DiagnosisEvent> events =
        diagnosis.verify("storage", "delete-app-data", false, STAY_AT_STEP, AGENT, at(10));

    assertThat(diagnosis.status()).isEqualTo(IN_PROGRESS);
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("storage");
    assertThat(diagnosis.isOfferingAnotherFix()).isTrue();
    assertThat(diagnosis.untriedFixOptions())
        .extracting(FixOption::key)
        .containsExactly("upgrade-plan");
    assertThat(diagnosis.progress()).isEqualTo(new Progress(4, 9));
    assertThat(events)
        .containsExactly(
            new DiagnosisEvent.Verified("storage", false, at(10), AGENT, 1, "delete-app-data"));
  }

  @Test
  void theSecondFixIsItsOwnResultAndTheOneThatResolvedCounts() {
    Diagnosis diagnosis = stayingAtStorage();

    List<DiagnosisEvent> tried =
        diagnosis.tryAnotherFix(fixed("storage", "upgrade-plan", true, "bob", at(14)));
    assertThat(diagnosis.status()).isEqualTo(AWAITING_VERIFICATION);
    assertThat(diagnosis.pendingVerification())
        .map(StepResult::fixOptionKey)
        .contains("upgrade-plan");

    List<DiagnosisEvent> verified =
        diagnosis.verify("storage", "upgrade-plan", true, STAY_AT_STEP, "bob", at(20));

    assertThat(diagnosis.status()).isEqualTo(RESOLVED);
    assertThat(diagnosis.resolution()).contains(new Resolution("storage", 4, "upgrade-plan"));
    assertThat(diagnosis.attempts("storage"))
        .extracting(
            StepResult::attempt,
            StepResult::position,
            StepResult::fixOptionKey,
            StepResult::verification)
        .containsExactly(
            tuple(1, 4, "delete-app-data", Verification.STILL_FAILING),
            tuple(2, 4, "upgrade-plan", Verification.BACKUP_COMPLETED));
    assertThat(diagnosis.result("storage")).map(StepResult::attempt).contains(2);
    // The second attempt's time starts when the first one's backup failed.
    assertThat(diagnosis.attempts("storage").get(1).startedAt()).isEqualTo(at(10));
    assertThat(describe(tried))
        .containsExactly(
            "Step 4 · iCloud storage: second fix — upgrade the iCloud plan (the customer agreed)");
    assertThat(describe(verified))
        .containsExactly(
            "Step 4 · iCloud storage, second fix (upgrade the iCloud plan): the test backup"
                + " completed",
            "Resolved at Step 4 · iCloud storage — upgrade the iCloud plan");
  }

  @Test
  void aPaidSecondFixNeedsTheCustomersAgreementToo() {
    Diagnosis diagnosis = stayingAtStorage();
    refused(
        diagnosis,
        () -> diagnosis.tryAnotherFix(fixed("storage", "upgrade-plan", false, AGENT, at(12))),
        ConsentRequiredException.class);
  }

  @Test
  void theSameFixTwiceAtAStepIsRefused() {
    Diagnosis diagnosis = stayingAtStorage();

    FixAlreadyTriedException e =
        refused(
            diagnosis,
            () -> diagnosis.tryAnotherFix(fixed("storage", "delete-app-data", true, AGENT, at(12))),
            FixAlreadyTriedException.class);

    assertThat(e.stepKey()).isEqualTo("storage");
    assertThat(e.fixOptionKey()).isEqualTo("delete-app-data");
    assertThat(e.triedInAttempt()).isEqualTo(1);
    assertThat(e.untriedKeys()).containsExactly("upgrade-plan");
    assertThat(e)
        .hasMessage(
            "\"Delete an app's data from iCloud\" was already tried at Step 4 · iCloud storage. A"
                + " fix is tried once per step: try \"Upgrade the iCloud plan\" instead, or move on"
                + " to the next step.");
  }

  @Test
  void movingOnIsAnExplicitCommandAndItsRepeatChangesNothing() {
    Diagnosis diagnosis = stayingAtStorage();

    List<DiagnosisEvent> events = diagnosis.moveOn("storage", "bob", at(12));

    assertThat(diagnosis.status()).isEqualTo(IN_PROGRESS);
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("apple-status");
    assertThat(diagnosis.snapshot().currentStepStartedAt()).isEqualTo(at(12));
    assertThat(events)
        .containsExactly(new DiagnosisEvent.MovedOn("storage", "apple-status", at(12), "bob"));
    assertThat(describe(events))
        .containsExactly(
            "Step 4 · iCloud storage: no other fix tried, moved on to Step 5 · Apple's iCloud"
                + " Backup service");
    assertRepeatIsNoOp(diagnosis, () -> diagnosis.moveOn("storage", "bob", at(13)));
  }

  @Test
  void answeringStillFailingMoveOnWhileTheStepStaysMovesOn() {
    Diagnosis diagnosis = stayingAtStorage();

    List<DiagnosisEvent> events =
        diagnosis.verify("storage", "delete-app-data", false, MOVE_ON, AGENT, at(12));

    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("apple-status");
    assertThat(events).hasOnlyElementsOfType(DiagnosisEvent.MovedOn.class).hasSize(1);
  }

  @Test
  void theOneClickAnswerMovesOnAsItAlwaysDid() {
    Diagnosis diagnosis = awaitingVerification("storage", "delete-app-data");

    diagnosis.verify("storage", false, AGENT, at(10));

    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("apple-status");
    assertThat(diagnosis.isOfferingAnotherFix()).isFalse();
    assertThat(diagnosis.untriedFixOptions()).isEmpty();
  }

  @Test
  void withNoUntriedFixLeftTheWalkMovesOnByItself() {
    // Restarting is the only fix of its step.
    Diagnosis restart = awaitingVerification("restart", "restart");
    List<DiagnosisEvent> events =
        restart.verify("restart", "restart", false, STAY_AT_STEP, AGENT, at(8));
    assertThat(restart.currentStep()).map(PlaybookStep::key).contains("reset-settings");
    assertThat(events).hasSize(1);

    // Wi-Fi has three; after the third fails there is nothing left to try there.
    Diagnosis wifi = awaitingVerification("wifi", "turn-on-wifi");
    wifi.verify("wifi", "turn-on-wifi", false, STAY_AT_STEP, AGENT, at(3));
    wifi.tryAnotherFix(fixed("wifi", "join-network", false, AGENT, at(4)));
    wifi.verify("wifi", "join-network", false, STAY_AT_STEP, AGENT, at(5));
    assertThat(wifi.untriedFixOptions()).extracting(FixOption::key).containsExactly("move-closer");
    wifi.tryAnotherFix(fixed("wifi", "move-closer", false, AGENT, at(6)));
    wifi.verify("wifi", "move-closer", false, STAY_AT_STEP, AGENT, at(7));
    assertThat(wifi.currentStep()).map(PlaybookStep::key).contains("power");
    assertThat(wifi.attempts("wifi")).extracting(StepResult::attempt).containsExactly(1, 2, 3);
  }

  @Test
  void whileTheStepOffersAnotherFixNothingElseIsRecorded() {
    Diagnosis diagnosis = stayingAtStorage();

    assertThat(
            refused(
                diagnosis,
                () -> diagnosis.record(nothingWrong("apple-status", AGENT, at(12))),
                IllegalTransitionException.class))
        .hasMessage(
            "The diagnosis stays at Step 4 · iCloud storage after a fix failed its test backup:"
                + " try another of its fixes, or move on, before recording Step 5 · Apple's iCloud"
                + " Backup service.");
    assertThat(
            refused(
                diagnosis,
                () -> diagnosis.record(fixed("storage", "upgrade-plan", true, AGENT, at(12))),
                ConflictingOutcomeException.class))
        .hasMessageEndingWith("To try another of its fixes, choose \"try another fix\" instead.");
  }

  @Test
  void anotherFixOrMovingOnOnlyRightAfterAFailedFix() {
    Diagnosis atPower = atStep(3);
    assertThat(
            refused(
                atPower,
                () -> atPower.tryAnotherFix(fixed("power", "plug-in", false, AGENT, at(4))),
                IllegalTransitionException.class))
        .hasMessage(
            "Another fix can only be tried at a step right after one of its fixes failed its test"
                + " backup; the diagnosis is at Step 3 · Power. Record that step's outcome instead.");
    assertThat(
            refused(
                atPower,
                () -> atPower.moveOn("power", AGENT, at(4)),
                IllegalTransitionException.class))
        .hasMessage(
            "Moving on from Step 3 · Power needs its outcome: record what the check found (or skip"
                + " it with a reason).");

    Diagnosis awaiting = awaitingVerification("power", "plug-in");
    assertThat(
            refused(
                awaiting,
                () -> awaiting.tryAnotherFix(fixed("power", "replace-cable", false, AGENT, at(4))),
                IllegalTransitionException.class))
        .hasMessageContaining("is waiting for the customer's test backup");
  }

  @Test
  void verifyingNamesTheFixSoALateRepeatCannotHitTheNextOne() {
    Diagnosis diagnosis = stayingAtStorage();
    diagnosis.tryAnotherFix(fixed("storage", "upgrade-plan", true, AGENT, at(14)));

    // The first fix's answer arrives again: it is already recorded, the second fix still waits.
    assertRepeatIsNoOp(
        diagnosis,
        () -> diagnosis.verify("storage", "delete-app-data", false, STAY_AT_STEP, AGENT, at(15)));
    assertThat(diagnosis.status()).isEqualTo(AWAITING_VERIFICATION);
    assertThat(
            refused(
                diagnosis,
                () -> diagnosis.verify("storage", "restart", true, STAY_AT_STEP, AGENT, at(15)),
                UnknownFixOptionException.class))
        .hasMessageContaining("offers no fix 'restart'");
  }

  @Test
  void repeatsOfEveryStepOfASecondFixChangeNothing() {
    Diagnosis diagnosis = stayingAtStorage();
    assertRepeatIsNoOp(
        diagnosis,
        () -> diagnosis.record(fixed("storage", "delete-app-data", true, AGENT, at(11))));
    assertRepeatIsNoOp(
        diagnosis,
        () -> diagnosis.verify("storage", "delete-app-data", false, STAY_AT_STEP, AGENT, at(11)));

    diagnosis.tryAnotherFix(fixed("storage", "upgrade-plan", true, AGENT, at(14)));
    assertRepeatIsNoOp(
        diagnosis,
        () -> diagnosis.tryAnotherFix(fixed("storage", "upgrade-plan", true, AGENT, at(15))));
  }

  @Test
  void aPauseKeepsTheOfferOpen() {
    Diagnosis diagnosis = stayingAtStorage();
    diagnosis.abandon("customer checks their card", AGENT, at(12));
    assertThat(diagnosis.isOfferingAnotherFix()).isFalse();
    refused(
        diagnosis,
        () -> diagnosis.moveOn("storage", AGENT, at(13)),
        IllegalTransitionException.class);

    diagnosis.resume("bob", at(60));

    assertThat(diagnosis.isOfferingAnotherFix()).isTrue();
    assertThat(diagnosis.untriedFixOptions())
        .extracting(FixOption::key)
        .containsExactly("upgrade-plan");
    assertThat(Diagnosis.restore(PLAYBOOK, diagnosis.snapshot()).isOfferingAnotherFix()).isTrue();
  }

  private static List<String> describe(List<DiagnosisEvent> events) {
    return events.stream().map(e -> e.describe(PLAYBOOK)).toList();
  }

  private static void assertRepeatIsNoOp(
      Diagnosis diagnosis, java.util.function.Supplier<List<DiagnosisEvent>> repeat) {
    DiagnosisSnapshot before = diagnosis.snapshot();
    assertThat(repeat.get()).isEmpty();
    assertThat(diagnosis.snapshot()).isEqualTo(before);
  }

  private static <E extends DiagnosisException> E refused(
      Diagnosis diagnosis, ThrowingCallable command, Class<E> type) {
    DiagnosisSnapshot before = diagnosis.snapshot();
    Throwable thrown = catchThrowable(command);
    assertThat(thrown).isInstanceOf(type);
    assertThat(diagnosis.snapshot()).isEqualTo(before);
    return type.cast(thrown);
  }
}
