package io.backupdesk.diagnostics.playbook.draft;

import java.util.List;

/**
 * What happened to one step (by key) between two playbook versions, with its number and version on
 * each side (null on the side where it does not exist) and the fields that differ.
 */
public record StepChange(
    String key,
    Kind kind,
    Integer numberBefore,
    Integer numberAfter,
    Integer versionBefore,
    Integer versionAfter,
    List<FieldChange> changes) {

  /** How the step changed; a changed step may also have moved. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED,
    MOVED,
    UNCHANGED
  }

  public StepChange {
    changes = List.copyOf(changes);
  }

  public boolean moved() {
    return numberBefore != null && numberAfter != null && !numberBefore.equals(numberAfter);
  }
}
