package io.backupdesk.diagnostics.playbook.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.FieldProblem;
import io.backupdesk.diagnostics.playbook.IcloudBackupPlaybook;
import io.backupdesk.diagnostics.playbook.InstructionBlock;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybookPublishingTest {
  private final DeviceCatalog catalog = DeviceCatalog.standard();
  private final Playbook v1 = IcloudBackupPlaybook.v1();
  private final PlaybookDraft draft = PlaybookDraft.from(v1);

  /** The example: step 8's menu path changes in the editor. */
  private PlaybookDraft newResetPath() {
    StepDraft reset = draft.step("reset-settings").orElseThrow();
    InstructionDraft later = reset.instructions().get(0);
    List<String> lines = new ArrayList<>(later.lines());
    lines.set(0, "Open Settings > General > Transfer or Reset iPhone (at the bottom of the list).");
    return draft.withStep(
        "reset-settings",
        reset.withInstructions(List.of(later.withLines(lines), reset.instructions().get(1))));
  }

  private static StepDraft lowPowerMode() {
    return StepDraft.blank("low-power-mode", "Low Power Mode")
        .withWhyItMatters(
            "Low Power Mode holds back background work, and an automatic backup is background"
                + " work.")
        .withCheck("Ask whether the battery icon at the top of the screen is yellow.")
        .withInstructions(
            List.of(
                InstructionDraft.common(
                    List.of(
                        "Look at the battery icon: yellow means Low Power Mode is on.",
                        "Open Settings > Battery and switch Low Power Mode off."))))
        .withFixOptions(
            List.of(
                new FixOptionDraft(
                    "turn-off-low-power",
                    "Switch Low Power Mode off",
                    "In Settings > Battery, tap the Low Power Mode switch so that it turns grey.",
                    false,
                    false,
                    "LOW")))
        .withRiskNote("Harmless: the battery drains a little faster.");
  }

  @Test
  void changingAStepsTextBumpsOnlyThatStepsVersion() {
    Playbook v2 = newResetPath().publish(catalog, List.of(v1)).value().orElseThrow();

    assertThat(v2.version()).isEqualTo(2);
    assertThat(versions(v2))
        .containsExactly(
            "backup-switch 1",
            "wifi 1",
            "power 1",
            "storage 1",
            "apple-status 1",
            "account-verification 1",
            "restart 1",
            "reset-settings 2",
            "ios-update 1");
    List<InstructionBlock> iphone15 =
        v2.step("reset-settings").orElseThrow().instructionsFor(new Device("iPhone 15", "17"));
    assertThat(iphone15)
        .singleElement()
        .extracting(b -> b.lines().get(0))
        .isEqualTo(
            "Open Settings > General > Transfer or Reset iPhone (at the bottom of the list).");
    // v1 is untouched: published versions are immutable.
    assertThat(
            v1.step("reset-settings").orElseThrow().instructionsFor(new Device("iPhone 15", "17")))
        .singleElement()
        .extracting(b -> b.lines().get(0))
        .isEqualTo("Open Settings > General > Transfer or Reset iPhone.");
    assertThat(Playbooks.of(List.of(v1, v2)).current()).isSameAs(v2);
  }

  @Test
  void addingAStepGivesItVersionOneAndMovesTheOthersWithoutNewVersions() {
    PlaybookDraft withLowPower = draft.addStep(4, lowPowerMode());

    Playbook v2 = withLowPower.publish(catalog, List.of(v1)).value().orElseThrow();

    assertThat(v2.stepNumber(4).key()).isEqualTo("low-power-mode");
    assertThat(v2.stepNumber(4).version()).isEqualTo(1);
    assertThat(v2.step("storage").orElseThrow().number()).isEqualTo(5);
    assertThat(v2.steps()).allSatisfy(step -> assertThat(step.version()).isEqualTo(1));
    assertThat(v2.size()).isEqualTo(10);
  }

  @Test
  void retiringAStepLeavesItInEarlierVersionsAndABackAgainStepGetsANewVersion() {
    Playbook v2 = draft.retireStep("restart").publish(catalog, List.of(v1)).value().orElseThrow();
    assertThat(v2.step("restart")).isEmpty();
    assertThat(v2.size()).isEqualTo(8);
    assertThat(v1.step("restart")).isPresent();

    // Back unchanged in v3: it says what restart v1 said, so it is restart v1 again.
    Playbook v3 =
        PlaybookDraft.from(v2)
            .addStep(7, StepDraft.from(v1.step("restart").orElseThrow()))
            .publish(catalog, List.of(v1, v2))
            .value()
            .orElseThrow();
    assertThat(v3.version()).isEqualTo(3);
    assertThat(v3.step("restart").orElseThrow().version()).isEqualTo(1);

    // Back with new words in v4: a version its key never had.
    StepDraft reworded = StepDraft.from(v1.step("restart").orElseThrow()).withTitle("Restart it");
    Playbook v4 =
        PlaybookDraft.from(v3)
            .withStep("restart", reworded)
            .publish(catalog, List.of(v3, v1, v2))
            .value()
            .orElseThrow();
    assertThat(v4.step("restart").orElseThrow().version()).isEqualTo(2);
    assertThat(Playbooks.of(List.of(v1, v2, v3, v4)).all()).hasSize(4);
  }

  @Test
  void anyContentChangeCountsButAPositionDoesNot() {
    StepDraft storage = draft.step("storage").orElseThrow();
    FixOptionDraft upgrade = storage.fixOption("upgrade-plan").orElseThrow();
    PlaybookDraft edited =
        draft
            .withStep(
                "storage", storage.withFixOption("upgrade-plan", upgrade.withChangesData(true)))
            .withStep("wifi", draft.step("wifi").orElseThrow().withCost("MEDIUM"))
            .moveStep("ios-update", 1);

    Playbook v2 = edited.publish(catalog, List.of(v1)).value().orElseThrow();

    assertThat(versions(v2))
        .containsExactly(
            "ios-update 1",
            "backup-switch 1",
            "wifi 2",
            "power 1",
            "storage 2",
            "apple-status 1",
            "account-verification 1",
            "restart 1",
            "reset-settings 1");
  }

  @Test
  void publishingNothingNewIsRefusedButPreviewingItIsNot() {
    assertThat(draft.publish(catalog, List.of(v1)).problems())
        .containsExactly(
            new FieldProblem(
                "", "Nothing changed since v1: edit the draft before publishing a new version"));
    assertThat(draft.validate(catalog, List.of(v1)).value())
        .get()
        .extracting(Playbook::version)
        .isEqualTo(2);
    // A first version has nothing to compare with.
    assertThat(draft.publish(catalog, List.of()).value())
        .get()
        .extracting(Playbook::version)
        .isEqualTo(1);
  }

  @Test
  void anInvalidDraftIsNotPublished() {
    PlaybookDraft broken = newResetPath().withName("");

    assertThat(broken.publish(catalog, List.of(v1)).isValid()).isFalse();
    assertThat(broken.publish(catalog, List.of(v1)).problems())
        .extracting(FieldProblem::field)
        .containsExactly("name");
  }

  @Test
  void aKeyAndVersionMeanOneTextAcrossPublishedVersions() {
    // A stored version whose step 8 has new words but still claims to be reset-settings v1.
    Playbook edited = newResetPath().toPlaybook();
    Playbook sneaky = new Playbook(2, edited.name(), edited.steps());

    assertThatThrownBy(() -> Playbooks.of(List.of(v1, sneaky)))
        .hasMessage("Step reset-settings v1 says different things in two playbook versions");
  }

  @Test
  void editsNameWhatTheyCannotDo() {
    assertThatThrownBy(() -> draft.addStep(lowPowerMode().withKey("wifi")))
        .isInstanceOf(DraftEditException.class)
        .hasMessageContaining("already has a step 'wifi'");
    assertThatThrownBy(() -> draft.addStep(12, lowPowerMode()))
        .hasMessage("A new step goes at position 1 to 10, not 12");
    // A key is part of the step's address from the moment it is added.
    assertThatThrownBy(() -> draft.addStep(lowPowerMode().withKey("wifi?x")))
        .isInstanceOf(DraftEditException.class)
        .hasMessageContaining("'wifi?x' is not a step key");
    assertThatThrownBy(() -> draft.moveStep("nope", 1)).hasMessageContaining("has no step 'nope'");
    assertThatThrownBy(() -> draft.moveStep("wifi", 0)).hasMessageContaining("1 to 9, not 0");
    assertThatThrownBy(
            () -> draft.withStep("wifi", draft.step("wifi").orElseThrow().withKey("power")))
        .hasMessageContaining("already has a step 'power'");
    StepDraft storage = draft.step("storage").orElseThrow();
    assertThatThrownBy(() -> storage.addFixOption(storage.fixOption("upgrade-plan").orElseThrow()))
        .hasMessageContaining("already offers fix 'upgrade-plan'");
    assertThatThrownBy(() -> storage.withFixOption("nope", null))
        .hasMessageContaining("no fix option 'nope'");
    assertThat(draft.retireStep("restart").retireStep("restart"))
        .isEqualTo(draft.retireStep("restart"));
    assertThat(storage.removeFixOption("upgrade-plan").fixOptions()).hasSize(1);
    assertThat(
            draft
                .addStep(lowPowerMode().withVersion(7))
                .step("low-power-mode")
                .orElseThrow()
                .version())
        .isNull();
  }

  private static List<String> versions(Playbook playbook) {
    return playbook.steps().stream().map(s -> s.key() + " " + s.version()).toList();
  }
}
