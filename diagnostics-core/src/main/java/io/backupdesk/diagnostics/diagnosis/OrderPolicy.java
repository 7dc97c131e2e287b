package io.backupdesk.diagnostics.diagnosis;

/** Who chose the order a diagnosis walks; stored with the diagnosis so outcomes can be compared. */
public enum OrderPolicy {
  /** The playbook's own order: the default, and what an agent may always fall back to. */
  ARTICLE("Article order"),
  /** The best allowed order for the phone's segment under a learned model. */
  LEARNED("Learned order"),
  /** An allowed order near the learned one, drawn at random so the gain can be measured live. */
  EXPLORE("Exploration");

  private final String label;

  OrderPolicy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
