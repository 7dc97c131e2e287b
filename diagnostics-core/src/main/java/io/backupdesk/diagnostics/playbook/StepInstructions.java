package io.backupdesk.diagnostics.playbook;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How a step's instructions vary between phones: not at all, by button layout, or by iOS version.
 * When the device does not tell which applies, the agent gets every block, each labelled.
 */
public sealed interface StepInstructions {

  List<InstructionBlock> forDevice(Device device);

  /** The same instructions for every phone. */
  record Common(List<String> lines) implements StepInstructions {
    public Common {
      lines = List.copyOf(lines);
    }

    @Override
    public List<InstructionBlock> forDevice(Device device) {
      return List.of(new InstructionBlock(null, lines));
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
    public List<InstructionBlock> forDevice(Device device) {
      return device.variants().stream()
          .map(variant -> new InstructionBlock(variant.label(), linesByVariant.get(variant)))
          .toList();
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
    public List<InstructionBlock> forDevice(Device device) {
      OptionalInt major = device.iosMajor();
      List<InstructionBlock> blocks = new ArrayList<>(2);
      if (major.isEmpty() || major.getAsInt() >= sinceMajor) {
        blocks.add(new InstructionBlock("iOS " + sinceMajor + " and later", fromThatVersion));
      }
      if (major.isEmpty() || major.getAsInt() < sinceMajor) {
        blocks.add(new InstructionBlock("iOS " + (sinceMajor - 1) + " and earlier", beforeIt));
      }
      return List.copyOf(blocks);
    }
  }
}
