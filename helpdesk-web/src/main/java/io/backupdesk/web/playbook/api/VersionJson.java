package io.backupdesk.web.playbook.api;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One published playbook version: its number, name and steps (key and step version). */
@Schema(name = "PlaybookVersion")
public record VersionJson(
    int version,
    String name,
    @Schema(description = "The steps in order, as `key` and the step version results name")
        List<StepRef> steps) {

  /** A step as results name it. */
  @Schema(name = "PlaybookStepRef")
  public record StepRef(String key, int version, String title) {}

  static VersionJson of(Playbook playbook) {
    return new VersionJson(
        playbook.version(),
        playbook.name(),
        playbook.steps().stream().map(VersionJson::ref).toList());
  }

  private static StepRef ref(PlaybookStep step) {
    return new StepRef(step.key(), step.version(), step.title());
  }
}
