package io.backupdesk.diagnostics.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Instructions for one kind of phone: a button layout ({@code variant}, null for every phone) on a
 * span of iOS versions ({@link IosRange#any()} for every version). A step's instructions are a list
 * of these that never overlap.
 */
public record InstructionCase(DeviceVariant variant, IosRange ios, List<String> lines) {
  public InstructionCase {
    ios = ios == null ? IosRange.any() : ios;
    lines = List.copyOf(lines);
    if (lines.isEmpty() || lines.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("Instructions need lines, none of them blank");
    }
  }

  /** The same lines for every phone. */
  public static InstructionCase common(List<String> lines) {
    return new InstructionCase(null, IosRange.any(), lines);
  }

  /** Whether a phone with one of these variants, on this major version, gets these lines. */
  public boolean appliesTo(List<DeviceVariant> variants, OptionalInt iosMajor) {
    return (variant == null || variants.contains(variant)) && ios.admits(iosMajor);
  }

  /** Whether some phone would get both this case and the other one. */
  public boolean overlaps(InstructionCase other) {
    return (variant == null || other.variant == null || variant == other.variant)
        && ios.overlaps(other.ios);
  }

  /** "iPhone X and later (Face ID) · iOS 15 and later"; null when the case is for every phone. */
  public String heading() {
    List<String> parts = new ArrayList<>(2);
    if (variant != null) {
      parts.add(variant.label());
    }
    if (!ios.isAny()) {
      parts.add(ios.label());
    }
    return parts.isEmpty() ? null : String.join(" · ", parts);
  }

  /** A description of the first pair of cases that overlap, or null when none do. */
  static String firstOverlap(List<InstructionCase> cases) {
    for (int i = 0; i < cases.size(); i++) {
      for (int j = i + 1; j < cases.size(); j++) {
        if (cases.get(i).overlaps(cases.get(j))) {
          return "instructions " + (i + 1) + " and " + (j + 1) + " apply to the same phones";
        }
      }
    }
    return null;
  }

  InstructionBlock block() {
    return new InstructionBlock(heading(), lines);
  }
}
