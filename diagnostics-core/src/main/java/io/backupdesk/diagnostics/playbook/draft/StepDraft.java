package io.backupdesk.diagnostics.playbook.draft;

import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
    return new StepDraft(
        newKey,
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

  public StepDraft withVersion(Integer newVersion) {
    return new StepDraft(
        key,
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

  public StepDraft withTitle(String newTitle) {
    return new StepDraft(
        key,
        version,
        newTitle,
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

  public StepDraft withWhyItMatters(String newWhyItMatters) {
    return new StepDraft(
        key,
        version,
        title,
        newWhyItMatters,
        check,
        instructions,
        fixOptions,
        cost,
        riskNote,
        detectsOutage,
        intrusive,
        customerMessage);
  }

  public StepDraft withCheck(String newCheck) {
    return new StepDraft(
        key,
        version,
        title,
        whyItMatters,
        newCheck,
        instructions,
        fixOptions,
        cost,
        riskNote,
        detectsOutage,
        intrusive,
        customerMessage);
  }

  public StepDraft withInstructions(List<InstructionDraft> newInstructions) {
    return new StepDraft(
        key,
        version,
        title,
        whyItMatters,
        check,
        newInstructions,
        fixOptions,
        cost,
        riskNote,
        detectsOutage,
        intrusive,
        customerMessage);
  }

  public StepDraft withFixOptions(List<FixOptionDraft> newFixOptions) {
    return new StepDraft(
        key,
        version,
        title,
        whyItMatters,
        check,
        instructions,
        newFixOptions,
        cost,
        riskNote,
        detectsOutage,
        intrusive,
        customerMessage);
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
    return new StepDraft(
        key,
        version,
        title,
        whyItMatters,
        check,
        instructions,
        fixOptions,
        newCost,
        riskNote,
        detectsOutage,
        intrusive,
        customerMessage);
  }

  public StepDraft withRiskNote(String newRiskNote) {
    return new StepDraft(
        key,
        version,
        title,
        whyItMatters,
        check,
        instructions,
        fixOptions,
        cost,
        newRiskNote,
        detectsOutage,
        intrusive,
        customerMessage);
  }

  public StepDraft withDetectsOutage(Boolean newDetectsOutage) {
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
        newDetectsOutage,
        intrusive,
        customerMessage);
  }

  public StepDraft withIntrusive(Boolean newIntrusive) {
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
        newIntrusive,
        customerMessage);
  }

  public StepDraft withCustomerMessage(List<InstructionDraft> newCustomerMessage) {
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
        newCustomerMessage);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
