package io.backupdesk.diagnostics.order;

import static io.backupdesk.diagnostics.order.OrderTestData.IPHONE_8;
import static io.backupdesk.diagnostics.order.OrderTestData.PLAYBOOK;
import static io.backupdesk.diagnostics.order.OrderTestData.T0;
import static io.backupdesk.diagnostics.order.OrderTestData.T1;
import static io.backupdesk.diagnostics.order.OrderTestData.walk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.OrderPolicy;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepOrderLearnerTest {
  private static final String[] ALL_BUT_SWITCH = {
    "wifi",
    "power",
    "storage",
    "apple-status",
    "account-verification",
    "restart",
    "reset-settings",
    "ios-update"
  };

  /** A prior so weak that the estimates are the data's own. */
  private static final LearningSettings DATA_ONLY =
      new LearningSettings(1e-9, 1e-9, 1e-9, 1, 0, 3, 15, CostWeights.DEFAULT);

  @Test
  void withoutCensoringEachStepsShareIsItsShareOfCases() {
    var walks = new ArrayList<WalkRecord>();
    repeat(4, () -> walks.add(walk().resolvedAt("backup-switch")));
    repeat(3, () -> walks.add(walk().no("backup-switch").resolvedAt("wifi")));
    repeat(1, () -> walks.add(walk().no("backup-switch", "wifi", "power").resolvedAt("storage")));
    repeat(2, () -> walks.add(everyStepWithoutSuccess()));

    SegmentEstimate all = train(DATA_ONLY, walks).segments().get(0);

    assertThat(share(all, "backup-switch")).isCloseTo(0.4, within(1e-6));
    assertThat(share(all, "wifi")).isCloseTo(0.3, within(1e-6));
    assertThat(share(all, "storage")).isCloseTo(0.1, within(1e-6));
    assertThat(share(all, "restart")).isCloseTo(0, within(1e-6));
    assertThat(all.step("wifi").trials()).isEqualTo(6);
    assertThat(all.step("wifi").resolutions()).isEqualTo(3);
    assertThat(all.walks()).isEqualTo(10);
    assertThat(all.resolved()).isEqualTo(8);
    assertThat(all.escalated()).isEqualTo(2);
    // Given that the switch did not help (6 of 10 cases), Wi-Fi ends half of them.
    assertThat(all.chanceWhenReached(OrderTestData.ARTICLE, "wifi").value())
        .isCloseTo(0.5, within(1e-6));
  }

  @Test
  void aWalkThatStopsIsCensoredNotAFailure() {
    var walks = new ArrayList<WalkRecord>();
    repeat(4, () -> walks.add(walk().resolvedAt("backup-switch")));
    // Three customers left after the switch.
    repeat(3, () -> walks.add(walk().no("backup-switch").stopped()));
    walks.add(walk().no("backup-switch").resolvedAt("wifi"));
    repeat(2, () -> walks.add(everyStepWithoutSuccess()));

    SegmentEstimate all = train(DATA_ONLY, walks).segments().get(0);

    // Product-limit: the switch ends 4 of 10; Wi-Fi ends 1 of the 3 that reached it, so 1/3 of
    // the 60% left: 0.2 of all cases. Counting the stopped walks as failures would say 0.1.
    assertThat(share(all, "backup-switch")).isCloseTo(0.4, within(1e-6));
    assertThat(share(all, "wifi")).isCloseTo(0.2, within(1e-6));
    assertThat(all.step("wifi").trials()).isEqualTo(3);
    assertThat(all.stopped()).isEqualTo(3);
    assertThat(1 - all.steps().stream().mapToDouble(s -> s.resolveChance().value()).sum())
        .as("share no step ends")
        .isCloseTo(0.4, within(1e-6));
  }

  @Test
  void aFixAwaitingItsTestBackupPointsAtItsStepAndAFailedFixIsTheCasesCause() {
    var walks = new ArrayList<WalkRecord>();
    repeat(4, () -> walks.add(walk().no("backup-switch").resolvedAt("wifi")));
    repeat(4, () -> walks.add(everyStepWithoutSuccess()));
    // Left while Wi-Fi's fix waited for its test backup: the cause was at Wi-Fi, fix or no fix.
    repeat(2, () -> walks.add(walk().no("backup-switch").pendingAt("wifi")));
    SegmentEstimate pending = train(DATA_ONLY, walks).segments().get(0);
    assertThat(share(pending, "wifi")).isCloseTo(0.6, within(1e-6));
    // Tried and answered 8 times (4 ended there, 4 walked on); the 2 pending are no trials.
    assertThat(pending.step("wifi").trials()).isEqualTo(8);
    assertThat(pending.stopped()).isEqualTo(2);

    // Two of Wi-Fi's fixes failed their test backups: under one fault those cases escalate, and
    // they pay for the failed fix wherever Wi-Fi stands in the order.
    walks.clear();
    repeat(6, () -> walks.add(walk().no("backup-switch").resolvedAt("wifi", 2, 9, false)));
    repeat(
        2,
        () ->
            walks.add(
                walk()
                    .no("backup-switch")
                    .failedFix("wifi", 3, 9)
                    .no(
                        "power",
                        "storage",
                        "apple-status",
                        "account-verification",
                        "restart",
                        "reset-settings",
                        "ios-update")
                    .escalated()));
    repeat(2, () -> walks.add(everyStepWithoutSuccess()));
    SegmentEstimate failed = train(DATA_ONLY, walks).segments().get(0);
    StepEstimate wifi = failed.step("wifi");
    assertThat(wifi.resolveChance().value()).isCloseTo(0.6, within(1e-6));
    assertThat(wifi.failedFixChance()).isCloseTo(0.2, within(1e-6));
    assertThat(wifi.failedFixes()).isEqualTo(2);
    assertThat(wifi.checkMinutes()).isCloseTo(1, within(1e-6));
    assertThat(wifi.minutesIfFixFails()).isCloseTo(12, within(1e-5));
    ExpectedCost cost = failed.expectedCost(PLAYBOOK, CostWeights.minutesOnly(0));
    StepOrder wifiLast =
        StepOrder.of(
            "backup-switch",
            "power",
            "storage",
            "apple-status",
            "restart",
            "ios-update",
            "wifi",
            "reset-settings",
            "account-verification");
    // Moving Wi-Fi changes who walks which checks, never the 0.2 * (12 - 1) of failed fixes.
    assertThat(
            cost.forecast(wifiLast).expectedMinutes()
                - cost.forecast(OrderTestData.ARTICLE).expectedMinutes())
        .isCloseTo(0.6 * 5 * 1, within(1e-6));
  }

  @Test
  void aSkippedStepIsNoTrialButANotApplicableOneIs() {
    var walks = new ArrayList<WalkRecord>();
    repeat(4, () -> walks.add(walk().no("backup-switch").resolvedAt("wifi")));
    repeat(4, () -> walks.add(everyStepWithoutSuccess()));
    repeat(
        2,
        () ->
            walks.add(
                walk()
                    .no("backup-switch")
                    .skipped("wifi")
                    .no(
                        "power",
                        "storage",
                        "apple-status",
                        "account-verification",
                        "restart",
                        "reset-settings",
                        "ios-update")
                    .escalated()));

    SegmentEstimate all = train(DATA_ONLY, walks).segments().get(0);

    // Wi-Fi was tried 8 times and ended 4; the 2 skips might have been Wi-Fi too.
    assertThat(all.step("wifi").trials()).isEqualTo(8);
    assertThat(share(all, "wifi")).isCloseTo(0.5, within(1e-6));
  }

  @Test
  void walksInAnyOrderCountAndTheirMinutesAreWinsorisedMeansShrunkToTheParent() {
    StepOrder storageFirst =
        StepOrder.of(
            "storage",
            "backup-switch",
            "wifi",
            "power",
            "apple-status",
            "account-verification",
            "restart",
            "reset-settings",
            "ios-update");
    OrderChoice explored = new OrderChoice(storageFirst, OrderPolicy.EXPLORE, 1, 0.02);
    var walks = new ArrayList<WalkRecord>();
    repeat(10, () -> walks.add(walk().choice(explored).resolvedAt("storage", 4, 10, true)));
    repeat(10, () -> walks.add(walk().resolvedAt("backup-switch", 1, 9, false)));

    var settings = new LearningSettings(1e-6, 1e-6, 10, 1, 0, 3, 15, CostWeights.DEFAULT);
    SegmentEstimate all = train(settings, walks).segments().get(0);

    assertThat(share(all, "storage")).isCloseTo(0.5, within(1e-6));
    // Ten recorded times of 14 minutes against the default 15 counted as ten times.
    assertThat(all.step("storage").minutesIfResolved())
        .isCloseTo((10 * 14 + 10 * 15) / 20.0, within(1e-9));
    assertThat(all.step("storage").paidFixShareIfResolved()).isCloseTo(1, within(1e-6));
    assertThat(all.step("ios-update").checkMinutes()).isEqualTo(3);
  }

  @Test
  void oneForgottenClockBarelyMovesTheTypicalMinutes() {
    var walks = new ArrayList<WalkRecord>();
    for (int i = 0; i < 200; i++) {
      double minutes = i == 0 ? 600 : 2;
      walks.add(walk().no("backup-switch", minutes).resolvedAt("wifi"));
    }
    var settings = new LearningSettings(1e-6, 1e-6, 1e-6, 1, 0.01, 3, 15, CostWeights.DEFAULT);
    assertThat(train(settings, walks).segments().get(0).step("backup-switch").checkMinutes())
        .isCloseTo(2, within(1e-6));
  }

  @Test
  void aSegmentWithFewCasesStaysNearItsParentAndOneWithManySpeaksForItself() {
    Device iphone7 = new Device("iPhone 7", "16.1");
    var walks = new ArrayList<WalkRecord>();
    // The family on iOS 16: restart ends 10% of the iPhone 7's cases.
    for (int i = 0; i < 2000; i++) {
      walks.add(i % 10 == 0 ? restartResolves(iphone7) : nothingHelps(iphone7));
    }
    // Twenty iPhone 8 cases, half of them ended by a restart.
    for (int i = 0; i < 20; i++) {
      walks.add(i % 2 == 0 ? restartResolves(IPHONE_8) : nothingHelps(IPHONE_8));
    }
    LearnedModel model = train(LearningSettings.DEFAULT, walks);
    SegmentEstimate family = model.segment("home-button/ios-16").orElseThrow();
    SegmentEstimate iphone8 = model.segmentFor(IPHONE_8);

    assertThat(iphone8.segment()).isEqualTo("home-button/ios-16/iPhone 8");
    assertThat(iphone8.parent()).isEqualTo(family.segment());
    double parent = share(family, "restart");
    // Prior of 50 cases at the parent's share, plus 20 cases of the model's own.
    assertThat(share(iphone8, "restart")).isCloseTo((50 * parent + 10) / 70, within(1e-9));
    assertThat(share(iphone8, "restart")).isLessThan(0.3);

    // With 5,000 cases of its own, the model's rate is its own.
    for (int i = 0; i < 5000; i++) {
      walks.add(i % 2 == 0 ? restartResolves(IPHONE_8) : nothingHelps(IPHONE_8));
    }
    SegmentEstimate common = train(LearningSettings.DEFAULT, walks).segmentFor(IPHONE_8);
    assertThat(share(common, "restart")).isCloseTo(0.5, within(0.01));
    assertThat(common.step("restart").resolveChance().contains(0.5)).isTrue();
  }

  @Test
  void aPhoneWhoseSegmentHasNoDataUsesTheNearestWiderSegment() {
    var walks = new ArrayList<WalkRecord>();
    repeat(30, () -> walks.add(walk().no("backup-switch").resolvedAt("wifi")));
    LearnedModel model = train(LearningSettings.DEFAULT, walks);

    assertThat(model.segmentFor(new Device("iPhone 15", "17.6")).segment()).isEqualTo("all");
    assertThat(model.segmentFor(new Device("Other", "17.6")).segment()).isEqualTo("all");
    assertThat(model.segmentFor(new Device("iPhone 8", null)).segment()).isEqualTo("all");
    assertThat(model.segmentFor(IPHONE_8).segment()).isEqualTo("home-button/ios-16/iPhone 8");
    assertThat(model.segments())
        .extracting(SegmentEstimate::segment)
        .containsExactly("all", "home-button/ios-16", "home-button/ios-16/iPhone 8");

    // With no walks at all, every step has the weak even prior: half the cases split over nine.
    LearnedModel empty = train(LearningSettings.DEFAULT, List.of());
    SegmentEstimate nothing = empty.segments().get(0);
    assertThat(share(nothing, "storage")).isCloseTo(1.0 / 18, within(1e-9));
    assertThat(nothing.step("storage").resolveChance().width()).isGreaterThan(0.3);
    assertThat(nothing.learnedOrder().violations(PLAYBOOK)).isEmpty();
  }

  @Test
  void intervalsNarrowWithDataAndCoverTheRate() {
    var few = new ArrayList<WalkRecord>();
    var many = new ArrayList<WalkRecord>();
    for (int i = 0; i < 4000; i++) {
      WalkRecord walk =
          i % 4 == 0 ? walk().no("backup-switch").resolvedAt("wifi") : everyStepWithoutSuccess();
      many.add(walk);
      if (i < 40) {
        few.add(walk);
      }
    }
    Estimate small =
        train(LearningSettings.DEFAULT, few).segments().get(0).step("wifi").resolveChance();
    Estimate large =
        train(LearningSettings.DEFAULT, many).segments().get(0).step("wifi").resolveChance();
    assertThat(small.contains(0.25)).isTrue();
    assertThat(large.contains(0.25)).isTrue();
    assertThat(large.width()).isLessThan(small.width() / 5);
    assertThat(large.width()).isCloseTo(2 * 1.96 * Math.sqrt(0.25 * 0.75 / 4000), within(0.003));
  }

  @Test
  void theLearnedOrderPutsWhatResolvesMostPerMinuteFirstWithinTheRules() {
    var walks = new ArrayList<WalkRecord>();
    repeat(
        60,
        () ->
            walks.add(
                walk().no("backup-switch", "wifi", "power").resolvedAt("storage", 3, 10, false)));
    repeat(
        30,
        () ->
            walks.add(
                walk()
                    .no(
                        "backup-switch",
                        "wifi",
                        "power",
                        "storage",
                        "apple-status",
                        "account-verification",
                        "restart")
                    .resolvedAt("reset-settings")));
    repeat(10, () -> walks.add(everyStepWithoutSuccess()));

    SegmentEstimate all = train(LearningSettings.DEFAULT, walks).segments().get(0);
    StepOrder learned = all.learnedOrder();

    assertThat(learned.keyAt(1)).isEqualTo("storage");
    assertThat(learned.violations(PLAYBOOK)).isEmpty();
    assertThat(learned.positionOf("reset-settings")).isEqualTo(7);
    assertThat(all.learnedForecast().expectedMinutes())
        .isLessThan(all.articleForecast().expectedMinutes());
    assertThat(all.articleForecast().order()).isEqualTo(OrderTestData.ARTICLE);
  }

  @Test
  void theWindowAndTheStepsDecideWhichWalksAreUsed() {
    var walks = new ArrayList<WalkRecord>();
    walks.add(walk().resolvedAt("backup-switch"));
    walks.add(walk().startedAt(T0.minus(Duration.ofDays(1))).resolvedAt("backup-switch"));
    walks.add(walk().startedAt(T1).resolvedAt("backup-switch"));
    LearnedModel model = train(LearningSettings.DEFAULT, walks);
    assertThat(model.walks()).isEqualTo(1);
    assertThat(model.walksIgnored()).isZero();
    assertThat(model.dataFrom()).isEqualTo(T0);
    assertThat(model.dataTo()).isEqualTo(T1);
    assertThat(model.version()).isEqualTo(3);
    assertThat(model.playbookVersion()).isEqualTo(PLAYBOOK.version());

    StepOrder other = StepOrder.of("bluetooth");
    walks.add(
        new WalkRecord(
            IPHONE_8,
            T0,
            new OrderChoice(other, OrderPolicy.ARTICLE, null, 1),
            List.of(new WalkStep("bluetooth", TrialOutcome.NOT_RESOLVED, 1, 0, false, false)),
            WalkEnding.ESCALATED));
    assertThat(train(LearningSettings.DEFAULT, walks).walksIgnored()).isEqualTo(1);
  }

  private static LearnedModel train(LearningSettings settings, List<WalkRecord> walks) {
    return new StepOrderLearner(PLAYBOOK, settings).train(3, walks, T0, T1, T1);
  }

  private static double share(SegmentEstimate segment, String key) {
    return segment.step(key).resolveChance().value();
  }

  private static WalkRecord everyStepWithoutSuccess() {
    return walk().no("backup-switch").no(ALL_BUT_SWITCH).escalated();
  }

  private static WalkRecord restartResolves(Device device) {
    return walk()
        .on(device)
        .no("backup-switch", "wifi", "power", "storage", "apple-status", "account-verification")
        .resolvedAt("restart");
  }

  private static WalkRecord nothingHelps(Device device) {
    return walk().on(device).no("backup-switch").no(ALL_BUT_SWITCH).escalated();
  }

  private static void repeat(int times, Runnable action) {
    for (int i = 0; i < times; i++) {
      action.run();
    }
  }
}
