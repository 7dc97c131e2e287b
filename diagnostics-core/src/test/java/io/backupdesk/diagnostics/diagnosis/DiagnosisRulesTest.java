package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.AGENT;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.at;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.atStep;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.awaitingVerification;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.started;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.fixed;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.nothingWrong;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.outage;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.skipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backupdesk.diagnostics.playbook.Device;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every refusal says what was wrong and what to do, and changes nothing. */
class DiagnosisRulesTest {

  @Test
  void anUnknownStepListsTheStepsThatExist() {
    Diagnosis diagnosis = started();
    UnknownStepException e =
        refused(
            diagnosis,
            () -> diagnosis.record(nothingWrong("bluetooth", AGENT, at(1))),
            UnknownStepException.class);
    assertThat(e.stepKey()).isEqualTo("bluetooth");
    assertThat(e.playbookVersion()).isEqualTo(1);
    assertThat(e)
        .hasMessage(
            "Playbook v1 has no step 'bluetooth'. Use one of: backup-switch, wifi, power, storage,"
                + " apple-status, account-verification, restart, reset-settings, ios-update.");
    refused(
        diagnosis,
        () -> diagnosis.verify("bluetooth", true, AGENT, at(1)),
        UnknownStepException.class);
  }

  @Test
  void aFixTheStepDoesNotOfferIsRefusedWithTheOffer() {
    Diagnosis diagnosis = atStep(2);
    UnknownFixOptionException e =
        refused(
            diagnosis,
            () -> diagnosis.record(fixed("wifi", "restart", false, AGENT, at(3))),
            UnknownFixOptionException.class);
    assertThat(e.stepKey()).isEqualTo("wifi");
    assertThat(e.fixOptionKey()).isEqualTo("restart");
    assertThat(e.offeredKeys()).containsExactly("turn-on-wifi", "join-network", "move-closer");
    assertThat(e)
        .hasMessage(
            "Step 2 · Wi-Fi connection offers no fix 'restart'. Choose one of: turn-on-wifi,"
                + " join-network, move-closer.");
  }

  @Test
  void aFixWithoutAFixOptionAsksWhichFixWasApplied() {
    Diagnosis diagnosis = atStep(2);
    UnknownFixOptionException e =
        refused(
            diagnosis,
            () -> diagnosis.record(fixed("wifi", " ", false, AGENT, at(3))),
            UnknownFixOptionException.class);
    assertThat(e.fixOptionKey()).isNull();
    assertThat(e)
        .hasMessageStartingWith("Say which fix was applied at Step 2 · Wi-Fi connection: one of");
  }

  @Test
  void aSkipNeedsAReason() {
    Diagnosis diagnosis = atStep(6);
    SkipReasonRequiredException e =
        refused(
            diagnosis,
            () -> diagnosis.record(skipped("account-verification", "  ", AGENT, at(7))),
            SkipReasonRequiredException.class);
    assertThat(e.stepKey()).isEqualTo("account-verification");
    assertThat(e).hasMessageContaining("Say why Step 6 · Apple ID verification is skipped");
  }

  @Test
  void aDestructiveFixNeedsTheCustomersConsent() {
    Diagnosis diagnosis = atStep(4);
    ConsentRequiredException e =
        refused(
            diagnosis,
            () -> diagnosis.record(fixed("storage", "delete-app-data", false, AGENT, at(5))),
            ConsentRequiredException.class);
    assertThat(e.stepKey()).isEqualTo("storage");
    assertThat(e.fixOptionKey()).isEqualTo("delete-app-data");
    assertThat(e)
        .hasMessageContaining("\"Delete an app's data from iCloud\" at Step 4 · iCloud storage")
        .hasMessageContaining("Ask for their agreement");

    // Upgrading deletes nothing but adds a monthly charge: the customer agrees to pay first.
    ConsentRequiredException paid =
        refused(
            diagnosis,
            () -> diagnosis.record(fixed("storage", "upgrade-plan", false, AGENT, at(5))),
            ConsentRequiredException.class);
    assertThat(paid).hasMessageContaining("adds a charge to the customer's bill");
    diagnosis.record(fixed("storage", "upgrade-plan", true, AGENT, at(5)));
    assertThat(diagnosis.status()).isEqualTo(DiagnosisStatus.AWAITING_VERIFICATION);
  }

  @Test
  void stepsAreWalkedInOrder() {
    Diagnosis diagnosis = atStep(3);
    StepOutOfOrderException e =
        refused(
            diagnosis,
            () -> diagnosis.record(nothingWrong("restart", AGENT, at(4))),
            StepOutOfOrderException.class);
    assertThat(e.stepKey()).isEqualTo("restart");
    assertThat(e.currentStepKey()).isEqualTo("power");
    assertThat(e.currentStepNumber()).isEqualTo(3);
    assertThat(e)
        .hasMessage(
            "Step 7 · Restart the iPhone is not due yet: the diagnosis is at Step 3 · Power. Record"
                + " that step first, or skip it with a reason to move on.");
  }

  @Test
  void onlyApplesServiceStepCanReportAnOutage() {
    Diagnosis diagnosis = atStep(2);
    OutcomeNotAllowedException e =
        refused(
            diagnosis,
            () -> diagnosis.record(outage("wifi", AGENT, at(3))),
            OutcomeNotAllowedException.class);
    assertThat(e.stepKey()).isEqualTo("wifi");
    assertThat(e.outcome()).isEqualTo(StepOutcome.OUTAGE);
    assertThat(e).hasMessageContaining("cannot find an outage. Choose another outcome.");
  }

  @Test
  void applesServiceCannotBeFixedByTheCustomer() {
    Diagnosis diagnosis = atStep(5);
    OutcomeNotAllowedException e =
        refused(
            diagnosis,
            () -> diagnosis.record(fixed("apple-status", "restart", false, AGENT, at(6))),
            OutcomeNotAllowedException.class);
    assertThat(e.outcome()).isEqualTo(StepOutcome.FIXED);
    assertThat(e).hasMessageContaining("nothing to fix on the customer's side");
  }

  @Test
  void anEscalationNeedsAReason() {
    Diagnosis diagnosis = atStep(2);
    assertThat(
            refused(
                diagnosis,
                () -> diagnosis.escalate(EscalationTarget.TIER_2, " ", AGENT, at(3)),
                EscalationReasonRequiredException.class))
        .hasMessageContaining("Give a reason for the escalation");
  }

  @Test
  void nothingButTheTestBackupCanBeRecordedWhileAFixAwaitsIt() {
    Diagnosis diagnosis = awaitingVerification("power", "plug-in");
    IllegalTransitionException e =
        refused(
            diagnosis,
            () -> diagnosis.record(nothingWrong("storage", AGENT, at(4))),
            IllegalTransitionException.class);
    assertThat(e.currentStatus()).isEqualTo(DiagnosisStatus.AWAITING_VERIFICATION);
    assertThat(e)
        .hasMessage(
            "The fix at Step 3 · Power is waiting for the customer's test backup, so you cannot record"
                + " an outcome yet. Record whether the backup completed first.");
  }

  @Test
  void noOutcomeAfterTheDiagnosisEnded() {
    Diagnosis diagnosis = awaitingVerification("power", "plug-in");
    diagnosis.verify("power", true, AGENT, at(4));
    IllegalTransitionException e =
        refused(
            diagnosis,
            () -> diagnosis.record(nothingWrong("storage", AGENT, at(5))),
            IllegalTransitionException.class);
    assertThat(e.currentStatus()).isEqualTo(DiagnosisStatus.RESOLVED);
    assertThat(e)
        .hasMessageContaining("already ended (\"Resolved\")")
        .hasMessageContaining("start a new diagnosis");
  }

  @Test
  void noOutcomeWhilePaused() {
    Diagnosis diagnosis = atStep(2);
    diagnosis.abandon(null, AGENT, at(2));
    assertThat(
            refused(
                diagnosis,
                () -> diagnosis.record(nothingWrong("wifi", AGENT, at(3))),
                IllegalTransitionException.class))
        .hasMessageContaining("paused")
        .hasMessageEndingWith("Resume it first.");
  }

  @Test
  void verifyingWithoutAFixPointsToTheCurrentStep() {
    Diagnosis diagnosis = atStep(3);
    assertThat(
            refused(
                diagnosis,
                () -> diagnosis.verify("wifi", true, AGENT, at(3)),
                IllegalTransitionException.class))
        .hasMessage(
            "There is no fix to verify at Step 2 · Wi-Fi connection: a test backup is only checked"
                + " after a fix. Record the outcome of Step 3 · Power instead.");
  }

  @Test
  void verifyingAnotherStepThanThePendingFixNamesThePendingOne() {
    Diagnosis diagnosis = awaitingVerification("power", "plug-in");
    assertThat(
            refused(
                diagnosis,
                () -> diagnosis.verify("wifi", true, AGENT, at(4)),
                IllegalTransitionException.class))
        .hasMessage(
            "The fix waiting for its test backup is at Step 3 · Power, not at Step 2 · Wi-Fi"
                + " connection. Verify that step.");
  }

  @Test
  void verifyingWhilePausedAsksToResumeFirst() {
    Diagnosis diagnosis = awaitingVerification("power", "plug-in");
    diagnosis.abandon(null, AGENT, at(4));
    assertThat(
            refused(
                diagnosis,
                () -> diagnosis.verify("power", true, AGENT, at(5)),
                IllegalTransitionException.class))
        .hasMessageContaining("Resume it first");
  }

  @Test
  void onlyAPausedDiagnosisCanBeResumed() {
    Diagnosis working = atStep(3);
    IllegalTransitionException e =
        refused(working, () -> working.resume(AGENT, at(4)), IllegalTransitionException.class);
    assertThat(e.currentStatus()).isEqualTo(DiagnosisStatus.IN_PROGRESS);
    assertThat(e)
        .hasMessage(
            "Only a paused (abandoned) diagnosis can be resumed; this one is \"In progress\". Carry on"
                + " at Step 3 · Power.");

    Diagnosis ended = atStep(5);
    ended.record(outage("apple-status", AGENT, at(5)));
    assertThat(refused(ended, () -> ended.resume(AGENT, at(6)), IllegalTransitionException.class))
        .hasMessageEndingWith("Start a new diagnosis if the customer still needs help.");
  }

  @Test
  void abandonOnlyARunningDiagnosis() {
    Diagnosis paused = atStep(2);
    paused.abandon(null, AGENT, at(2));
    assertThat(
            refused(
                paused,
                () -> paused.abandon("again", AGENT, at(3)),
                IllegalTransitionException.class))
        .hasMessage("This diagnosis is already paused. Resume it when the customer is back.");

    Diagnosis ended = atStep(9);
    ended.record(nothingWrong("ios-update", AGENT, at(9)));
    assertThat(
            refused(
                ended, () -> ended.abandon(null, AGENT, at(10)), IllegalTransitionException.class))
        .hasMessageContaining("already ended (\"Escalated\"), so you cannot abandon it");
  }

  @Test
  void anEndedDiagnosisCannotBeEscalated() {
    Diagnosis diagnosis = atStep(5);
    diagnosis.record(outage("apple-status", AGENT, at(5)));
    IllegalTransitionException e =
        refused(
            diagnosis,
            () -> diagnosis.escalate(EscalationTarget.TIER_2, "customer insists", AGENT, at(6)),
            IllegalTransitionException.class);
    assertThat(e.currentStatus()).isEqualTo(DiagnosisStatus.WAITING_ON_APPLE);
    assertThat(e).hasMessageContaining("so you cannot escalate it");
  }

  @Test
  void aSecondDifferentOutcomeForARecordedStepConflicts() {
    Diagnosis diagnosis = atStep(3);
    ConflictingOutcomeException e =
        refused(
            diagnosis,
            () -> diagnosis.record(skipped("wifi", "no router", "bob", at(3))),
            ConflictingOutcomeException.class);
    assertThat(e.stepKey()).isEqualTo("wifi");
    assertThat(e.recorded().outcome()).isEqualTo(StepOutcome.NOTHING_WRONG);
    assertThat(e)
        .hasMessageStartingWith(
            "Step 2 · Wi-Fi connection was already recorded as \"Nothing wrong\" by alice.")
        .hasMessageContaining("reload the diagnosis");
  }

  @Test
  void aDifferentFixOptionOrSkipReasonAlsoConflicts() {
    Diagnosis fixedOnce = awaitingVerification("wifi", "join-network");
    refused(
        fixedOnce,
        () -> fixedOnce.record(fixed("wifi", "move-closer", false, AGENT, at(3))),
        ConflictingOutcomeException.class);

    Diagnosis skippedOnce = atStep(2);
    skippedOnce.record(skipped("wifi", "no router", AGENT, at(2)));
    refused(
        skippedOnce,
        () -> skippedOnce.record(skipped("wifi", "no signal", AGENT, at(3))),
        ConflictingOutcomeException.class);
  }

  @Test
  void aDifferentAnswerForAVerifiedFixConflicts() {
    Diagnosis diagnosis = awaitingVerification("wifi", "join-network");
    diagnosis.verify("wifi", false, AGENT, at(3));
    ConflictingOutcomeException e =
        refused(
            diagnosis,
            () -> diagnosis.verify("wifi", true, "bob", at(4)),
            ConflictingOutcomeException.class);
    assertThat(e.recorded().verification()).isEqualTo(Verification.STILL_FAILING);
    assertThat(e).hasMessageContaining("already recorded as \"Backup still fails\" by alice");
  }

  @Test
  void everyRefusalIsADiagnosisExceptionOfTheRightKind() {
    assertThat(RuleViolationException.class).isAssignableTo(DiagnosisException.class);
    assertThat(
            new Class<?>[] {
              UnknownStepException.class, UnknownFixOptionException.class,
              SkipReasonRequiredException.class, ConsentRequiredException.class,
              StepOutOfOrderException.class, OutcomeNotAllowedException.class,
              EscalationReasonRequiredException.class, FixAlreadyTriedException.class,
              CorrectionReasonRequiredException.class, NothingToCorrectException.class
            })
        .allSatisfy(type -> assertThat(type).isAssignableTo(RuleViolationException.class));
    // Conflicts with the state (409) and a person's permission (403) are not rule violations.
    assertThat(
            new Class<?>[] {
              IllegalTransitionException.class, ConflictingOutcomeException.class,
              ContradictingCorrectionException.class, CorrectionNotPermittedException.class
            })
        .allSatisfy(
            type -> {
              assertThat(type).isAssignableTo(DiagnosisException.class);
              assertThat(RuleViolationException.class.isAssignableFrom(type)).isFalse();
            });
  }

  @Test
  void missingAgentsAndTimesAreProgrammingErrors() {
    Diagnosis diagnosis = started();
    assertThatThrownBy(() -> diagnosis.verify("wifi", true, " ", at(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatNullPointerException().isThrownBy(() -> diagnosis.resume(AGENT, null));
    assertThatThrownBy(() -> Diagnosis.start(PLAYBOOK, new Device(null, null), "", at(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Asserts the refusal type and that the diagnosis is exactly as before. */
  private static <E extends DiagnosisException> E refused(
      Diagnosis diagnosis, ThrowingCallable command, Class<E> type) {
    DiagnosisSnapshot before = diagnosis.snapshot();
    Throwable thrown = catchThrowable(command);
    assertThat(thrown).isInstanceOf(type);
    assertThat(diagnosis.snapshot()).isEqualTo(before);
    return type.cast(thrown);
  }
}
