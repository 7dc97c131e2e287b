package io.backupdesk.web.order;

import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.OrderPolicy;
import io.backupdesk.diagnostics.order.Estimate;
import io.backupdesk.diagnostics.order.LearnedModel;
import io.backupdesk.diagnostics.order.Segment;
import io.backupdesk.diagnostics.order.SegmentEstimate;
import io.backupdesk.diagnostics.order.StepEstimate;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a step comes now in a learned or explored order, in the model's own figures: "Resolves 31% of
 * iPhone 8 on iOS 16 cases that reach it, in about 4 minutes." Read from the model version the
 * diagnosis was started with, so the reason matches the order the agent walks.
 */
@ApplicationScoped
public class StepReasons {

  @Inject OrderModels models;

  /**
   * The reason for {@code step} at its place in {@code walked}; empty for an article-order
   * diagnosis (the article is its own reason) or when the model is gone.
   */
  public Optional<String> reason(
      OrderChoice choice, Device device, StepOrder walked, PlaybookStep step) {
    if (choice.policy() == OrderPolicy.ARTICLE || choice.modelVersion() == null) {
      return Optional.empty();
    }
    Optional<LearnedModel> model = models.version(choice.modelVersion()).map(StoredModel::model);
    if (model.isEmpty() || walked.positionOf(step.key()) == 0) {
      return Optional.empty();
    }
    SegmentEstimate segment = model.get().segmentFor(device);
    Estimate chance = segment.chanceWhenReached(walked, step.key());
    StepEstimate figures = segment.step(step.key());
    double minutes =
        chance.value() * figures.minutesIfResolved()
            + (1 - chance.value()) * figures.checkMinutes();
    String whose = segment.segment().equals(Segment.ALL.key()) ? "" : segment.label() + " ";
    String text =
        String.format(
            Locale.ROOT,
            "Resolves %d%% of %scases that reach it, in about %d minutes",
            Math.round(100 * chance.value()),
            whose,
            Math.max(1, Math.round(minutes)));
    String source =
        choice.policy() == OrderPolicy.EXPLORE
            ? " (an order drawn near the learned one, to measure the gain; model v"
                + choice.modelVersion()
                + ")."
            : " (learned order, model v" + choice.modelVersion() + ").";
    return Optional.of(text + source);
  }
}
