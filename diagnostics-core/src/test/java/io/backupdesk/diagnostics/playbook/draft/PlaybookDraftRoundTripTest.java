package io.backupdesk.diagnostics.playbook.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.IcloudBackupPlaybook;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepInstructions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped v1 goes through its editable form and comes back exactly as it was. */
class PlaybookDraftRoundTripTest {
  private final Playbook v1 = IcloudBackupPlaybook.v1();
  private final DeviceCatalog catalog = DeviceCatalog.standard();

  @Test
  void v1IsAValidDraftThatComesBackEqualStepByStep() {
    PlaybookDraft draft = PlaybookDraft.from(v1);

    assertThat(draft.problems(catalog)).isEmpty();
    Playbook back = draft.validate(catalog).value().orElseThrow();

    assertThat(back.version()).isEqualTo(1);
    assertThat(back.name()).isEqualTo(v1.name());
    // Records compare every text as a string: equal means byte for byte the same words.
    assertThat(back.steps()).containsExactlyElementsOf(v1.steps());
    assertThat(back.steps())
        .extracting(step -> step.instructions().getClass().getSimpleName())
        .containsExactly(
            "Common",
            "Common",
            "Common",
            "Common",
            "Common",
            "Common",
            "ByVariant",
            "ByIosVersion",
            "Common");
  }

  @Test
  void aStoredPublishedVersionIsRebuiltWithItsOwnNumbers() {
    Playbook back = PlaybookDraft.from(v1).toPlaybook();

    assertThat(back.version()).isEqualTo(1);
    assertThat(back.steps()).containsExactlyElementsOf(v1.steps());
  }

  @Test
  void theDraftKeepsTheResetStepsTwoMenuPaths() {
    StepDraft reset = PlaybookDraft.from(v1).step("reset-settings").orElseThrow();

    assertThat(reset.instructions())
        .extracting(
            InstructionDraft::variant, InstructionDraft::iosFrom, InstructionDraft::iosUntil)
        .containsExactly(tuple(null, 15, null), tuple(null, null, 14));
    assertThat(reset.instructions().get(0).lines().get(0))
        .isEqualTo("Open Settings > General > Transfer or Reset iPhone.");
    assertThat(reset.instructions().get(1).lines().get(0))
        .isEqualTo("Open Settings > General > Reset.");
    assertThat(PlaybookDraft.from(v1).step("restart").orElseThrow().instructions())
        .extracting(InstructionDraft::variant)
        .containsExactly("FACE_ID", "HOME_BUTTON");
  }

  @Test
  void everyPhoneSeesTheSameInstructionsAfterTheRoundTrip() {
    Playbook back = PlaybookDraft.from(v1).validate(catalog).value().orElseThrow();
    List<Device> phones =
        List.of(
            new Device("iPhone 8", "14.8"),
            new Device("iPhone 8", "16.7"),
            new Device("iPhone 15 Pro", "17.4.1"),
            new Device(DeviceCatalog.OTHER, null),
            new Device(null, null));
    for (PlaybookStep step : v1.steps()) {
      PlaybookStep same = back.step(step.key()).orElseThrow();
      for (Device phone : phones) {
        assertThat(same.instructionsFor(phone)).isEqualTo(step.instructionsFor(phone));
      }
    }
  }

  @Test
  void theDiffOfV1WithItselfIsEmpty() {
    Playbook back = PlaybookDraft.from(v1).validate(catalog).value().orElseThrow();

    PlaybookDiff diff = PlaybookDiff.between(v1, back);

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.changedSteps()).isEmpty();
    assertThat(diff.steps()).hasSize(9);
  }

  @Test
  void instructionsGoToTheSimplestFormThatShowsTheSameBlocks() {
    for (PlaybookStep step : v1.steps()) {
      assertThat(StepInstructions.of(step.instructions().cases())).isEqualTo(step.instructions());
    }
  }
}
