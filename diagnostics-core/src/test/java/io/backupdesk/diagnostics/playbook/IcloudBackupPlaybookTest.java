package io.backupdesk.diagnostics.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IcloudBackupPlaybookTest {
  private final Playbook playbook = IcloudBackupPlaybook.v1();

  @Test
  void hasTheNineStepsInTheArticlesOrder() {
    assertThat(playbook.version()).isEqualTo(1);
    assertThat(playbook.name()).isEqualTo("iPhone won't back up to iCloud");
    assertThat(playbook.steps())
        .extracting(PlaybookStep::key)
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
    assertThat(playbook.steps())
        .extracting(PlaybookStep::number)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(playbook.steps()).allSatisfy(step -> assertThat(step.version()).isEqualTo(1));
  }

  @Test
  void everyStepExplainsItselfAndHasInstructionsForEveryKindOfPhone() {
    List<Device> phones =
        List.of(
            new Device("iPhone 8", "14.8"),
            new Device("iPhone 15 Pro", "17.4.1"),
            new Device(DeviceCatalog.OTHER, null));
    assertThat(playbook.steps())
        .allSatisfy(
            step -> {
              assertThat(step.title()).isNotBlank();
              assertThat(step.whyItMatters()).hasSizeGreaterThan(40);
              assertThat(step.check()).hasSizeGreaterThan(40);
              assertThat(step.riskNote()).isNotBlank();
              assertThat(step.whyItMatters() + step.check()).doesNotContain("\n");
              for (Device phone : phones) {
                assertThat(step.instructionsFor(phone))
                    .isNotEmpty()
                    .allSatisfy(block -> assertThat(block.lines()).isNotEmpty());
              }
              step.fixOptions()
                  .forEach(fix -> assertThat(fix.instructions()).hasSizeGreaterThan(30));
            });
  }

  @Test
  void offersTheAgreedFixOptionsPerStep() {
    Map<String, List<String>> fixes =
        playbook.steps().stream()
            .collect(
                Collectors.toMap(
                    PlaybookStep::key,
                    step -> step.fixOptions().stream().map(FixOption::key).toList()));

    assertThat(fixes)
        .containsEntry("backup-switch", List.of("turn-on-backup"))
        .containsEntry("wifi", List.of("turn-on-wifi", "join-network", "move-closer"))
        .containsEntry("power", List.of("plug-in", "replace-cable"))
        .containsEntry("storage", List.of("delete-app-data", "upgrade-plan"))
        .containsEntry("apple-status", List.of())
        .containsEntry("account-verification", List.of("sign-out-and-in"))
        .containsEntry("restart", List.of("restart"))
        .containsEntry("reset-settings", List.of("reset-all-settings"))
        .containsEntry("ios-update", List.of("install-update"));
  }

  @Test
  void fixesThatDeleteOrResetSomethingOrCostMoneyNeedConsent() {
    assertThat(
            playbook.steps().stream()
                .flatMap(step -> step.fixOptions().stream())
                .filter(FixOption::requiresConsent)
                .map(FixOption::key))
        .containsExactly(
            "delete-app-data", "upgrade-plan", "sign-out-and-in", "reset-all-settings");
    assertThat(
            playbook.steps().stream()
                .flatMap(step -> step.fixOptions().stream())
                .filter(FixOption::costsMoney)
                .map(FixOption::key))
        .containsExactly("upgrade-plan");
  }

  @Test
  void onlySigningOutAndResettingAreIntrusiveSteps() {
    assertThat(playbook.steps().stream().filter(PlaybookStep::intrusive))
        .extracting(PlaybookStep::key)
        .containsExactly("account-verification", "reset-settings");
  }

  @Test
  void onlyApplesServiceStepDetectsOutagesAndItHasNothingToFix() {
    assertThat(playbook.steps().stream().filter(PlaybookStep::detectsOutage))
        .extracting(PlaybookStep::key)
        .containsExactly("apple-status");
    PlaybookStep status = playbook.stepNumber(5);
    assertThat(status.fixOptions()).isEmpty();
    assertThat(status.check()).contains("System Status", "iCloud Backup");
  }

  @Test
  void storageFixesSayWhyAppDataGoesFirstAndThatUpgradingCostsMoney() {
    PlaybookStep storage = playbook.step("storage").orElseThrow();
    assertThat(storage.whyItMatters()).contains("5 GB", "1 to 4 GB");
    assertThat(fix(storage, "delete-app-data").instructions())
        .contains("phone's own backup", "fill it again", "agreement");
    FixOption upgrade = fix(storage, "upgrade-plan");
    assertThat(upgrade.requiresConsent()).isTrue();
    assertThat(upgrade.consentQuestion()).contains("charge");
    assertThat(upgrade.instructions()).contains("costs money");
  }

  @Test
  void signingOutWarnsAboutPasswordFindMyCodesAndWaitingOvernight() {
    FixOption signOut = fix(playbook.step("account-verification").orElseThrow(), "sign-out-and-in");
    assertThat(signOut.instructions())
        .contains("Apple ID password", "Find My", "verification code", "passcode", "overnight");
    assertThat(signOut.cost()).isEqualTo(Cost.HIGH);
  }

  @Test
  void resetKeepsDataButLosesPreferencesAndUpdateNeedsWifiPowerPasscode() {
    FixOption reset = fix(playbook.step("reset-settings").orElseThrow(), "reset-all-settings");
    assertThat(reset.instructions()).contains("stay on the phone", "Wi-Fi passwords");
    FixOption update = fix(playbook.step("ios-update").orElseThrow(), "install-update");
    assertThat(update.instructions()).contains("Wi-Fi", "charging", "passcode", "a while");
  }

  @Test
  void theVerificationPromptExplainsHowToStartABackupByHand() {
    assertThat(Playbook.VERIFY_PROMPT)
        .contains("Settings > [their name] > iCloud > iCloud Backup > Back Up Now", "completed");
  }

  @Test
  void costsRiseFromHarmlessChecksToResets() {
    assertThat(playbook.steps())
        .extracting(PlaybookStep::cost)
        .containsExactly(
            Cost.LOW,
            Cost.LOW,
            Cost.LOW,
            Cost.MEDIUM,
            Cost.LOW,
            Cost.HIGH,
            Cost.LOW,
            Cost.HIGH,
            Cost.MEDIUM);
    assertThat(Cost.HIGH.label()).isEqualTo("High");
  }

  private static FixOption fix(PlaybookStep step, String key) {
    return step.fixOption(key).orElseThrow();
  }
}
