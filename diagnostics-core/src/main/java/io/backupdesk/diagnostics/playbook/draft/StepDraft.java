package io.backupdesk.diagnostics.playbook.draft;

import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A step in editable form, as a playbook file writes it. Its position is its place in the draft's
 * list; {@code version} is the step version it carries in a published playbook (empty on content
 * not published yet) and is assigned anew on publishing, never taken from the draft.
 */
public record StepDraft(
    String key,
    Integer version,
    String title,
    String whyItMatters,
    String check,
    List<InstructionDraft> instructions,
    List<FixOptionDraft> fixOptions,
    String cost,
    String riskNote,
    Boolean detectsOutage,
    Boolean intrusive,
    List<InstructionDraft> customerMessage) {

  public StepDraft {
    // A file may hold nulls inside its lists: keep them, so validation can point at them.
    instructions = copy(instructions);
    fixOptions = copy(fixOptions);
    customerMessage = copy(customerMessage);
  }

  public static StepDraft from(PlaybookStep step) {
    return new StepDraft(
        step.key(),
        step.version(),
        step.title(),
        step.whyItMatters(),
        step.check(),
        step.instructions().cases().stream().map(InstructionDraft::from).toList(),
        step.fixOptions().stream().map(FixOptionDraft::from).toList(),
        step.cost().name(),
        step.riskNote(),
        step.detectsOutage(),
        step.intrusive(),
        step.customerMessage().stream().map(InstructionDraft::from).toList());
  }

  /**
   * A new step's bare content, for the editor's "add a step": harmless and unmarked until edited.
   */
  public static StepDraft blank(String key, String title) {
    return new StepDraft(
        key, null, title, null, null, List.of(), List.of(), "LOW", null, false, false, List.of());
  }

  public Optional<FixOptionDraft> fixOption(String fixKey) {
    return fixOptions.stream()
        .filter(Objects::nonNull)
        .filter(option -> Objects.equals(option.key(), fixKey))
        .findFirst();
  }

  public StepDraft withKey(String newKey) {
    return with(p -> p.key = newKey);
  }

  public StepDraft withVersion(Integer newVersion) {
    return with(p -> p.version = newVersion);
  }

  public StepDraft withTitle(String newTitle) {
    return with(p -> p.title = newTitle);
  }

  public StepDraft withWhyItMatters(String newWhyItMatters) {
    return with(p -> p.whyItMatters = newWhyItMatters);
  }

  public StepDraft withCheck(String newCheck) {
    return with(p -> p.check = newCheck);
  }

  public StepDraft withInstructions(List<InstructionDraft> newInstructions) {
    return with(p -> p.instructions = newInstructions);
  }

  public StepDraft withFixOptions(List<FixOptionDraft> newFixOptions) {
    return with(p -> p.fixOptions = newFixOptions);
  }

  /** Replaces the fix option with this key; a key the step does not offer is refused. */
  public StepDraft withFixOption(String fixKey, FixOptionDraft replacement) {
    List<FixOptionDraft> options = new ArrayList<>(fixOptions);
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i) != null && Objects.equals(options.get(i).key(), fixKey)) {
        options.set(i, replacement);
        return withFixOptions(options);
      }
    }
    throw new DraftEditException(
        "Step '" + key + "' has no fix option '" + fixKey + "': add it instead");
  }

  /** Adds a fix option at the end; a key the step already offers is refused. */
  public StepDraft addFixOption(FixOptionDraft option) {
    Objects.requireNonNull(option, "option");
    if (fixOption(option.key()).isPresent()) {
      throw new DraftEditException(
          "Step '" + key + "' already offers fix '" + option.key() + "': choose another key");
    }
    List<FixOptionDraft> options = new ArrayList<>(fixOptions);
    options.add(option);
    return withFixOptions(options);
  }

  /** Removes the fix option with this key; removing one that is not there changes nothing. */
  public StepDraft removeFixOption(String fixKey) {
    return withFixOptions(
        fixOptions.stream()
            .filter(option -> option == null || !Objects.equals(option.key(), fixKey))
            .toList());
  }

  public StepDraft withCost(String newCost) {
    return with(p -> p.cost = newCost);
  }

  public StepDraft withRiskNote(String newRiskNote) {
    return with(p -> p.riskNote = newRiskNote);
  }

  public StepDraft withDetectsOutage(Boolean newDetectsOutage) {
    return with(p -> p.detectsOutage = newDetectsOutage);
  }

  public StepDraft withIntrusive(Boolean newIntrusive) {
    return with(p -> p.intrusive = newIntrusive);
  }

  public StepDraft withCustomerMessage(List<InstructionDraft> newCustomerMessage) {
    return with(p -> p.customerMessage = newCustomerMessage);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /**
   * A copy with some parts changed. Every {@code with...} goes through here, so the record's parts
   * are listed once for copying ({@link Parts}) rather than once per wither.
   */
  private StepDraft with(Consumer<Parts> change) {
    var parts = new Parts(this);
    change.accept(parts);
    return parts.draft();
  }

  /** The parts of a draft step while a copy is being changed. */
  private static final class Parts {
    String key;
    Integer version;
    String title;
    String whyItMatters;
    String check;
    List<InstructionDraft> instructions;
    List<FixOptionDraft> fixOptions;
    String cost;
    String riskNote;
    Boolean detectsOutage;
    Boolean intrusive;
    List<InstructionDraft> customerMessage;

    Parts(StepDraft d) {
      key = d.key;
      version = d.version;
      title = d.title;
      whyItMatters = d.whyItMatters;
      check = d.check;
      instructions = d.instructions;
      fixOptions = d.fixOptions;
      cost = d.cost;
      riskNote = d.riskNote;
      detectsOutage = d.detectsOutage;
      intrusive = d.intrusive;
      customerMessage = d.customerMessage;
    }

    StepDraft draft() {
      return new StepDraft(
          key,
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
          customerMessage);
    }
  }
}
