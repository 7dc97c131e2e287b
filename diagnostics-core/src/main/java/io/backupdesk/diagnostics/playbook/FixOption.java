package io.backupdesk.diagnostics.playbook;

import java.util.Objects;

/**
 * One way to fix what a step found. {@code requiresConsent} marks fixes that delete or reset
 * something of the customer's, which the agent may only apply with the customer's agreement.
 */
public record FixOption(
    String key, String label, String instructions, boolean requiresConsent, Cost cost) {
  public FixOption {
    key = Texts.requireSlug(key, "fix option key");
    label = Texts.require(label, "label of fix " + key);
    instructions = Texts.require(instructions, "instructions of fix " + key);
    Objects.requireNonNull(cost, "cost");
  }
}
