package io.backupdesk.diagnostics.order;

import java.util.Objects;

/**
 * One simulated customer: the walk as it would be recorded, and what only the simulation knows, the
 * case's real cause (null when no step's condition explains it) and whether its fix worked.
 */
public record SimulatedCase(WalkRecord walk, String cause, boolean fixWorks) {
  public SimulatedCase {
    Objects.requireNonNull(walk, "walk");
  }
}
