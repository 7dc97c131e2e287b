package io.backupdesk.diagnostics.playbook.draft;

import io.backupdesk.diagnostics.playbook.FixOption;

/**
 * A fix option in editable form, as a playbook file writes it: texts as typed, the cost as its name
 * ({@code LOW}, {@code MEDIUM}, {@code HIGH}) and both consent marks spelled out (null until
 * someone decides them, which validation refuses).
 */
public record FixOptionDraft(
    String key,
    String label,
    String instructions,
    Boolean changesData,
    Boolean costsMoney,
    String cost) {

  public static FixOptionDraft from(FixOption option) {
    return new FixOptionDraft(
        option.key(),
        option.label(),
        option.instructions(),
        option.changesData(),
        option.costsMoney(),
        option.cost().name());
  }

  public FixOptionDraft withKey(String newKey) {
    return new FixOptionDraft(newKey, label, instructions, changesData, costsMoney, cost);
  }

  public FixOptionDraft withLabel(String newLabel) {
    return new FixOptionDraft(key, newLabel, instructions, changesData, costsMoney, cost);
  }

  public FixOptionDraft withInstructions(String newInstructions) {
    return new FixOptionDraft(key, label, newInstructions, changesData, costsMoney, cost);
  }

  public FixOptionDraft withChangesData(Boolean newChangesData) {
    return new FixOptionDraft(key, label, instructions, newChangesData, costsMoney, cost);
  }

  public FixOptionDraft withCostsMoney(Boolean newCostsMoney) {
    return new FixOptionDraft(key, label, instructions, changesData, newCostsMoney, cost);
  }

  public FixOptionDraft withCost(String newCost) {
    return new FixOptionDraft(key, label, instructions, changesData, costsMoney, newCost);
  }
}
