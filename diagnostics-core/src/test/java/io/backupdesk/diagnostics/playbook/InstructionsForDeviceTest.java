package io.backupdesk.diagnostics.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstructionsForDeviceTest {
  private static final String FACE_ID = "iPhone X and later (Face ID)";
  private static final String HOME_BUTTON = "iPhone 8 and earlier, SE (Home button)";

  private final Playbook playbook = IcloudBackupPlaybook.v1();
  private final PlaybookStep restart = playbook.step("restart").orElseThrow();
  private final PlaybookStep reset = playbook.step("reset-settings").orElseThrow();

  @Test
  void restartOnAnIphone8ShowsOnlyTheHomeButtonWay() {
    List<InstructionBlock> blocks = restart.instructionsFor(new Device("iPhone 8", "16.7"));

    assertThat(blocks).extracting(InstructionBlock::heading).containsExactly(HOME_BUTTON);
    assertThat(String.join(" ", blocks.get(0).lines()))
        .contains("side button", "top button", "slider", "Apple logo")
        .doesNotContain("volume");
  }

  @Test
  void restartOnAFaceIdPhoneUsesSideAndVolumeButtons() {
    List<InstructionBlock> blocks = restart.instructionsFor(new Device("iPhone 15 Pro", "17.4"));

    assertThat(blocks).extracting(InstructionBlock::heading).containsExactly(FACE_ID);
    assertThat(String.join(" ", blocks.get(0).lines()))
        .contains("side button together with either volume button", "slider", "Apple logo");
  }

  @ParameterizedTest
  @ValueSource(strings = {DeviceCatalog.OTHER, "Pixel 8", ""})
  void restartOnAnUnknownPhoneShowsBothWaysLabelled(String model) {
    assertThat(restart.instructionsFor(new Device(model, "17")))
        .extracting(InstructionBlock::heading)
        .containsExactly(FACE_ID, HOME_BUTTON);
  }

  @Test
  void resetPathDependsOnTheIosVersion() {
    assertThat(reset.instructionsFor(new Device("iPhone 8", "15.0")))
        .singleElement()
        .satisfies(
            block -> {
              assertThat(block.heading()).isEqualTo("iOS 15 and later");
              assertThat(block.lines())
                  .anyMatch(line -> line.contains("General > Transfer or Reset iPhone"));
              assertThat(String.join(" ", block.lines())).contains("Reset All Settings");
            });
    assertThat(reset.instructionsFor(new Device("iPhone 8", "iOS 14.8.1")))
        .singleElement()
        .satisfies(
            block -> {
              assertThat(block.heading()).isEqualTo("iOS 14 and earlier");
              assertThat(block.lines()).anyMatch(line -> line.contains("General > Reset."));
              assertThat(String.join(" ", block.lines())).doesNotContain("Transfer");
            });
  }

  @Test
  void resetOnAnUnknownIosVersionShowsBothPathsLabelled() {
    assertThat(reset.instructionsFor(new Device("iPhone 8", "no idea")))
        .extracting(InstructionBlock::heading)
        .containsExactly("iOS 15 and later", "iOS 14 and earlier");
  }

  @Test
  void otherStepsGiveEveryoneTheSameUnlabelledBlock() {
    Device unknown = new Device(null, null);
    assertThat(playbook.steps())
        .filteredOn(step -> step.number() != 7 && step.number() != 8)
        .allSatisfy(
            step ->
                assertThat(step.instructionsFor(unknown))
                    .singleElement()
                    .extracting(InstructionBlock::heading)
                    .isNull());
  }
}
