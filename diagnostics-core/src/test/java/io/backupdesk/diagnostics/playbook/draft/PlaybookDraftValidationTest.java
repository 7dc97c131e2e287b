package io.backupdesk.diagnostics.playbook.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.diagnostics.playbook.CatalogRow;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.FieldProblem;
import io.backupdesk.diagnostics.playbook.IcloudBackupPlaybook;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Validated;
import io.backupdesk.diagnostics.playbook.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlaybookDraftValidationTest {
  private final DeviceCatalog catalog = DeviceCatalog.standard();
  private final PlaybookDraft v1 = PlaybookDraft.from(IcloudBackupPlaybook.v1());

  @Test
  void everyProblemIsListedAtOnceWithThePathToItsField() {
    StepDraft storage = v1.step("storage").orElseThrow();
    FixOptionDraft upgrade = storage.fixOption("upgrade-plan").orElseThrow();
    List<StepDraft> steps = new ArrayList<>(v1.steps());
    // Two steps with one key, as an uploaded file may have them (the editor refuses that edit).
    steps.set(1, steps.get(1).withKey("backup-switch"));
    PlaybookDraft broken =
        v1.withSteps(steps)
            .withName(" ")
            .withStep(
                "storage",
                storage
                    .withTitle("")
                    .withFixOption("upgrade-plan", upgrade.withLabel(null).withCostsMoney(null)))
            .withStep("power", v1.step("power").orElseThrow().withCheck(null).withCost("CHEAP"));

    Validated<Playbook> result = broken.validate(catalog);

    assertThat(result.isValid()).isFalse();
    assertThat(fields(result))
        .containsExactly(
            "name",
            "steps[1].key",
            "steps[2].check",
            "steps[2].cost",
            "steps[3].title",
            "steps[3].fixOptions[1].label",
            "steps[3].fixOptions[1].costsMoney");
    assertThat(message(result, "steps[1].key"))
        .isEqualTo("Step 2 (backup-switch) uses the same key as step 1: every step needs its own");
    assertThat(message(result, "steps[3].fixOptions[1].label"))
        .isEqualTo("Step 4 (storage), fix option 2 needs a label");
    assertThat(message(result, "steps[3].fixOptions[1].costsMoney"))
        .contains("charge", "consent", "(true or false)");
    assertThat(message(result, "steps[2].cost")).contains("LOW, MEDIUM or HIGH");
  }

  @Test
  void aStepNeedsAWayToActOnWhatItFinds() {
    PlaybookDraft draft =
        v1.withStep("restart", v1.step("restart").orElseThrow().withFixOptions(List.of()));

    assertThat(draft.problems(catalog))
        .containsExactly(
            new FieldProblem(
                "steps[6].fixOptions",
                "Step 7 (restart) leaves the agent nothing to do when it finds a problem: add a"
                    + " fix option, or mark it as the step that detects Apple outages"));
    // The Apple-status step has no fix: its way out is the outage.
    assertThat(v1.step("apple-status").orElseThrow().fixOptions()).isEmpty();
  }

  @Test
  void everyPhoneInTheCatalogueNeedsInstructionsOnEveryIosItRuns() {
    StepDraft reset = v1.step("reset-settings").orElseThrow();
    PlaybookDraft onlyNew =
        v1.withStep("reset-settings", reset.withInstructions(List.of(reset.instructions().get(0))));

    assertThat(onlyNew.problems(catalog))
        .extracting(FieldProblem::toString)
        .containsExactly(
            "steps[7].instructions: Step 8 (reset-settings) has no instructions for iPhone X and"
                + " later (Face ID) on iOS 11 to 14: add a block, or widen the iOS range of one",
            "steps[7].instructions: Step 8 (reset-settings) has no instructions for iPhone 8 and"
                + " earlier, SE (Home button) on iOS 9 to 14: add a block, or widen the iOS range"
                + " of one");
  }

  @Test
  void aStoredVersionIsNotJudgedByTheCataloguesLaterPhones() {
    StepDraft reset = v1.step("reset-settings").orElseThrow();
    PlaybookDraft onlyNew =
        v1.withStep("reset-settings", reset.withInstructions(List.of(reset.instructions().get(0))));

    assertThat(onlyNew.toPlaybook().step("reset-settings")).isPresent();
  }

  @Test
  void instructionsMayVaryByVariantAndIosRangeWithoutOverlapping() {
    StepDraft reset = v1.step("reset-settings").orElseThrow();
    List<String> lines = List.of("Open Settings > General.");
    PlaybookDraft tailored =
        v1.withStep(
            "reset-settings",
            reset.withInstructions(
                List.of(
                    new InstructionDraft("FACE_ID", 15, null, lines),
                    new InstructionDraft("FACE_ID", null, 14, lines),
                    new InstructionDraft("HOME_BUTTON", null, null, lines))));
    assertThat(tailored.problems(catalog)).isEmpty();

    PlaybookDraft overlapping =
        v1.withStep(
            "reset-settings",
            reset.withInstructions(
                List.of(
                    new InstructionDraft(null, 15, null, lines),
                    new InstructionDraft("face_id", 17, 18, lines),
                    new InstructionDraft(null, null, 14, lines))));
    assertThat(overlapping.problems(catalog))
        .containsExactly(
            new FieldProblem(
                "steps[7].instructions[1]",
                "Step 8 (reset-settings): instruction blocks 1 and 2 both apply to iPhone X and"
                    + " later (Face ID) on iOS 17 to 18: narrow the variant or the iOS range of"
                    + " one of them"));
  }

  @Test
  void eachInstructionBlockIsCheckedOnItsOwn() {
    StepDraft restart = v1.step("restart").orElseThrow();
    PlaybookDraft draft =
        v1.withStep(
            "restart",
            restart.withInstructions(
                Arrays.asList(
                    new InstructionDraft("TOUCH_ID", null, null, List.of("Hold the button.")),
                    new InstructionDraft(null, 16, 12, List.of("Hold it.", " ", "a\tb")),
                    null,
                    new InstructionDraft(null, 0, 100, List.of()))));

    assertThat(fields(draft.validate(catalog)))
        .containsExactly(
            "steps[6].instructions[0].variant",
            "steps[6].instructions[1].iosUntil",
            "steps[6].instructions[1].lines[1]",
            "steps[6].instructions[1].lines[2]",
            "steps[6].instructions[2]",
            "steps[6].instructions[3].iosFrom",
            "steps[6].instructions[3].iosUntil",
            "steps[6].instructions[3].lines");
  }

  @Test
  void aFileWithNullsAndNonsenseGetsProblemsNotExceptions() {
    PlaybookDraft file =
        new PlaybookDraft(
            null,
            "Playbook\u0000",
            Arrays.asList(
                null,
                new StepDraft(
                    "Low Power",
                    null,
                    "x".repeat(121),
                    "Why\nit matters",
                    "c",
                    null,
                    Arrays.asList(
                        null, new FixOptionDraft("a", "A", "Do it.", false, false, "LOW")),
                    null,
                    null,
                    null,
                    null,
                    List.of())));

    assertThat(fields(file.validate(catalog)))
        .containsExactly(
            "name",
            "steps[0]",
            "steps[1].key",
            "steps[1].title",
            "steps[1].whyItMatters",
            "steps[1].riskNote",
            "steps[1].cost",
            "steps[1].detectsOutage",
            "steps[1].intrusive",
            "steps[1].instructions",
            "steps[1].fixOptions[0]");
    assertThat(new PlaybookDraft(null, "x", null).problems(catalog))
        .extracting(FieldProblem::field)
        .containsExactly("steps");
  }

  @Test
  void rebuildingAStoredVersionNeedsItsNumbers() {
    PlaybookDraft unnumbered =
        v1.withSteps(v1.steps().stream().map(step -> step.withVersion(null)).toList());

    assertThatThrownBy(() -> new PlaybookDraft(null, v1.name(), unnumbered.steps()).toPlaybook())
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .extracting(FieldProblem::field)
                    .startsWith("version", "steps[0].version")
                    .hasSize(10));
  }

  @Test
  void aGrownCatalogueAsksForInstructionsOnItsNewIos() {
    List<CatalogRow> rows = new ArrayList<>(catalog.rows());
    rows.add(new CatalogRow("iPhone 4s", "HOME_BUTTON", 5, 9));
    DeviceCatalog older = DeviceCatalog.build(rows).orElseThrow("catalogue");

    // Every v1 step is written for every iOS version, so older phones change nothing.
    assertThat(v1.problems(older)).isEmpty();
  }

  private static List<String> fields(Validated<?> result) {
    return result.problems().stream().map(FieldProblem::field).toList();
  }

  private static String message(Validated<?> result, String field) {
    Map<String, String> byField =
        result.problems().stream()
            .collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a));
    return byField.get(field);
  }

  @Test
  void aCustomerMessageIsOptionalButWhenGivenReachesEveryPhoneWithoutOverlap() {
    StepDraft restart = v1.step("restart").orElseThrow();
    PlaybookDraft withoutMessage = v1.withStep("restart", restart.withCustomerMessage(List.of()));
    assertThat(withoutMessage.validate(catalog).isValid()).isTrue();

    PlaybookDraft faceIdOnly =
        v1.withStep(
            "restart",
            restart.withCustomerMessage(
                List.of(new InstructionDraft("FACE_ID", null, null, List.of("Please restart.")))));
    Validated<Playbook> gap = faceIdOnly.validate(catalog);
    assertThat(fields(gap)).containsExactly("steps[6].customerMessage");
    assertThat(message(gap, "steps[6].customerMessage"))
        .startsWith("Step 7 (restart) has no customer message for iPhone 8 and earlier");

    PlaybookDraft overlapping =
        v1.withStep(
            "restart",
            restart.withCustomerMessage(
                List.of(
                    InstructionDraft.common(List.of("Please restart.")),
                    new InstructionDraft(
                        "HOME_BUTTON", 12, null, List.of("Hold the button.", " ")))));
    Validated<Playbook> both = overlapping.validate(catalog);
    assertThat(fields(both)).containsExactly("steps[6].customerMessage[1].lines[1]");
    assertThat(message(both, "steps[6].customerMessage[1].lines[1]"))
        .isEqualTo("Step 7 (restart), customer message block 2, line 2 is empty: remove it");
  }

  @Test
  void aChangedCustomerMessageGivesTheStepANewVersion() {
    Playbook v1Playbook = IcloudBackupPlaybook.v1();
    StepDraft power = v1.step("power").orElseThrow();
    PlaybookDraft edited =
        v1.withStep(
            "power",
            power.withCustomerMessage(
                List.of(InstructionDraft.common(List.of("Please plug your phone in.")))));

    Playbook v2 = edited.publish(catalog, List.of(v1Playbook)).orElseThrow("draft");

    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.step("power").orElseThrow().version()).isEqualTo(2);
    assertThat(v2.step("wifi").orElseThrow().version()).isEqualTo(1);
    assertThat(PlaybookDiff.between(v1Playbook, v2).changedSteps())
        .singleElement()
        .satisfies(
            change ->
                assertThat(change.changes())
                    .extracting(FieldChange::field)
                    .containsExactly("customerMessage[0]"));
  }
}
