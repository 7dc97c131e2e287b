package io.backupdesk.diagnostics.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybookTest {
  private final Playbook playbook = IcloudBackupPlaybook.v1();

  @Test
  void findsStepsByKeyAndNumberAndKnowsWhatComesNext() {
    PlaybookStep storage = playbook.step("storage").orElseThrow();
    assertThat(playbook.size()).isEqualTo(9);
    assertThat(playbook.stepNumber(4)).isSameAs(storage);
    assertThat(playbook.after(storage)).contains(playbook.stepNumber(5));
    assertThat(playbook.after(playbook.stepNumber(9))).isEmpty();
    assertThat(playbook.step("nope")).isEmpty();
    assertThat(storage.numberedTitle()).isEqualTo("Step 4 · iCloud storage");
    assertThat(storage.fixOption("upgrade-plan")).isPresent();
    assertThat(storage.fixOption("restart")).isEmpty();
  }

  @Test
  void aFixIsNamedByItsLabelOrByItsKeyWhereTheVersionDoesNotKnowIt() {
    String label =
        playbook.step("storage").orElseThrow().fixOption("upgrade-plan").orElseThrow().label();
    assertThat(playbook.fixLabel("storage", "upgrade-plan")).isEqualTo(label);
    assertThat(playbook.step("storage").orElseThrow().fixLabel("upgrade-plan")).isEqualTo(label);
    assertThat(playbook.fixLabel("storage", "gone-fix")).isEqualTo("gone-fix");
    assertThat(playbook.fixLabel("gone-step", "gone-fix")).isEqualTo("gone-fix");
  }

  @Test
  void aStepNumberOutsideThePlaybookSaysWhichNumbersExist() {
    assertThatThrownBy(() -> playbook.stepNumber(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Playbook v1 has steps 1 to 9, not 10");
  }

  @Test
  void stepsMustBeNumberedInOrderWithUniqueKeys() {
    PlaybookStep one = step("one", 1);
    assertThatThrownBy(() -> new Playbook(2, "x", List.of(one, step("two", 3))))
        .hasMessageContaining("position 2 but numbered 3");
    assertThatThrownBy(() -> new Playbook(2, "x", List.of(one, step("one", 2))))
        .hasMessageContaining("used twice");
    assertThatThrownBy(() -> new Playbook(2, "x", List.of()))
        .hasMessageContaining("at least one step");
  }

  @Test
  void stepKeysAreSlugsAndFixKeysUniqueWithinAStep() {
    assertThatThrownBy(() -> step("Wi Fi", 1)).hasMessageContaining("lower-case words");
    FixOption fix = new FixOption("a-fix", "A fix", "Do it.", false, false, Cost.LOW);
    assertThatThrownBy(
            () ->
                new PlaybookStep(
                    "s",
                    1,
                    1,
                    "t",
                    "w",
                    "c",
                    common(),
                    List.of(fix, fix),
                    Cost.LOW,
                    "r",
                    false,
                    false,
                    List.of()))
        .hasMessageContaining("offers fix a-fix twice");
  }

  @Test
  void registryServesTheCurrentAndEveryStoredVersion() {
    Playbooks standard = Playbooks.standard();
    assertThat(standard.current().version()).isEqualTo(1);
    assertThat(standard.version(1)).get().extracting(Playbook::size).isEqualTo(9);
    assertThat(standard.version(2)).isEmpty();
    assertThat(standard.all()).hasSize(1);

    Playbook v2 = new Playbook(2, "next", List.of(step("one", 1)));
    Playbooks both = Playbooks.of(List.of(v2, playbook));
    assertThat(both.current()).isSameAs(v2);
    assertThat(both.all()).extracting(Playbook::version).containsExactly(1, 2);
    assertThatThrownBy(() -> Playbooks.of(List.of(playbook, playbook)))
        .hasMessageContaining("version 1 twice");
  }

  private static PlaybookStep step(String key, int number) {
    return new PlaybookStep(
        key, number, 1, "t", "w", "c", common(), List.of(), Cost.LOW, "r", false, false, List.of());
  }

  private static StepInstructions common() {
    return new StepInstructions.Common(List.of("Do this."));
  }
}
