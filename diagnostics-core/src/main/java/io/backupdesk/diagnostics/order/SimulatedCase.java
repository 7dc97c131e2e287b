package io.backupdesk.diagnostics.order;

import java.util.Objects;

/**
 * One simulated customer: the walk as it would be recorded, and what only the simulation knows: the
 * case's real cause (null when no step's condition explains it), whether its fix worked, and the
 * oracle, the best allowed order for this phone under the truth itself (with its forecast).
 */
public record SimulatedCase(WalkRecord walk, String cause, boolean fixWorks, OrderForecast oracle) {
  public SimulatedCase {
    Objects.requireNonNull(walk, "walk");
    Objects.requireNonNull(oracle, "oracle");
  }
}
