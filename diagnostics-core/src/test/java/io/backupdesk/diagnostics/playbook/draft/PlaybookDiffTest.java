package io.backupdesk.diagnostics.playbook.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.IcloudBackupPlaybook;
import io.backupdesk.diagnostics.playbook.Playbook;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybookDiffTest {
  private final Playbook v1 = IcloudBackupPlaybook.v1();
  private final PlaybookDraft draft = PlaybookDraft.from(v1);

  @Test
  void listsEveryStepWithWhatHappenedToItAndTheOldAndNewTexts() {
    StepDraft storage = draft.step("storage").orElseThrow();
    PlaybookDraft edited =
        draft
            .withStep(
                "storage",
                storage
                    .withTitle("iCloud storage space")
                    .withFixOption(
                        "upgrade-plan",
                        storage
                            .fixOption("upgrade-plan")
                            .orElseThrow()
                            .withLabel("Buy more space")))
            .retireStep("restart")
            .addStep(
                1,
                StepDraft.from(v1.step("wifi").orElseThrow())
                    .withKey("low-power-mode")
                    .withTitle("Low Power Mode"))
            .withStep(
                "reset-settings",
                draft
                    .step("reset-settings")
                    .orElseThrow()
                    .withInstructions(
                        List.of(
                            InstructionDraft.common(List.of("Open Settings > General > Reset.")))));
    Playbook v2 = edited.publish(DeviceCatalog.standard(), List.of(v1)).value().orElseThrow();

    PlaybookDiff diff = PlaybookDiff.between(v1, v2);

    assertThat(diff.versionBefore()).isEqualTo(1);
    assertThat(diff.versionAfter()).isEqualTo(2);
    assertThat(diff.steps())
        .extracting(StepChange::key, StepChange::kind)
        .containsExactly(
            tuple("low-power-mode", StepChange.Kind.ADDED),
            tuple("backup-switch", StepChange.Kind.MOVED),
            tuple("wifi", StepChange.Kind.MOVED),
            tuple("power", StepChange.Kind.MOVED),
            tuple("storage", StepChange.Kind.CHANGED),
            tuple("apple-status", StepChange.Kind.MOVED),
            tuple("account-verification", StepChange.Kind.MOVED),
            tuple("reset-settings", StepChange.Kind.CHANGED),
            tuple("ios-update", StepChange.Kind.UNCHANGED),
            tuple("restart", StepChange.Kind.REMOVED));

    StepChange changedStorage = diff.steps().get(4);
    assertThat(changedStorage.numberBefore()).isEqualTo(4);
    assertThat(changedStorage.numberAfter()).isEqualTo(5);
    assertThat(changedStorage.moved()).isTrue();
    assertThat(changedStorage.versionBefore()).isEqualTo(1);
    assertThat(changedStorage.versionAfter()).isEqualTo(2);
    assertThat(changedStorage.changes())
        .containsExactly(
            new FieldChange("title", "iCloud storage", "iCloud storage space"),
            new FieldChange(
                "fixOptions[upgrade-plan].label", "Upgrade the iCloud plan", "Buy more space"));

    StepChange reset = diff.steps().get(7);
    assertThat(reset.changes())
        .extracting(FieldChange::field)
        .containsExactly("instructions[0]", "instructions[1]");
    assertThat(reset.changes().get(0).before())
        .startsWith("For every phone, iOS 15 and later:\nOpen Settings > General > Transfer");
    assertThat(reset.changes().get(0).after())
        .isEqualTo("For every phone:\nOpen Settings > General > Reset.");
    assertThat(reset.changes().get(1).after()).isNull();

    StepChange removed = diff.steps().get(9);
    assertThat(removed.numberAfter()).isNull();
    assertThat(removed.changes()).extracting(FieldChange::after).containsOnlyNulls();
    assertThat(removed.changes()).extracting(FieldChange::field).contains("title", "fixOptions");
    assertThat(diff.steps().get(0).changes()).extracting(FieldChange::before).containsOnlyNulls();
    assertThat(diff.changedSteps()).hasSize(9);
    assertThat(diff.isEmpty()).isFalse();
  }

  @Test
  void aDraftCanBeComparedWithAVersionBeforeItIsValid() {
    PlaybookDraft half = draft.withStep("wifi", draft.step("wifi").orElseThrow().withTitle(null));

    PlaybookDiff diff = PlaybookDiff.between(draft, half);

    assertThat(diff.changedSteps())
        .singleElement()
        .satisfies(
            step ->
                assertThat(step.changes())
                    .containsExactly(new FieldChange("title", "Wi-Fi connection", null)));
  }
}
