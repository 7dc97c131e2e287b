package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.AGENT;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.at;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.atStep;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.awaitingVerification;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.fixed;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.notApplicable;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.nothingWrong;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.outage;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ticket timeline is read by people: each event is one plain sentence. */
class DiagnosisEventTest {

  @Test
  void aWholeDiagnosisReadsAsATimeline() {
    Diagnosis diagnosis =
        Diagnosis.start(PLAYBOOK, new Device("iPhone 8", "iOS 16.2"), AGENT, at(0));
    List<DiagnosisEvent> events = new ArrayList<>();
    events.add(diagnosis.startedEvent());
    events.addAll(diagnosis.record(nothingWrong("backup-switch", AGENT, at(1))));
    events.addAll(
        diagnosis.record(skipped("wifi", "customer is at home, Wi-Fi fine", AGENT, at(2))));
    events.addAll(diagnosis.record(notApplicable("power", AGENT, at(3)).withNote("on charger")));
    events.addAll(diagnosis.record(fixed("storage", "delete-app-data", true, AGENT, at(4))));
    events.addAll(diagnosis.abandon("customer had to leave", AGENT, at(5)));
    events.addAll(diagnosis.resume("bob", at(50)));
    events.addAll(diagnosis.verify("storage", false, "bob", at(51)));
    // A double click adds nothing to the timeline.
    events.addAll(diagnosis.record(fixed("storage", "delete-app-data", true, AGENT, at(52))));
    events.addAll(diagnosis.record(nothingWrong("apple-status", "bob", at(53))));
    events.addAll(
        diagnosis.escalate(EscalationTarget.APPLE_SUPPORT, "account locked", "bob", at(54)));

    assertThat(events.stream().map(e -> e.describe(PLAYBOOK)))
        .containsExactly(
            "Diagnosis started (playbook v1) for iPhone 8 on iOS 16.2",
            "Step 1 · iCloud Backup switch: nothing wrong",
            "Step 2 · Wi-Fi connection: skipped — customer is at home, Wi-Fi fine",
            "Step 3 · Power: not applicable (note: on charger)",
            "Step 4 · iCloud storage: fixed — delete an app's data from iCloud (the customer agreed)",
            "Paused at Step 4 · iCloud storage: the customer left — customer had to leave",
            "Resumed at Step 4 · iCloud storage",
            "Step 4 · iCloud storage: the test backup still fails",
            "Step 5 · Apple's iCloud Backup service: nothing wrong",
            "Escalated to Apple Support: account locked");
  }

  @Test
  void aLearnedWalkWithASecondFixASwitchAndACorrectionReadsAsATimeline() {
    Diagnosis diagnosis = DiagnosisTestData.startedLearned();
    List<DiagnosisEvent> events = new ArrayList<>();
    events.add(diagnosis.startedEvent());
    events.addAll(diagnosis.record(nothingWrong("restart", AGENT, at(1))));
    events.addAll(diagnosis.record(fixed("storage", "delete-app-data", true, AGENT, at(2))));
    events.addAll(
        diagnosis.verify(
            "storage", "delete-app-data", false, AfterStillFailing.STAY_AT_STEP, AGENT, at(3)));
    events.addAll(diagnosis.moveOn("storage", AGENT, at(4)));
    events.addAll(diagnosis.followArticleOrder(AGENT, at(5)));
    events.addAll(
        diagnosis.correct(
            CorrectionCommand.replace(
                "restart",
                1,
                StepAnswer.skipped("customer could not restart on the call"),
                "the restart was not done",
                AGENT,
                CorrectionScope.OWN_RESULTS_WHILE_OPEN,
                at(6))));

    assertThat(events.stream().map(e -> e.describe(PLAYBOOK)))
        .containsExactly(
            "Diagnosis started (playbook v1) for iPhone 8 on iOS 16.7.2, walking the steps in the"
                + " learned order (model v3): 7, 4, 9, 2, 1, 5, 3, 8, 6",
            "Step 7 · Restart the iPhone: nothing wrong",
            "Step 4 · iCloud storage: fixed — delete an app's data from iCloud (the customer"
                + " agreed)",
            "Step 4 · iCloud storage: the test backup still fails",
            "Step 4 · iCloud storage: no other fix tried, moved on to Step 9 · Update iOS",
            "Following the article's order instead of the learned order for the remaining steps:"
                + " 1, 2, 3, 5, 6, 8, 9 (the learned order stays on record)",
            "Step 7 · Restart the iPhone corrected from \"nothing wrong\" to \"skipped — customer"
                + " could not restart on the call\" (reason: the restart was not done)");
  }

  @Test
  void endingsNameTheFixTheOutageOrTheAutomaticEscalation() {
    Diagnosis resolved = awaitingVerification("storage", "upgrade-plan");
    assertThat(describe(resolved.verify("storage", true, AGENT, at(5))))
        .containsExactly(
            "Step 4 · iCloud storage: the test backup completed",
            "Resolved at Step 4 · iCloud storage — upgrade the iCloud plan");

    Diagnosis waiting = atStep(5);
    assertThat(describe(waiting.record(outage("apple-status", AGENT, at(5)))))
        .containsExactly(
            "Step 5 · Apple's iCloud Backup service: Apple reports an iCloud Backup outage",
            "Waiting on Apple: the outage found at Step 5 · Apple's iCloud Backup service has to"
                + " end before the backup can work");

    Diagnosis escalated = atStep(9);
    assertThat(describe(escalated.record(nothingWrong("ios-update", AGENT, at(9)))))
        .last()
        .isEqualTo(
            "Escalated automatically to Tier 2 support: All 9 playbook steps were done and the"
                + " iCloud backup still fails.");
  }

  @Test
  void unknownDevicesAndStepsStillReadSensibly() {
    Playbook other = new Playbook(7, "other", List.of(PLAYBOOK.stepNumber(1)));
    assertThat(new DiagnosisEvent.Started(1, "Other", null, at(0), AGENT).describe(PLAYBOOK))
        .isEqualTo("Diagnosis started (playbook v1) for an unlisted iPhone on unknown iOS");
    assertThat(new DiagnosisEvent.Resumed(3, at(0), AGENT).describe(other))
        .isEqualTo("Resumed at Step 3");
    assertThat(new DiagnosisEvent.Verified("restart", true, at(0), AGENT).describe(other))
        .isEqualTo("Step restart: the test backup completed");
  }

  private static List<String> describe(List<DiagnosisEvent> events) {
    return events.stream().map(e -> e.describe(PLAYBOOK)).toList();
  }
}
