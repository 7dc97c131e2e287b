package io.backupdesk.diagnostics.playbook.draft;

import io.backupdesk.diagnostics.playbook.DeviceVariant;
import io.backupdesk.diagnostics.playbook.InstructionCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One block of a step's instructions in editable form: for a button layout ({@code variant} as its
 * name, {@code FACE_ID} or {@code HOME_BUTTON}; empty for every phone) on a span of iOS major
 * versions ({@code iosFrom} and {@code iosUntil}, both included, either empty for an open end).
 */
public record InstructionDraft(
    String variant, Integer iosFrom, Integer iosUntil, List<String> lines) {
  public InstructionDraft {
    lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
  }

  /** The same lines for every phone. */
  public static InstructionDraft common(List<String> lines) {
    return new InstructionDraft(null, null, null, lines);
  }

  public static InstructionDraft from(InstructionCase instructions) {
    return new InstructionDraft(
        instructions.variant() == null ? null : instructions.variant().name(),
        instructions.ios().from(),
        instructions.ios().until(),
        instructions.lines());
  }

  public static InstructionDraft of(
      DeviceVariant variant, Integer iosFrom, Integer iosUntil, List<String> lines) {
    return new InstructionDraft(variant == null ? null : variant.name(), iosFrom, iosUntil, lines);
  }

  public InstructionDraft withLines(List<String> newLines) {
    return new InstructionDraft(variant, iosFrom, iosUntil, newLines);
  }

  public InstructionDraft withVariant(String newVariant) {
    return new InstructionDraft(newVariant, iosFrom, iosUntil, lines);
  }

  public InstructionDraft withIos(Integer newFrom, Integer newUntil) {
    return new InstructionDraft(variant, newFrom, newUntil, lines);
  }
}
