package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.fixed;
import static io.backupdesk.diagnostics.diagnosis.OutcomeCommand.nothingWrong;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.IcloudBackupPlaybook;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;

/** Diagnoses in a given state, so tests state only what matters to them. */
final class DiagnosisTestData {
  static final Playbook PLAYBOOK = IcloudBackupPlaybook.v1();
  static final Device IPHONE_8 = new Device("iPhone 8", "16.7.2");
  static final String AGENT = "alice";
  static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

  private DiagnosisTestData() {}

  /** {@code minutes} after the diagnosis started. */
  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  static Diagnosis started() {
    return Diagnosis.start(PLAYBOOK, IPHONE_8, AGENT, T0);
  }

  /**
   * Steps before {@code number} found nothing wrong, one minute each; step {@code number} is
   * current.
   */
  static Diagnosis atStep(int number) {
    Diagnosis diagnosis = started();
    for (int n = 1; n < number; n++) {
      diagnosis.record(nothingWrong(PLAYBOOK.stepNumber(n).key(), AGENT, at(n)));
    }
    return diagnosis;
  }

  /** An allowed order drawn uniformly from all allowed orders (rejection sampling). */
  static StepOrder randomAllowedOrder(Random random) {
    var keys = new ArrayList<>(StepOrder.article(PLAYBOOK).stepKeys());
    while (true) {
      Collections.shuffle(keys, random);
      StepOrder order = new StepOrder(keys);
      if (order.isAllowedFor(PLAYBOOK)) {
        return order;
      }
    }
  }

  /** A learned order (model v3): restart and the update first, signing out and the reset last. */
  static final StepOrder LEARNED =
      StepOrder.of(
          "restart",
          "storage",
          "ios-update",
          "wifi",
          "backup-switch",
          "apple-status",
          "power",
          "reset-settings",
          "account-verification");

  static OrderChoice learned() {
    return new OrderChoice(LEARNED, OrderPolicy.LEARNED, 3, 0.9);
  }

  static Diagnosis startedLearned() {
    return Diagnosis.start(PLAYBOOK, IPHONE_8, learned(), AGENT, T0);
  }

  /** The fix was applied at minute {@code number} and waits for the customer's test backup. */
  static Diagnosis awaitingVerification(String stepKey, String fixKey) {
    int number = PLAYBOOK.step(stepKey).orElseThrow().number();
    Diagnosis diagnosis = atStep(number);
    diagnosis.record(fixed(stepKey, fixKey, true, AGENT, at(number)));
    return diagnosis;
  }
}
