package io.backupdesk.diagnostics.diagnosis;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's decision, during a diagnosis, to walk the remaining steps in the article's order
 * instead of the learned or explored order it started with. Positions before {@code fromPosition}
 * keep the steps already walked; from there on, the steps not yet walked follow the article's
 * order. The original {@link OrderChoice} stays recorded: its propensity is what off-policy
 * estimates reweight by, so an override must be visible next to it, never replace it.
 */
public record OrderOverride(int fromPosition, String agent, Instant at) {
  public OrderOverride {
    if (fromPosition < 1) {
      throw new IllegalArgumentException("Positions in an order start at 1");
    }
    agent = Strings.requireAgent(agent);
    Objects.requireNonNull(at, "at");
  }
}
