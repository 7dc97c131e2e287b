package io.backupdesk.diagnostics.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StepOrderTest {
  private final Playbook playbook = IcloudBackupPlaybook.v1();

  @Test
  void theArticleOrderIsThePlaybooksOwnAndAllowed() {
    StepOrder article = StepOrder.article(playbook);
    assertThat(article.stepKeys())
        .containsExactly(
            "backup-switch",
            "wifi",
            "power",
            "storage",
            "apple-status",
            "account-verification",
            "restart",
            "reset-settings",
            "ios-update");
    assertThat(article.isAllowedFor(playbook)).isTrue();
    assertThat(article.isArticleOrderOf(playbook)).isTrue();
    assertThat(article.positionOf("storage")).isEqualTo(4);
    assertThat(article.keyAt(9)).isEqualTo("ios-update");
    assertThat(article.positionOf("nope")).isZero();
  }

  @Test
  void harmlessStepsMayMoveFreelyIncludingOnesWhoseFixesNeedConsent() {
    StepOrder order =
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
    assertThat(order.violations(playbook)).isEmpty();
    assertThat(order.isArticleOrderOf(playbook)).isFalse();
  }

  @Test
  void anIntrusiveStepMayBePostponedAndHarmlessStepsMayOvertakeIt() {
    // The article walks restart (7) and the update (9) after signing out (6); an order may move
    // them ahead, and may push signing out to the very end.
    StepOrder order =
        StepOrder.of(
            "backup-switch",
            "wifi",
            "power",
            "restart",
            "storage",
            "apple-status",
            "ios-update",
            "reset-settings",
            "account-verification");
    assertThat(order.violations(playbook)).isEmpty();
  }

  @Test
  void anIntrusiveStepBeforeAHarmlessOneIsRefused() {
    StepOrder order =
        StepOrder.of(
            "backup-switch",
            "reset-settings",
            "wifi",
            "power",
            "storage",
            "apple-status",
            "restart",
            "ios-update",
            "account-verification");
    assertThat(order.violations(playbook))
        .containsExactly(
            "Intrusive step 'reset-settings' comes before harmless step 'wifi': an intrusive step"
                + " may be postponed, never brought forward",
            "Intrusive step 'reset-settings' comes before harmless step 'power': an intrusive step"
                + " may be postponed, never brought forward",
            "Intrusive step 'reset-settings' comes before harmless step 'storage': an intrusive"
                + " step may be postponed, never brought forward",
            "Intrusive step 'reset-settings' comes before harmless step 'apple-status': an"
                + " intrusive step may be postponed, never brought forward",
            "Intrusive step 'reset-settings' comes before harmless step 'restart': an intrusive"
                + " step may be postponed, never brought forward");
    assertThatThrownBy(() -> order.requireAllowedFor(playbook))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Order not allowed");
  }

  @Test
  void everyStepExactlyOnceAndNothingElse() {
    StepOrder order =
        StepOrder.of(
            "backup-switch",
            "wifi",
            "wifi",
            "storage",
            "apple-status",
            "restart",
            "ios-update",
            "low-power-mode",
            "reset-settings");
    assertThat(order.violations(playbook))
        .contains(
            "Step 'wifi' is named twice",
            "Playbook v1 has no step 'low-power-mode'",
            "Step 'power' is missing: an order walks every step",
            "Step 'account-verification' is missing: an order walks every step");
  }
}
