package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.Objects;

/**
 * The order a diagnosis walks, pinned at its start, with the policy that chose it, the model
 * version it came from (none for the article order) and the probability with which the policy chose
 * it (its propensity): without the propensity, outcomes of explored orders could not be reweighted
 * into an honest comparison of policies.
 */
public record OrderChoice(
    StepOrder order, OrderPolicy policy, Integer modelVersion, double propensity) {

  public OrderChoice {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(policy, "policy");
    if (!(propensity > 0 && propensity <= 1)) {
      throw new IllegalArgumentException("A propensity is a probability above 0, at most 1");
    }
    if (policy == OrderPolicy.ARTICLE && modelVersion != null) {
      throw new IllegalArgumentException("The article order comes from no model");
    }
    if (policy != OrderPolicy.ARTICLE && modelVersion == null) {
      throw new IllegalArgumentException("A " + policy + " order names the model it came from");
    }
  }

  /** The article's order, chosen with certainty. */
  public static OrderChoice article(Playbook playbook) {
    return new OrderChoice(StepOrder.article(playbook), OrderPolicy.ARTICLE, null, 1.0);
  }
}
