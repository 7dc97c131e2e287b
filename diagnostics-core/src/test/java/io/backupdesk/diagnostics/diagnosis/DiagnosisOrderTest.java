package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.AGENT;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.IPHONE_8;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.LEARNED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.T0;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.at;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.atStep;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.learned;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.startedLearned;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.fixed;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.nothingWrong;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.outage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A diagnosis walks the order pinned at its start: restart, storage, the update, Wi-Fi, the switch,
 * Apple's status, power, the reset and signing out, in {@link DiagnosisTestData#LEARNED}.
 */
class DiagnosisOrderTest {

  @Test
  void theWalkFollowsThePinnedOrderAndResultsKeepTheirStep() {
    Diagnosis diagnosis = startedLearned();

    assertThat(diagnosis.orderChoice()).isEqualTo(learned());
    assertThat(diagnosis.order()).isEqualTo(LEARNED);
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("restart");
    assertThat(diagnosis.currentPosition()).isEqualTo(1);
    assertThat(diagnosis.nextStep()).map(PlaybookStep::key).contains("storage");
    assertThat(diagnosis.plannedSteps())
        .extracting(PlaybookStep::key)
        .isEqualTo(LEARNED.stepKeys());

    diagnosis.record(nothingWrong("restart", AGENT, at(3)));
    diagnosis.record(nothingWrong("storage", AGENT, at(5)));

    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("ios-update");
    assertThat(diagnosis.currentPosition()).isEqualTo(3);
    assertThat(diagnosis.progress()).isEqualTo(new Progress(2, 9));
    assertThat(diagnosis.plannedSteps()).hasSize(7);
    // Reports stay per step: a result names its step and its number in the article.
    assertThat(diagnosis.results())
        .extracting(StepResult::stepKey, StepResult::stepNumber, StepResult::position)
        .containsExactly(tuple("restart", 7, 1), tuple("storage", 4, 2));
    assertThat(diagnosis.snapshot().currentStepNumber()).isEqualTo(9);
  }

  @Test
  void aStepLaterInTheOrderIsNotDueEvenIfTheArticlePutsItFirst() {
    Diagnosis diagnosis = startedLearned();

    StepOutOfOrderException e =
        catchThrowableOfType(
            StepOutOfOrderException.class,
            () -> diagnosis.record(nothingWrong("backup-switch", AGENT, at(1))));

    assertThat(e.currentStepKey()).isEqualTo("restart");
    assertThat(e.currentStepNumber()).isEqualTo(7);
    assertThat(e.currentPosition()).isEqualTo(1);
    assertThat(e)
        .hasMessage(
            "Step 1 · iCloud Backup switch is not due yet: the diagnosis is at Step 7 · Restart the"
                + " iPhone. Record that step first, or skip it with a reason to move on.");
  }

  @Test
  void theAutomaticEscalationFollowsTheLastStepOfTheOrderNotOfTheArticle() {
    Diagnosis diagnosis = startedLearned();
    for (int position = 1; position <= 8; position++) {
      diagnosis.record(nothingWrong(LEARNED.keyAt(position), AGENT, at(position)));
    }
    // The article's last step (the update) was walked third; the walk is not over yet.
    assertThat(diagnosis.status()).isEqualTo(DiagnosisStatus.IN_PROGRESS);
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("account-verification");
    assertThat(diagnosis.nextStep()).isEmpty();

    List<DiagnosisEvent> events =
        diagnosis.record(nothingWrong("account-verification", AGENT, at(9)));

    assertThat(diagnosis.status()).isEqualTo(DiagnosisStatus.ESCALATED);
    assertThat(diagnosis.escalation()).get().extracting(Escalation::automatic).isEqualTo(true);
    assertThat(events).last().isInstanceOf(DiagnosisEvent.Escalated.class);
  }

  @Test
  void theStepsKeepTheirRulesWhereverTheyStand() {
    Diagnosis diagnosis = startedLearned();
    diagnosis.record(nothingWrong("restart", AGENT, at(1)));

    // Storage comes second here, and its fixes still need the customer's agreement.
    catchThrowableOfType(
        ConsentRequiredException.class,
        () -> diagnosis.record(fixed("storage", "upgrade-plan", false, AGENT, at(2))));
    diagnosis.record(nothingWrong("storage", AGENT, at(2)));
    diagnosis.record(nothingWrong("ios-update", AGENT, at(3)));
    // Only the Apple-status step can find an outage, at position 6 as at number 5.
    catchThrowableOfType(
        OutcomeNotAllowedException.class, () -> diagnosis.record(outage("wifi", AGENT, at(4))));
    diagnosis.record(nothingWrong("wifi", AGENT, at(4)));
    diagnosis.record(nothingWrong("backup-switch", AGENT, at(5)));
    diagnosis.record(outage("apple-status", AGENT, at(6)));

    assertThat(diagnosis.status()).isEqualTo(DiagnosisStatus.WAITING_ON_APPLE);
  }

  @Test
  void anOrderThatBreaksTheRulesCannotBeStarted() {
    StepOrder signOutFirst =
        StepOrder.of(
            "account-verification",
            "backup-switch",
            "wifi",
            "power",
            "storage",
            "apple-status",
            "restart",
            "reset-settings",
            "ios-update");

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                Diagnosis.start(
                    PLAYBOOK,
                    IPHONE_8,
                    new OrderChoice(signOutFirst, OrderPolicy.EXPLORE, 3, 0.05),
                    AGENT,
                    T0))
        .withMessageContaining("Order not allowed")
        .withMessageContaining("never brought forward");
  }

  @Test
  void theStartSaysWhichOrderIsWalked() {
    assertThat(startedLearned().startedEvent().describe(PLAYBOOK))
        .isEqualTo(
            "Diagnosis started (playbook v1) for iPhone 8 on iOS 16.7.2, walking the steps in the"
                + " learned order (model v3): 7, 4, 9, 2, 1, 5, 3, 8, 6");
    assertThat(atStep(1).startedEvent().describe(PLAYBOOK))
        .isEqualTo("Diagnosis started (playbook v1) for iPhone 8 on iOS 16.7.2");
  }

  @Test
  void anAgentMayFollowTheArticlesOrderForTheRemainingSteps() {
    Diagnosis diagnosis = startedLearned();
    diagnosis.record(nothingWrong("restart", AGENT, at(1)));
    diagnosis.record(nothingWrong("storage", AGENT, at(2)));

    List<DiagnosisEvent> events = diagnosis.followArticleOrder("bob", at(4));

    StepOrder switched =
        StepOrder.of(
            "restart",
            "storage",
            "backup-switch",
            "wifi",
            "power",
            "apple-status",
            "account-verification",
            "reset-settings",
            "ios-update");
    assertThat(diagnosis.order()).isEqualTo(switched);
    assertThat(switched.isAllowedFor(PLAYBOOK)).isTrue();
    // The policy's choice stays on record, with the override beside it.
    assertThat(diagnosis.orderChoice()).isEqualTo(learned());
    assertThat(diagnosis.orderOverride()).contains(new OrderOverride(3, "bob", at(4)));
    // The walk is at position 3 still, now the article's first step not yet walked; its clock
    // starts when the agent switched.
    assertThat(diagnosis.currentPosition()).isEqualTo(3);
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("backup-switch");
    assertThat(diagnosis.snapshot().currentStepStartedAt()).isEqualTo(at(4));
    assertThat(events)
        .containsExactly(
            new DiagnosisEvent.ArticleOrderFollowed(
                OrderPolicy.LEARNED, 3, switched, at(4), "bob"));
    assertThat(events.get(0).describe(PLAYBOOK))
        .isEqualTo(
            "Following the article's order instead of the learned order for the remaining steps:"
                + " 1, 2, 3, 5, 6, 8, 9 (the learned order stays on record)");

    // Already in the article's order: a repeat changes nothing.
    assertThat(diagnosis.followArticleOrder("bob", at(5))).isEmpty();
    Diagnosis restored = Diagnosis.restore(PLAYBOOK, diagnosis.snapshot());
    assertThat(restored.snapshot()).isEqualTo(diagnosis.snapshot());
  }

  @Test
  void aStepWithResultsKeepsItsPlaceWhenTheOrderChanges() {
    Diagnosis diagnosis = startedLearned();
    diagnosis.record(fixed("restart", "restart", false, AGENT, at(1)));
    Instant stepStarted = diagnosis.snapshot().currentStepStartedAt();

    diagnosis.followArticleOrder(AGENT, at(2));

    assertThat(diagnosis.status()).isEqualTo(DiagnosisStatus.AWAITING_VERIFICATION);
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("restart");
    assertThat(diagnosis.snapshot().currentStepStartedAt()).isEqualTo(stepStarted);
    assertThat(diagnosis.nextStep()).map(PlaybookStep::key).contains("backup-switch");
    diagnosis.verify("restart", false, AGENT, at(3));
    assertThat(diagnosis.currentStep()).map(PlaybookStep::key).contains("backup-switch");
  }

  @Test
  void theArticlesOrderHasNothingToSwitchAndAnEndedWalkCannotSwitch() {
    Diagnosis article = atStep(3);
    assertThat(article.followArticleOrder(AGENT, at(4))).isEmpty();
    assertThat(article.orderOverride()).isEmpty();

    Diagnosis ended = startedLearned();
    ended.escalate(EscalationTarget.TIER_2, "customer insists", AGENT, at(1));
    assertThat(
            catchThrowableOfType(
                IllegalTransitionException.class, () -> ended.followArticleOrder(AGENT, at(2))))
        .hasMessageContaining("so you cannot change the order of its steps");
  }
}
