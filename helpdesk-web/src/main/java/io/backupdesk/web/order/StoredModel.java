package io.backupdesk.web.order;

import io.backupdesk.diagnostics.order.LearnedModel;
import io.backupdesk.diagnostics.order.PolicyComparison;
import java.time.Instant;

/**
 * A trained model as stored: the core's model, who asked for it (null: the schedule), and the live
 * off-policy comparison of its learned orders with the article's on the logged walks of its data
 * window (null when that log supports no estimate).
 */
public record StoredModel(LearnedModel model, String trainedBy, PolicyComparison live) {
  public int version() {
    return model.version();
  }

  public Instant trainedAt() {
    return model.trainedAt();
  }
}
