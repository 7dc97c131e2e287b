package io.backupdesk.web.playbook.api;

import io.backupdesk.diagnostics.playbook.Cost;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.InstructionBlock;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of the playbook with the instructions that apply to one device. */
@Schema(name = "PlaybookStep")
public record StepJson(
    @Schema(description = "Stable key, e.g. `storage`; what outcomes name") String key,
    @Schema(description = "Position in the playbook, 1 to 9") int number,
    @Schema(description = "Version of this step's text; results record which one they answered")
        int version,
    String title,
    String whyItMatters,
    @Schema(description = "How the agent checks the condition") String check,
    Cost cost,
    String riskNote,
    @Schema(description = "true for the step that may find an Apple outage (outcome OUTAGE)")
        boolean detectsOutage,
    @Schema(
            description =
                "Check-and-fix instructions for the device. A block's heading names the device"
                    + " variant or iOS range it is for; it is null when everyone gets the same"
                    + " text. An unknown model gets every variant, each labelled.")
        List<InstructionBlockJson> instructions,
    @Schema(description = "Ways to fix what the step found; empty when there is none")
        List<FixOptionJson> fixOptions,
    @Schema(
            description =
                "What the agent may paste into a chat or e-mail to the customer, for the device;"
                    + " labelled blocks like the instructions; empty when the step has none")
        List<InstructionBlockJson> customerMessage) {

  /** Lines of instructions for one kind of device. */
  @Schema(name = "InstructionBlock")
  public record InstructionBlockJson(String heading, List<String> lines) {
    static InstructionBlockJson of(InstructionBlock block) {
      return new InstructionBlockJson(block.heading(), block.lines());
    }
  }

  /** One way to fix what a step found. */
  @Schema(name = "FixOption")
  public record FixOptionJson(
      @Schema(description = "Send as `fixOption` with outcome FIXED") String key,
      String label,
      String instructions,
      @Schema(
              description =
                  "true when the fix deletes or resets something or costs money: send `consent:"
                      + " true`")
          boolean requiresConsent,
      Cost cost,
      @Schema(description = "true when the fix deletes or resets something of the customer's")
          boolean changesData,
      @Schema(description = "true when the fix adds a charge to the customer's bill")
          boolean costsMoney) {
    static FixOptionJson of(FixOption f) {
      return new FixOptionJson(
          f.key(),
          f.label(),
          f.instructions(),
          f.requiresConsent(),
          f.cost(),
          f.changesData(),
          f.costsMoney());
    }
  }

  /** With the shipped catalogue's variants: for callers that have no catalogue at hand. */
  public static StepJson of(PlaybookStep step, Device device) {
    return of(step, device, DeviceCatalog.standard());
  }

  public static StepJson of(PlaybookStep step, Device device, DeviceCatalog catalog) {
    return new StepJson(
        step.key(),
        step.number(),
        step.version(),
        step.title(),
        step.whyItMatters(),
        step.check(),
        step.cost(),
        step.riskNote(),
        step.detectsOutage(),
        step.instructionsFor(device, catalog).stream().map(InstructionBlockJson::of).toList(),
        step.fixOptions().stream().map(FixOptionJson::of).toList(),
        step.customerMessageFor(device, catalog).stream().map(InstructionBlockJson::of).toList());
  }
}
