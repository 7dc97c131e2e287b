package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.CorrectionScope.ANY_RESULT_ANY_TIME;
import static io.backupdesk.diagnostics.diagnosis.CorrectionScope.OWN_RESULTS_WHILE_OPEN;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.ABANDONED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.AWAITING_VERIFICATION;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.ESCALATED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.IN_PROGRESS;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.RESOLVED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.AGENT;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.at;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.atStep;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.awaitingVerification;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.fixed;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.nothingWrong;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.outage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A result recorded by mistake can be corrected, with a reason; the original stays in the history,
 * and the walk and the ending follow what the corrected record supports.
 */
class DiagnosisCorrectionTest {
  private static final String SUPERVISOR = "lee";
  private static final String WHY = "clicked the wrong answer";

  private static CorrectionCommand own(String step, StepAnswer answer, Instant at) {
    return CorrectionCommand.replace(step, 1, answer, WHY, AGENT, OWN_RESULTS_WHILE_OPEN, at);
  }

  private static CorrectionCommand supervisor(String step, StepAnswer answer, Instant at) {
    return CorrectionCommand.replace(step, 1, answer, WHY, SUPERVISOR, ANY_RESULT_ANY_TIME, at);
  }

  private static Diagnosis resolvedAtStorage() {
    Diagnosis diagnosis = awaitingVerification("storage", "delete-app-data");
    diagnosis.verify("storage", true, AGENT, at(6));
    return diagnosis;
  }

  @Test
  void correctingTheLatestResultPutsTheWalkWhereTheNewAnswerLeadsAndKeepsTheOriginal() {
    Diagnosis diagnosis = atStep(3);

    List<DiagnosisEvent> events =
        diagnosis.correct(own("wifi", StepAnswer.fixed("join-network", false), at(4)));

    // "Fixed" after the walk went on: the walk is back at Wi-Fi, waiting for the test backup.
    assertThat(diagnosis.status()).isEqualTo(AWAITING_VERIFICATION);
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("wifi");
    StepResult wifi = diagnosis.result("wifi").orElseThrow();
    assertThat(wifi.outcome()).isEqualTo(StepOutcome.FIXED);
    assertThat(wifi.verification()).isEqualTo(Verification.PENDING);
    assertThat(wifi.recordedBy()).isEqualTo(AGENT);
    assertThat(wifi.endedAt()).isEqualTo(at(2));
    assertThat(wifi.corrections()).isEqualTo(1);
    assertThat(wifi.wasCorrected()).isTrue();
    StepCorrection history = diagnosis.corrections().get(0);
    assertThat(history.before().outcome()).isEqualTo(StepOutcome.NOTHING_WRONG);
    assertThat(history.after()).isEqualTo(wifi);
    assertThat(history.reason()).isEqualTo(WHY);
    assertThat(history.correctedBy()).isEqualTo(AGENT);
    assertThat(history.at()).isEqualTo(at(4));
    assertThat(events)
        .containsExactly(new DiagnosisEvent.Corrected(history.before(), wifi, WHY, at(4), AGENT));
    assertThat(events.get(0).describe(PLAYBOOK))
        .isEqualTo(
            "Step 2 · Wi-Fi connection corrected from \"nothing wrong\" to \"fixed — join the Wi-Fi"
                + " network, test backup not yet checked\" (reason: clicked the wrong answer)");

    diagnosis.verify("wifi", true, AGENT, at(5));
    assertThat(diagnosis.resolution()).contains(new Resolution("wifi", 2, "join-network"));
  }

  @Test
  void aPendingFixCorrectedToNothingWrongGoesOnAndTheNextStepsClockStartsThen() {
    Diagnosis diagnosis = awaitingVerification("wifi", "join-network");

    diagnosis.correct(own("wifi", StepAnswer.nothingWrong(), at(5)));

    assertThat(diagnosis.status()).isEqualTo(IN_PROGRESS);
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("power");
    assertThat(diagnosis.snapshot().currentStepStartedAt()).isEqualTo(at(5));
    assertThat(diagnosis.result("wifi").orElseThrow().verification()).isNull();
  }

  @Test
  void withdrawingTheLatestResultRewindsTheWalkToItsStep() {
    Diagnosis diagnosis = atStep(4);

    List<DiagnosisEvent> events =
        diagnosis.correct(
            CorrectionCommand.withdraw(
                "power", 1, " not checked yet ", AGENT, OWN_RESULTS_WHILE_OPEN, at(5)));

    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("power");
    assertThat(diagnosis.results())
        .extracting(StepResult::stepKey)
        .containsExactly("backup-switch", "wifi");
    assertThat(diagnosis.corrections())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.withdrawn()).isTrue();
              assertThat(c.reason()).isEqualTo("not checked yet");
            });
    assertThat(events.get(0).describe(PLAYBOOK))
        .isEqualTo(
            "Step 3 · Power withdrawn as recorded by mistake: it was \"nothing wrong\" (reason: not"
                + " checked yet)");
    // The same withdrawal again changes nothing; the step can be recorded anew.
    assertRepeatIsNoOp(
        diagnosis,
        () ->
            diagnosis.correct(
                CorrectionCommand.withdraw(
                    "power", 1, "not checked yet", AGENT, OWN_RESULTS_WHILE_OPEN, at(6))));
    diagnosis.record(fixed("power", "plug-in", false, AGENT, at(7)));
    assertThat(diagnosis.result("power").orElseThrow().corrections()).isZero();
  }

  @Test
  void anEarlierResultMayOnlyBecomeAnAnswerAfterWhichTheWalkGoesOn() {
    Diagnosis diagnosis = atStep(6);

    diagnosis.correct(own("wifi", StepAnswer.skipped("no router"), at(7)));
    diagnosis.correct(own("power", StepAnswer.fixed("plug-in", false), at(7)));

    // The walk is where it was; the earlier fix counts as one whose backup still failed.
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("account-verification");
    StepResult power = diagnosis.result("power").orElseThrow();
    assertThat(power.verification()).isEqualTo(Verification.STILL_FAILING);
    assertThat(power.verifiedBy()).isEqualTo(AGENT);
    assertThat(power.verifiedAt()).isEqualTo(power.endedAt());

    ContradictingCorrectionException e =
        refused(
            diagnosis,
            () ->
                diagnosis.correct(
                    own(
                        "wifi",
                        StepAnswer.fixed("join-network", false, Verification.BACKUP_COMPLETED),
                        at(8))),
            ContradictingCorrectionException.class);
    assertThat(e.stepKey()).isEqualTo("wifi");
    assertThat(e)
        .hasMessage(
            "Step 2 · Wi-Fi connection cannot become \"fixed, backup completed\": Step 3 · Power"
                + " was recorded after it, and a walk that stopped at this step could not have gone"
                + " on. Choose an answer after which the walk goes on (nothing wrong, skipped, not"
                + " applicable, or a fix whose backup still failed), or withdraw the later results"
                + " first, latest first.");
    assertThat(
            refused(
                diagnosis,
                () ->
                    diagnosis.correct(
                        CorrectionCommand.withdraw(
                            "wifi", 1, WHY, AGENT, OWN_RESULTS_WHILE_OPEN, at(8))),
                ContradictingCorrectionException.class))
        .hasMessage(
            "Only the latest result can be withdrawn, and Step 3 · Power was recorded after it."
                + " Withdraw the later results first, latest first.");
  }

  @Test
  void toStopTheWalkEarlierTheLaterResultsAreWithdrawnFirstLatestFirst() {
    Diagnosis diagnosis = atStep(4);
    diagnosis.correct(
        CorrectionCommand.withdraw("power", 1, WHY, AGENT, OWN_RESULTS_WHILE_OPEN, at(5)));

    diagnosis.correct(
        own("wifi", StepAnswer.fixed("join-network", false, Verification.BACKUP_COMPLETED), at(6)));

    assertThat(diagnosis.status()).isEqualTo(RESOLVED);
    assertThat(diagnosis.resolution()).contains(new Resolution("wifi", 2, "join-network"));
    assertThat(diagnosis.snapshot().endedAt()).isEqualTo(at(6));
    assertThat(diagnosis.corrections()).hasSize(2);
  }

  @Test
  void anAgentCorrectsOnlyTheirOwnResultsWhileTheDiagnosisIsOpen() {
    Diagnosis diagnosis = atStep(3);
    CorrectionNotPermittedException notOwn =
        refused(
            diagnosis,
            () ->
                diagnosis.correct(
                    CorrectionCommand.replace(
                        "wifi",
                        1,
                        StepAnswer.notApplicable(),
                        WHY,
                        "bob",
                        OWN_RESULTS_WHILE_OPEN,
                        at(4))),
            CorrectionNotPermittedException.class);
    assertThat(notOwn)
        .hasMessage(
            "Step 2 · Wi-Fi connection was recorded by alice: only they or a supervisor can correct"
                + " it. Ask one of them.");
    diagnosis.correct(
        CorrectionCommand.replace(
            "wifi", 1, StepAnswer.notApplicable(), WHY, SUPERVISOR, ANY_RESULT_ANY_TIME, at(4)));
    assertThat(diagnosis.result("wifi"))
        .map(StepResult::outcome)
        .contains(StepOutcome.NOT_APPLICABLE);

    // Whoever answered the test backup may correct that answer.
    Diagnosis verifiedByBob = awaitingVerification("power", "plug-in");
    verifiedByBob.verify("power", false, "bob", at(4));
    verifiedByBob.correct(
        CorrectionCommand.replace(
            "power",
            1,
            StepAnswer.fixed("replace-cable", false),
            WHY,
            "bob",
            OWN_RESULTS_WHILE_OPEN,
            at(5)));
    assertThat(verifiedByBob.result("power"))
        .map(StepResult::fixOptionKey)
        .contains("replace-cable");

    Diagnosis ended = resolvedAtStorage();
    assertThat(
            refused(
                ended,
                () -> ended.correct(own("wifi", StepAnswer.notApplicable(), at(7))),
                CorrectionNotPermittedException.class))
        .hasMessage(
            "This diagnosis has ended (\"Resolved\"), so only a supervisor can correct Step 2 ·"
                + " Wi-Fi connection now. Ask a supervisor to make the correction, with your reason.");
    ended.correct(supervisor("wifi", StepAnswer.notApplicable(), at(7)));
    assertThat(ended.status()).isEqualTo(RESOLVED);
  }

  @Test
  void aCorrectionNeedsAReason() {
    Diagnosis diagnosis = atStep(3);
    assertThat(
            refused(
                diagnosis,
                () ->
                    diagnosis.correct(
                        CorrectionCommand.replace(
                            "wifi",
                            1,
                            StepAnswer.notApplicable(),
                            "  ",
                            AGENT,
                            OWN_RESULTS_WHILE_OPEN,
                            at(4))),
                CorrectionReasonRequiredException.class))
        .hasMessageStartingWith("Say why the result of Step 2 · Wi-Fi connection is corrected");
  }

  @Test
  void theResolutionFollowsACorrectedFixOption() {
    Diagnosis diagnosis = resolvedAtStorage();
    Instant endedAt = diagnosis.snapshot().endedAt();

    List<DiagnosisEvent> events =
        diagnosis.correct(supervisor("storage", StepAnswer.fixed("upgrade-plan", true), at(30)));

    assertThat(diagnosis.status()).isEqualTo(RESOLVED);
    assertThat(diagnosis.resolution()).contains(new Resolution("storage", 4, "upgrade-plan"));
    assertThat(diagnosis.snapshot().endedAt()).isEqualTo(endedAt);
    assertThat(diagnosis.result("storage").orElseThrow().verifiedAt()).isEqualTo(at(6));
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("Corrected", "Resolved");
    // The customer's agreement to pay is part of the corrected answer.
    refused(
        diagnosis,
        () ->
            diagnosis.correct(
                supervisor("storage", StepAnswer.fixed("upgrade-plan", false), at(31))),
        ConsentRequiredException.class);
  }

  @Test
  void aResolutionTheCorrectedResultsNoLongerSupportIsTakenAwayAndTheWalkReopensPaused() {
    Diagnosis diagnosis = resolvedAtStorage();

    List<DiagnosisEvent> events =
        diagnosis.correct(supervisor("storage", StepAnswer.nothingWrong(), at(30)));

    assertThat(diagnosis.status()).isEqualTo(ABANDONED);
    assertThat(diagnosis.snapshot().statusBeforeAbandon()).isEqualTo(IN_PROGRESS);
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("apple-status");
    assertThat(diagnosis.resolution()).isEmpty();
    assertThat(diagnosis.snapshot().endedAt()).isNull();
    assertThat(events.stream().map(e -> e.describe(PLAYBOOK)))
        .containsExactly(
            "Step 4 · iCloud storage corrected from \"fixed — delete an app's data from iCloud,"
                + " test backup completed\" to \"nothing wrong\" (reason: clicked the wrong"
                + " answer)",
            "Reopened by the correction: paused at Step 5 · Apple's iCloud Backup service until an"
                + " agent resumes it with the customer or escalates it");

    diagnosis.resume("bob", at(40));
    assertThat(diagnosis.status()).isEqualTo(IN_PROGRESS);
  }

  @Test
  void aResolvingFixCorrectedToStillFailingGoesOnPaused() {
    Diagnosis diagnosis = resolvedAtStorage();

    diagnosis.correct(
        supervisor(
            "storage",
            StepAnswer.fixed("delete-app-data", true, Verification.STILL_FAILING),
            at(30)));

    assertThat(diagnosis.status()).isEqualTo(ABANDONED);
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("apple-status");
    assertThat(diagnosis.result("storage").orElseThrow().verifiedAt()).isEqualTo(at(6));
  }

  @Test
  void anOutageCorrectedAwayReopensTheWalk() {
    Diagnosis diagnosis = atStep(5);
    diagnosis.record(outage("apple-status", AGENT, at(5)));

    diagnosis.correct(supervisor("apple-status", StepAnswer.nothingWrong(), at(30)));

    assertThat(diagnosis.status()).isEqualTo(ABANDONED);
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("account-verification");
  }

  @Test
  void anAutomaticEscalationFollowsTheCorrectedLastStep() {
    Diagnosis fixedAfterAll = atStep(9);
    fixedAfterAll.record(nothingWrong("ios-update", AGENT, at(9)));

    List<DiagnosisEvent> events =
        fixedAfterAll.correct(
            supervisor(
                "ios-update",
                StepAnswer.fixed("install-update", false, Verification.BACKUP_COMPLETED),
                at(30)));

    assertThat(fixedAfterAll.status()).isEqualTo(RESOLVED);
    assertThat(fixedAfterAll.escalation()).isEmpty();
    assertThat(fixedAfterAll.snapshot().endedAt()).isEqualTo(at(30));
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("Corrected", "Resolved");

    Diagnosis notYetChecked = atStep(9);
    notYetChecked.record(nothingWrong("ios-update", AGENT, at(9)));
    notYetChecked.correct(
        supervisor("ios-update", StepAnswer.fixed("install-update", false), at(30)));
    assertThat(notYetChecked.status()).isEqualTo(ABANDONED);
    assertThat(notYetChecked.snapshot().statusBeforeAbandon()).isEqualTo(AWAITING_VERIFICATION);
  }

  @Test
  void anAgentsEscalationStands() {
    Diagnosis diagnosis = atStep(4);
    diagnosis.escalate(EscalationTarget.TIER_2, "customer insists", AGENT, at(5));

    assertThat(
            refused(
                diagnosis,
                () ->
                    diagnosis.correct(
                        supervisor(
                            "power",
                            StepAnswer.fixed("plug-in", false, Verification.BACKUP_COMPLETED),
                            at(30))),
                ContradictingCorrectionException.class))
        .hasMessageStartingWith(
            "This diagnosis was escalated by an agent, and a correction cannot turn that decision"
                + " into \"fixed, backup completed\".");

    diagnosis.correct(supervisor("power", StepAnswer.skipped("on a plane"), at(30)));
    assertThat(diagnosis.status()).isEqualTo(ESCALATED);
    assertThat(diagnosis.escalation()).map(Escalation::reason).contains("customer insists");
  }

  @Test
  void furtherFixesStayFixesAndEachFixOptionStaysOncePerStep() {
    Diagnosis diagnosis = awaitingVerification("storage", "delete-app-data");
    diagnosis.verify(
        "storage", "delete-app-data", false, AfterStillFailing.STAY_AT_STEP, AGENT, at(5));
    diagnosis.tryAnotherFix(fixed("storage", "upgrade-plan", true, AGENT, at(6)));

    refused(
        diagnosis,
        () ->
            diagnosis.correct(
                CorrectionCommand.replace(
                    "storage",
                    2,
                    StepAnswer.fixed("delete-app-data", true),
                    WHY,
                    AGENT,
                    OWN_RESULTS_WHILE_OPEN,
                    at(7))),
        FixAlreadyTriedException.class);
    assertThat(
            refused(
                diagnosis,
                () ->
                    diagnosis.correct(
                        CorrectionCommand.replace(
                            "storage",
                            2,
                            StepAnswer.nothingWrong(),
                            WHY,
                            AGENT,
                            OWN_RESULTS_WHILE_OPEN,
                            at(7))),
                ContradictingCorrectionException.class))
        .hasMessageContaining("stays a fix");
    assertThat(
            refused(
                diagnosis,
                () -> diagnosis.correct(own("storage", StepAnswer.nothingWrong(), at(7))),
                ContradictingCorrectionException.class))
        .hasMessageContaining("was followed by another fix at the same step");

    // Withdrawing the second fix brings back the offer of it.
    diagnosis.correct(
        CorrectionCommand.withdraw("storage", 2, WHY, AGENT, OWN_RESULTS_WHILE_OPEN, at(8)));
    assertThat(diagnosis.isOfferingAnotherFix()).isTrue();
    assertThat(diagnosis.untriedFixOptions())
        .extracting(o -> o.key())
        .containsExactly("upgrade-plan");
  }

  @Test
  void aCorrectionToWhatIsRecordedOrItsRepeatChangesNothing() {
    Diagnosis diagnosis = atStep(3);
    assertRepeatIsNoOp(
        diagnosis, () -> diagnosis.correct(own("wifi", StepAnswer.nothingWrong(), at(4))));

    diagnosis.correct(own("wifi", StepAnswer.skipped("no router"), at(4)));
    assertRepeatIsNoOp(
        diagnosis, () -> diagnosis.correct(own("wifi", StepAnswer.skipped(" no router "), at(5))));
    // Even by someone who could not make it: there is nothing to change.
    assertRepeatIsNoOp(
        diagnosis,
        () ->
            diagnosis.correct(
                CorrectionCommand.replace(
                    "wifi",
                    1,
                    StepAnswer.skipped("no router"),
                    WHY,
                    "bob",
                    OWN_RESULTS_WHILE_OPEN,
                    at(5))));
  }

  @Test
  void onlyARecordedResultCanBeCorrected() {
    Diagnosis diagnosis = atStep(3);
    assertThat(
            refused(
                diagnosis,
                () -> diagnosis.correct(own("apple-status", StepAnswer.nothingWrong(), at(4))),
                NothingToCorrectException.class))
        .hasMessage(
            "Step 5 · Apple's iCloud Backup service has no recorded result, so there is nothing to"
                + " correct. Reload the diagnosis to see what is recorded.");
    assertThat(
            refused(
                diagnosis,
                () ->
                    diagnosis.correct(
                        CorrectionCommand.replace(
                            "wifi",
                            2,
                            StepAnswer.fixed("move-closer", false),
                            WHY,
                            AGENT,
                            OWN_RESULTS_WHILE_OPEN,
                            at(4))),
                NothingToCorrectException.class))
        .hasMessageStartingWith("Step 2 · Wi-Fi connection has one result, not an attempt 2");
  }

  @Test
  void reportsReadTheCorrectedValuesAndTheHistoryKeepsEveryOriginal() {
    Diagnosis diagnosis = atStep(4);
    diagnosis.correct(own("wifi", StepAnswer.skipped("no router"), at(5)));
    diagnosis.correct(own("wifi", StepAnswer.notApplicable(), at(6)));

    assertThat(diagnosis.results())
        .extracting(StepResult::stepKey, StepResult::outcome, StepResult::corrections)
        .containsExactly(
            tuple("backup-switch", StepOutcome.NOTHING_WRONG, 0),
            tuple("wifi", StepOutcome.NOT_APPLICABLE, 2),
            tuple("power", StepOutcome.NOTHING_WRONG, 0));
    assertThat(diagnosis.corrections())
        .extracting(c -> c.before().outcome(), c -> c.after().outcome())
        .containsExactly(
            tuple(StepOutcome.NOTHING_WRONG, StepOutcome.SKIPPED),
            tuple(StepOutcome.SKIPPED, StepOutcome.NOT_APPLICABLE));
    DiagnosisSnapshot snapshot = diagnosis.snapshot();
    assertThat(Diagnosis.restore(PLAYBOOK, snapshot).snapshot()).isEqualTo(snapshot);
  }

  @Test
  void aReplayOfTheOriginalOutcomeAfterACorrectionIsRefusedWithWhatToDo() {
    Diagnosis diagnosis = atStep(4);
    diagnosis.correct(own("wifi", StepAnswer.skipped("no router"), at(5)));

    assertThat(
            refused(
                diagnosis,
                () -> diagnosis.record(nothingWrong("wifi", AGENT, at(6))),
                ConflictingOutcomeException.class))
        .hasMessage(
            "Step 2 · Wi-Fi connection was already recorded as \"Skipped\" by alice (and corrected"
                + " since). A step's outcome is recorded once: reload the diagnosis to see it, and"
                + " correct it with a reason if it is wrong.");
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
