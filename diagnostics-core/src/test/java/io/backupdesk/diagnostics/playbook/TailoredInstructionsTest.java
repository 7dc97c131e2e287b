package io.backupdesk.diagnostics.playbook;

import static io.backupdesk.diagnostics.playbook.DeviceVariant.FACE_ID;
import static io.backupdesk.diagnostics.playbook.DeviceVariant.HOME_BUTTON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Instructions by button layout and iOS range at once. */
class TailoredInstructionsTest {
  private static final String FACE = "iPhone X and later (Face ID)";
  private static final String HOME = "iPhone 8 and earlier, SE (Home button)";

  private final StepInstructions tailored =
      StepInstructions.of(
          List.of(
              new InstructionCase(FACE_ID, IosRange.from(15), List.of("Face ID, new menu.")),
              new InstructionCase(FACE_ID, IosRange.until(14), List.of("Face ID, old menu.")),
              new InstructionCase(HOME_BUTTON, IosRange.any(), List.of("Home button."))));

  @Test
  void aKnownPhoneGetsTheOneBlockThatAppliesToIt() {
    assertThat(tailored).isInstanceOf(StepInstructions.Tailored.class);
    assertThat(tailored.forDevice(new Device("iPhone 15", "17.4")))
        .containsExactly(
            new InstructionBlock(FACE + " · iOS 15 and later", List.of("Face ID, new menu.")));
    assertThat(tailored.forDevice(new Device("iPhone XR", "14.8")))
        .containsExactly(
            new InstructionBlock(FACE + " · iOS 14 and earlier", List.of("Face ID, old menu.")));
    assertThat(tailored.forDevice(new Device("iPhone 8", "16.7")))
        .containsExactly(new InstructionBlock(HOME, List.of("Home button.")));
  }

  @Test
  void anUnknownModelOrVersionGetsEveryBlockThatMayApplyLabelled() {
    assertThat(tailored.forDevice(new Device("iPhone 15", null)))
        .extracting(InstructionBlock::heading)
        .containsExactly(FACE + " · iOS 15 and later", FACE + " · iOS 14 and earlier");
    assertThat(tailored.forDevice(new Device(DeviceCatalog.OTHER, "17")))
        .extracting(InstructionBlock::heading)
        .containsExactly(FACE + " · iOS 15 and later", HOME);
  }

  @Test
  void anotherCataloguesVariantsCanBeUsed() {
    DeviceCatalog mine =
        DeviceCatalog.build(List.of(new CatalogRow("Phone One", "HOME_BUTTON", 12, null)))
            .orElseThrow("catalogue");
    PlaybookStep reset = IcloudBackupPlaybook.v1().step("restart").orElseThrow();

    assertThat(reset.instructionsFor(new Device("Phone One", "17"), mine))
        .extracting(InstructionBlock::heading)
        .containsExactly(HOME);
    assertThat(reset.instructionsFor(new Device("Phone One", "17")))
        .extracting(InstructionBlock::heading)
        .containsExactly(FACE, HOME);
  }

  @Test
  void overlappingBlocksAreRefused() {
    assertThatThrownBy(
            () ->
                new StepInstructions.Tailored(
                    List.of(
                        new InstructionCase(null, IosRange.from(15), List.of("a")),
                        new InstructionCase(FACE_ID, IosRange.between(16, 17), List.of("b")))))
        .hasMessageContaining("instructions 1 and 2 apply to the same phones");
  }
}
