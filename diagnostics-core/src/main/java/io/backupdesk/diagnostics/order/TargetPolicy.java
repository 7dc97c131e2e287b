package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.Objects;

/**
 * A way of choosing orders whose value the off-policy estimate judges from logged walks: the
 * probability with which it would give this phone this order.
 */
public interface TargetPolicy {
  double probabilityOf(Device device, StepOrder order);

  /** Always the article's order. */
  static TargetPolicy article(Playbook playbook) {
    StepOrder article = StepOrder.article(Objects.requireNonNull(playbook, "playbook"));
    return (device, order) -> article.equals(order) ? 1 : 0;
  }

  /** Always the model's learned order for the phone's segment, never exploring. */
  static TargetPolicy learned(LearnedModel model) {
    SegmentLookup lookup = new SegmentLookup(Objects.requireNonNull(model, "model"));
    return (device, order) -> lookup.segmentFor(device).learnedOrder().equals(order) ? 1 : 0;
  }
}
