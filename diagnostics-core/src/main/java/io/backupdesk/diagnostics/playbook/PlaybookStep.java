package io.backupdesk.diagnostics.playbook;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One condition an automatic backup needs, with how the agent checks it and the ways to fix it. The
 * version changes whenever the step's meaning changes, so a stored result always says what it
 * answered.
 *
 * <p>{@code intrusive} marks a step whose check itself changes the customer's phone or account
 * (signing out of iCloud, resetting all settings): it costs the customer more than time, so no
 * order of the steps may put it before a harmless one (see {@link StepOrder}).
 *
 * <p>{@code customerMessage} is what the agent may paste into a chat or e-mail to the customer, in
 * blocks per button layout and iOS range like the instructions (empty: the step has none yet). It
 * is content like any text: changing it gives the step a new version.
 */
public record PlaybookStep(
    String key,
    int number,
    int version,
    String title,
    String whyItMatters,
    String check,
    StepInstructions instructions,
    List<FixOption> fixOptions,
    Cost cost,
    String riskNote,
    boolean detectsOutage,
    boolean intrusive,
    List<InstructionCase> customerMessage) {

  /** What step and fix keys look like: lower-case words joined by dashes, as in URLs. */
  public static final String KEY_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

  public PlaybookStep {
    key = Texts.requireSlug(key, "step key");
    if (number < 1 || version < 1) {
      throw new IllegalArgumentException("Step " + key + ": number and version start at 1");
    }
    title = Texts.require(title, "title of step " + key);
    whyItMatters = Texts.require(whyItMatters, "why step " + key + " matters");
    check = Texts.require(check, "check of step " + key);
    Objects.requireNonNull(instructions, "instructions");
    fixOptions = List.copyOf(fixOptions);
    Objects.requireNonNull(cost, "cost");
    riskNote = Texts.require(riskNote, "risk note of step " + key);
    customerMessage = List.copyOf(customerMessage);
    String overlap = InstructionCase.firstOverlap(customerMessage);
    if (overlap != null) {
      throw new IllegalArgumentException("Step " + key + ", customer message: " + overlap);
    }
    var keys = new HashSet<String>();
    for (FixOption option : fixOptions) {
      if (!keys.add(option.key())) {
        throw new IllegalArgumentException(
            "Step " + key + " offers fix " + option.key() + " twice");
      }
    }
  }

  public Optional<FixOption> fixOption(String fixKey) {
    return fixOptions.stream().filter(option -> option.key().equals(fixKey)).findFirst();
  }

  /** How people name a fix of this step: its label, or the bare key if the step has no such fix. */
  public String fixLabel(String fixKey) {
    return fixOption(fixKey).map(FixOption::label).orElse(fixKey);
  }

  /** "Step 4 · iCloud storage": how timelines and messages name the step. */
  public String numberedTitle() {
    return "Step " + number + " · " + title;
  }

  /** The check-and-fix instructions that apply to this device, labelled when they differ. */
  public List<InstructionBlock> instructionsFor(Device device) {
    return instructions.forDevice(Objects.requireNonNull(device, "device"));
  }

  /** The same, with the variants a given catalogue (e.g. the database's) knows for the model. */
  public List<InstructionBlock> instructionsFor(Device device, DeviceCatalog catalog) {
    Objects.requireNonNull(device, "device");
    return instructions.forDevice(catalog.variantsFor(device.model()), device.iosMajor());
  }

  /**
   * The message for the customer that fits this phone (the catalogue's variants for its model, its
   * iOS major), labelled when more than one may apply; empty when the step has none.
   */
  public List<InstructionBlock> customerMessageFor(Device device, DeviceCatalog catalog) {
    Objects.requireNonNull(device, "device");
    return StepInstructions.Tailored.blocks(
        customerMessage, catalog.variantsFor(device.model()), device.iosMajor());
  }

  /** The same step with this customer message. */
  public PlaybookStep withCustomerMessage(List<InstructionCase> message) {
    return new PlaybookStep(
        key,
        number,
        version,
        title,
        whyItMatters,
        check,
        instructions,
        fixOptions,
        cost,
        riskNote,
        detectsOutage,
        intrusive,
        message);
  }

  /**
   * Whether the other step says exactly the same (texts, instructions, fixes, cost and marks),
   * wherever it stands and whatever its version: a step whose content changes gets a new version.
   */
  public boolean sameContentAs(PlaybookStep other) {
    return other != null
        && key.equals(other.key)
        && title.equals(other.title)
        && whyItMatters.equals(other.whyItMatters)
        && check.equals(other.check)
        && instructions.cases().equals(other.instructions.cases())
        && fixOptions.equals(other.fixOptions)
        && cost == other.cost
        && riskNote.equals(other.riskNote)
        && detectsOutage == other.detectsOutage
        && intrusive == other.intrusive
        && customerMessage.equals(other.customerMessage);
  }

  /** This step at another position and version, with the same content. */
  public PlaybookStep renumbered(int newNumber, int newVersion) {
    return new PlaybookStep(
        key,
        newNumber,
        newVersion,
        title,
        whyItMatters,
        check,
        instructions,
        fixOptions,
        cost,
        riskNote,
        detectsOutage,
        intrusive,
        customerMessage);
  }
}
