package io.backupdesk.diagnostics.playbook;

import java.util.Objects;

/**
 * One way to fix what a step found. A fix that deletes or resets something of the customer's
 * ({@code changesData}), or that adds a charge to their bill ({@code costsMoney}), may only be
 * applied with the customer's recorded agreement: both are decisions the customer has to own.
 */
public record FixOption(
    String key,
    String label,
    String instructions,
    boolean changesData,
    boolean costsMoney,
    Cost cost) {
  public FixOption {
    key = Texts.requireSlug(key, "fix option key");
    label = Texts.require(label, "label of fix " + key);
    instructions = Texts.require(instructions, "instructions of fix " + key);
    Objects.requireNonNull(cost, "cost");
  }

  /** The agent records the customer's agreement before applying this fix. */
  public boolean requiresConsent() {
    return changesData || costsMoney;
  }

  /** What the customer agrees to, in words for the consent question; empty when none is needed. */
  public String consentQuestion() {
    if (changesData && costsMoney) {
      return "This fix deletes or resets something and adds a charge: the customer must agree to both.";
    }
    if (changesData) {
      return "This fix deletes or resets something of the customer's: they must agree first.";
    }
    if (costsMoney) {
      return "This fix adds a charge to the customer's bill: they must agree to pay it first.";
    }
    return "";
  }
}
