package io.backupdesk.diagnostics.playbook;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How a step's instructions vary between phones: not at all, by button layout, by iOS version, or
 * by both ({@link Tailored}). When the device does not tell which applies, the agent gets every
 * block that may apply, each labelled.
 *
 * <p>Every form is a list of {@link InstructionCase}s ({@link #cases()}); {@link #of} turns such a
 * list back into the simplest form that shows the same blocks, so a playbook that goes through its
 * editable form comes back equal.
 */
public sealed interface StepInstructions {

  /** The blocks for a phone with these possible variants and this iOS major (empty: unknown). */
  List<InstructionBlock> forDevice(List<DeviceVariant> variants, OptionalInt iosMajor);

  /** The blocks for a phone as noted on a ticket, with the standard catalogue's variants. */
  default List<InstructionBlock> forDevice(Device device) {
    return forDevice(device.variants(), device.iosMajor());
  }

  /** The same instructions as a list of cases, in the order their blocks are shown. */
  List<InstructionCase> cases();

  /**
   * The simplest form showing these cases: one case for every phone is {@link Common}; one case per
   * variant for every iOS is {@link ByVariant}; "from iOS n" followed by "until iOS n-1" for every
   * phone is {@link ByIosVersion}; anything else is {@link Tailored}.
   */
  static StepInstructions of(List<InstructionCase> cases) {
    List<InstructionCase> list = List.copyOf(cases);
    if (list.size() == 1 && list.get(0).variant() == null && list.get(0).ios().isAny()) {
      return new Common(list.get(0).lines());
    }
    if (list.size() == DeviceVariant.values().length
        && list.stream().allMatch(c -> c.variant() != null && c.ios().isAny())) {
      Map<DeviceVariant, List<String>> byVariant = new EnumMap<>(DeviceVariant.class);
      list.forEach(c -> byVariant.put(c.variant(), c.lines()));
      boolean inVariantOrder = true;
      for (int i = 0; i < list.size(); i++) {
        inVariantOrder &= list.get(i).variant() == DeviceVariant.values()[i];
      }
      if (byVariant.size() == list.size() && inVariantOrder) {
        return new ByVariant(byVariant);
      }
    }
    if (list.size() == 2) {
      InstructionCase later = list.get(0);
      InstructionCase earlier = list.get(1);
      if (later.variant() == null
          && earlier.variant() == null
          && later.ios().from() != null
          && later.ios().until() == null
          && earlier.ios().from() == null
          && earlier.ios().until() != null
          && earlier.ios().until() == later.ios().from() - 1
          && later.ios().from() >= 2) {
        return new ByIosVersion(later.ios().from(), later.lines(), earlier.lines());
      }
    }
    return new Tailored(list);
  }

  /** The same instructions for every phone. */
  record Common(List<String> lines) implements StepInstructions {
    public Common {
      lines = List.copyOf(lines);
    }

    @Override
    public List<InstructionBlock> forDevice(List<DeviceVariant> variants, OptionalInt iosMajor) {
      return List.of(new InstructionBlock(null, lines));
    }

    @Override
    public List<InstructionCase> cases() {
      return List.of(InstructionCase.common(lines));
    }
  }

  /** Instructions that depend on whether the phone has Face ID or a Home button. */
  record ByVariant(Map<DeviceVariant, List<String>> linesByVariant) implements StepInstructions {
    public ByVariant {
      Map<DeviceVariant, List<String>> copy = new EnumMap<>(DeviceVariant.class);
      linesByVariant.forEach((variant, lines) -> copy.put(variant, List.copyOf(lines)));
      if (copy.size() != DeviceVariant.values().length) {
        throw new IllegalArgumentException("Instructions are needed for every device variant");
      }
      linesByVariant = Map.copyOf(copy);
    }

    @Override
    public List<InstructionBlock> forDevice(List<DeviceVariant> variants, OptionalInt iosMajor) {
      return variants.stream()
          .map(variant -> new InstructionBlock(variant.label(), linesByVariant.get(variant)))
          .toList();
    }

    @Override
    public List<InstructionCase> cases() {
      List<InstructionCase> cases = new ArrayList<>();
      for (DeviceVariant variant : DeviceVariant.values()) {
        cases.add(new InstructionCase(variant, IosRange.any(), linesByVariant.get(variant)));
      }
      return List.copyOf(cases);
    }
  }

  /** Instructions that changed with iOS {@code sinceMajor}: one block from it on, one before. */
  record ByIosVersion(int sinceMajor, List<String> fromThatVersion, List<String> beforeIt)
      implements StepInstructions {
    public ByIosVersion {
      if (sinceMajor < 2) {
        throw new IllegalArgumentException("No iOS version before " + sinceMajor);
      }
      fromThatVersion = List.copyOf(fromThatVersion);
      beforeIt = List.copyOf(beforeIt);
    }

    @Override
    public List<InstructionBlock> forDevice(List<DeviceVariant> variants, OptionalInt iosMajor) {
      return Tailored.blocks(cases(), variants, iosMajor);
    }

    @Override
    public List<InstructionCase> cases() {
      return List.of(
          new InstructionCase(null, IosRange.from(sinceMajor), fromThatVersion),
          new InstructionCase(null, IosRange.until(sinceMajor - 1), beforeIt));
    }
  }

  /**
   * Instructions by button layout and iOS range at once, e.g. "Face ID, iOS 15 and later". The
   * cases may not overlap: a phone whose model and version are known gets at most one block per
   * variant it may have.
   */
  record Tailored(List<InstructionCase> cases) implements StepInstructions {
    public Tailored {
      cases = List.copyOf(cases);
      if (cases.isEmpty()) {
        throw new IllegalArgumentException("A step needs instructions");
      }
      String overlap = InstructionCase.firstOverlap(cases);
      if (overlap != null) {
        throw new IllegalArgumentException("Overlapping instructions: " + overlap);
      }
    }

    @Override
    public List<InstructionBlock> forDevice(List<DeviceVariant> variants, OptionalInt iosMajor) {
      return blocks(cases, variants, iosMajor);
    }

    static List<InstructionBlock> blocks(
        List<InstructionCase> cases, List<DeviceVariant> variants, OptionalInt iosMajor) {
      return cases.stream()
          .filter(c -> c.appliesTo(variants, iosMajor))
          .map(InstructionCase::block)
          .toList();
    }
  }
}
