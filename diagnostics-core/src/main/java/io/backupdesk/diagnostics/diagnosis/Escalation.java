package io.backupdesk.diagnostics.diagnosis;

import java.util.Objects;

/**
 * A diagnosis handed on because the playbook did not make the backup work. Automatic escalations
 * happen when every step is done and the backup still fails; the rest are an agent's decision.
 */
public record Escalation(EscalationTarget target, String reason, boolean automatic) {
  public Escalation {
    Objects.requireNonNull(target, "target");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("An escalation needs a reason");
    }
    reason = reason.strip();
  }
}
