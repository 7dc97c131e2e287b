package io.backupdesk.diagnostics.order;

import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.fixed;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.notApplicable;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.nothingWrong;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.outage;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.skipped;
import static io.backupdesk.diagnostics.order.OrderTestData.IPHONE_8;
import static io.backupdesk.diagnostics.order.OrderTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.order.OrderTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkRecordTest {
  private static final String AGENT = "alice";
  private final OrderChoice article = OrderChoice.article(PLAYBOOK);

  private static Instant at(double minutes) {
    return T0.plusMillis((long) (minutes * 60_000));
  }

  @Test
  void aResolvedDiagnosisReadsAsTrialsAndAResolution() {
    Diagnosis diagnosis = Diagnosis.start(PLAYBOOK, IPHONE_8, AGENT, T0);
    diagnosis.record(nothingWrong("backup-switch", AGENT, at(1)));
    diagnosis.record(skipped("wifi", "Customer is on mobile data only", AGENT, at(1.5)));
    diagnosis.record(notApplicable("power", AGENT, at(2.5)));
    diagnosis.record(fixed("storage", "upgrade-plan", true, AGENT, at(6)));
    diagnosis.verify("storage", true, AGENT, at(16));

    WalkRecord walk = read(diagnosis);

    assertThat(walk.steps())
        .extracting(WalkStep::outcome)
        .containsExactly(
            TrialOutcome.NOT_RESOLVED,
            TrialOutcome.SKIPPED,
            TrialOutcome.NOT_RESOLVED,
            TrialOutcome.RESOLVED);
    WalkStep storage = walk.steps().get(3);
    assertThat(storage.minutes()).isCloseTo(3.5, within(1e-9));
    assertThat(storage.testBackupMinutes()).isCloseTo(10, within(1e-9));
    assertThat(storage.fixApplied()).isTrue();
    assertThat(storage.paidFix()).isTrue();
    assertThat(walk.ending()).isEqualTo(WalkEnding.RESOLVED);
    assertThat(walk.resolvedAt()).contains("storage");
    assertThat(walk.stepsDone()).isEqualTo(3);
    assertThat(walk.minutesSpent()).isCloseTo(16, within(1e-9));
    assertThat(walk.minutesToEnd(10)).isCloseTo(16, within(1e-9));
  }

  @Test
  void aFailedFixIsATrialThatDidNotResolveAndAnOutageEndsTheWalk() {
    Diagnosis diagnosis = Diagnosis.start(PLAYBOOK, IPHONE_8, AGENT, T0);
    diagnosis.record(fixed("backup-switch", "turn-on-backup", false, AGENT, at(1)));
    diagnosis.verify("backup-switch", false, AGENT, at(9));
    diagnosis.record(nothingWrong("wifi", AGENT, at(10)));
    diagnosis.record(nothingWrong("power", AGENT, at(11)));
    diagnosis.record(nothingWrong("storage", AGENT, at(14)));
    diagnosis.record(outage("apple-status", AGENT, at(15)));

    WalkRecord walk = read(diagnosis);

    assertThat(walk.steps().get(0))
        .isEqualTo(new WalkStep("backup-switch", TrialOutcome.NOT_RESOLVED, 1, 8, true, false));
    assertThat(walk.steps().get(4).outcome()).isEqualTo(TrialOutcome.RESOLVED);
    assertThat(walk.ending()).isEqualTo(WalkEnding.RESOLVED);
    assertThat(walk.resolvedAt()).contains("apple-status");
  }

  @Test
  void anAbandonedDiagnosisWithAFixAwaitingItsBackupIsCensoredThere() {
    Diagnosis diagnosis = Diagnosis.start(PLAYBOOK, IPHONE_8, AGENT, T0);
    diagnosis.record(fixed("backup-switch", "turn-on-backup", false, AGENT, at(1)));
    diagnosis.abandon("Customer had to go", AGENT, at(2));

    WalkRecord walk = read(diagnosis);

    assertThat(walk.steps()).extracting(WalkStep::outcome).containsExactly(TrialOutcome.CENSORED);
    assertThat(walk.ending()).isEqualTo(WalkEnding.STOPPED);
    assertThat(walk.resolvedAt()).isEmpty();
    assertThatThrownBy(() -> walk.minutesToEnd(10)).hasMessageContaining("no end");
  }

  @Test
  void anEscalatedWalkCountsTheHandOver() {
    WalkRecord walk =
        new WalkRecord(
            IPHONE_8,
            T0,
            article,
            List.of(new WalkStep("backup-switch", TrialOutcome.NOT_RESOLVED, 2, 0, false, false)),
            WalkEnding.ESCALATED);
    assertThat(walk.minutesToEnd(10)).isEqualTo(12);
  }

  @Test
  void refusesWalksThatContradictThemselves() {
    WalkStep resolved = new WalkStep("wifi", TrialOutcome.RESOLVED, 1, 9, true, false);
    WalkStep no = new WalkStep("backup-switch", TrialOutcome.NOT_RESOLVED, 1, 0, false, false);
    assertThatThrownBy(
            () -> new WalkRecord(IPHONE_8, T0, article, List.of(resolved, no), WalkEnding.RESOLVED))
        .hasMessageContaining("Only the last step");
    assertThatThrownBy(
            () ->
                new WalkRecord(IPHONE_8, T0, article, List.of(no, resolved), WalkEnding.ESCALATED))
        .hasMessageContaining("exactly when");
    assertThatThrownBy(
            () -> new WalkRecord(IPHONE_8, T0, article, List.of(no, no), WalkEnding.ESCALATED))
        .hasMessageContaining("once");
    assertThatThrownBy(
            () ->
                new WalkRecord(
                    IPHONE_8,
                    T0,
                    article,
                    List.of(
                        new WalkStep("bluetooth", TrialOutcome.NOT_RESOLVED, 1, 0, false, false)),
                    WalkEnding.ESCALATED))
        .hasMessageContaining("not in the walk's order");
    assertThatThrownBy(() -> new WalkStep("wifi", TrialOutcome.NOT_RESOLVED, 1, 5, false, false))
        .hasMessageContaining("follows a fix");
    assertThatThrownBy(() -> new WalkStep("wifi", TrialOutcome.NOT_RESOLVED, -1, 0, false, false))
        .hasMessageContaining("0 or more");
  }

  private WalkRecord read(Diagnosis diagnosis) {
    return WalkRecord.of(IPHONE_8, T0, article, diagnosis.results(), diagnosis.status(), PLAYBOOK);
  }
}
