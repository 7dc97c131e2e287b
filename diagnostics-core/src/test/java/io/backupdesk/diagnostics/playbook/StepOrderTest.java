package io.backupdesk.diagnostics.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
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

  @Test
  void thePrecedencePairsSayWhatViolationsSaysForEveryPermutationOfTheNineSteps() {
    assertThat(StepOrder.precedences(playbook))
        .contains(
            new StepOrder.Precedence("backup-switch", "account-verification"),
            new StepOrder.Precedence("restart", "reset-settings"))
        .doesNotContain(new StepOrder.Precedence("restart", "account-verification"))
        .hasSize(5 + 6);
    assertPairsAgreeWithViolations(playbook);
  }

  @Test
  void thePrecedencePairsAgreeWithViolationsWhicheverStepsAreIntrusive() {
    var random = new SplittableRandom(20261201L);
    for (int instance = 0; instance < 12; instance++) {
      boolean[] intrusive = new boolean[7];
      for (int i = 0; i < intrusive.length; i++) {
        intrusive[i] = random.nextDouble() < 0.35;
      }
      assertPairsAgreeWithViolations(playbookWithIntrusive(intrusive));
    }
  }

  private static void assertPairsAgreeWithViolations(Playbook book) {
    List<StepOrder.Precedence> pairs = StepOrder.precedences(book);
    List<String> keys = book.steps().stream().map(PlaybookStep::key).toList();
    int[] checked = {0};
    forEachPermutation(
        new ArrayList<>(keys),
        0,
        order -> {
          boolean keepsPairs =
              pairs.stream()
                  .allMatch(
                      pair -> order.positionOf(pair.before()) < order.positionOf(pair.after()));
          assertThat(keepsPairs).as("order %s", order).isEqualTo(order.isAllowedFor(book));
          checked[0]++;
        });
    assertThat(checked[0]).isEqualTo(factorial(keys.size()));
  }

  private static void forEachPermutation(
      List<String> keys, int from, java.util.function.Consumer<StepOrder> check) {
    if (from == keys.size()) {
      check.accept(new StepOrder(keys));
      return;
    }
    for (int i = from; i < keys.size(); i++) {
      Collections.swap(keys, from, i);
      forEachPermutation(keys, from + 1, check);
      Collections.swap(keys, from, i);
    }
  }

  private static int factorial(int n) {
    return n <= 1 ? 1 : n * factorial(n - 1);
  }

  private static Playbook playbookWithIntrusive(boolean[] intrusive) {
    var steps = new ArrayList<PlaybookStep>();
    for (int i = 0; i < intrusive.length; i++) {
      String key = "s" + (i + 1);
      steps.add(
          new PlaybookStep(
              key,
              i + 1,
              1,
              "Step " + (i + 1),
              "Why it matters.",
              "How to check.",
              new StepInstructions.Common(List.of("Do it.")),
              List.of(),
              intrusive[i] ? Cost.HIGH : Cost.LOW,
              "Risk.",
              false,
              intrusive[i],
              List.of()));
    }
    return new Playbook(1, "Synthetic", steps);
  }
}
