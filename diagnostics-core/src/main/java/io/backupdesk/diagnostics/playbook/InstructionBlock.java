package io.backupdesk.diagnostics.playbook;

import java.util.List;

/**
 * Instructions for one kind of device. The heading names the variant or iOS range they are for; it
 * is null when everybody gets the same instructions.
 */
public record InstructionBlock(String heading, List<String> lines) {
  public InstructionBlock {
    heading = heading == null || heading.isBlank() ? null : heading.strip();
    lines = List.copyOf(lines);
    if (lines.isEmpty() || lines.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("An instruction block needs lines, none of them blank");
    }
  }
}
