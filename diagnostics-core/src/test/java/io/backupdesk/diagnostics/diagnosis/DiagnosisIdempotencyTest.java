package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.AGENT;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.at;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.atStep;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.awaitingVerification;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.fixed;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.nothingWrong;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.outage;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A double click repeats a command; the repeat must neither fail nor change anything. */
class DiagnosisIdempotencyTest {

  @Test
  void repeatingTheCurrentOutcomeChangesNothing() {
    Diagnosis diagnosis = atStep(2);
    diagnosis.record(skipped("wifi", "no router at the office", AGENT, at(2)));

    assertRepeatIsNoOp(
        diagnosis,
        () -> diagnosis.record(skipped("wifi", " no router at the office ", "bob", at(3))));
  }

  @Test
  void aRepeatedOutcomeIsAcceptedAfterTheDiagnosisMovedOn() {
    Diagnosis diagnosis = atStep(6);

    assertRepeatIsNoOp(diagnosis, () -> diagnosis.record(nothingWrong("wifi", AGENT, at(9))));
  }

  @Test
  void aRepeatedFixIgnoresNoteAndConsentAndStaysAwaiting() {
    Diagnosis diagnosis = awaitingVerification("storage", "delete-app-data");

    assertRepeatIsNoOp(
        diagnosis,
        () ->
            diagnosis.record(
                fixed("storage", "delete-app-data", true, AGENT, at(9)).withNote("x")));
    assertThat(diagnosis.status()).isEqualTo(DiagnosisStatus.AWAITING_VERIFICATION);
  }

  @Test
  void theFinalClickRepeatedAfterTheEndDoesNotFail() {
    Diagnosis resolved = awaitingVerification("restart", "restart");
    resolved.verify("restart", true, AGENT, at(8));
    assertRepeatIsNoOp(resolved, () -> resolved.verify("restart", true, AGENT, at(9)));
    assertRepeatIsNoOp(
        resolved, () -> resolved.record(fixed("restart", "restart", false, AGENT, at(9))));

    Diagnosis waiting = atStep(5);
    waiting.record(outage("apple-status", AGENT, at(5)));
    assertRepeatIsNoOp(waiting, () -> waiting.record(outage("apple-status", AGENT, at(6))));

    Diagnosis escalated = atStep(9);
    escalated.record(nothingWrong("ios-update", AGENT, at(9)));
    assertRepeatIsNoOp(
        escalated, () -> escalated.record(nothingWrong("ios-update", AGENT, at(10))));
  }

  @Test
  void aRepeatedFailedVerificationIsAcceptedLater() {
    Diagnosis diagnosis = awaitingVerification("wifi", "turn-on-wifi");
    diagnosis.verify("wifi", false, AGENT, at(3));
    diagnosis.record(nothingWrong("power", AGENT, at(4)));

    assertRepeatIsNoOp(diagnosis, () -> diagnosis.verify("wifi", false, "bob", at(5)));
  }

  @Test
  void theSameManualEscalationTwiceIsOneEscalation() {
    Diagnosis diagnosis = atStep(4);
    diagnosis.escalate(EscalationTarget.COMPUTER_BACKUP, "customer has no Wi-Fi", AGENT, at(4));

    assertRepeatIsNoOp(
        diagnosis,
        () ->
            diagnosis.escalate(
                EscalationTarget.COMPUTER_BACKUP, " customer has no Wi-Fi ", AGENT, at(5)));
  }

  private static void assertRepeatIsNoOp(
      Diagnosis diagnosis, Supplier<List<DiagnosisEvent>> repeat) {
    DiagnosisSnapshot before = diagnosis.snapshot();
    assertThat(repeat.get()).isEmpty();
    assertThat(diagnosis.snapshot()).isEqualTo(before);
  }
}
