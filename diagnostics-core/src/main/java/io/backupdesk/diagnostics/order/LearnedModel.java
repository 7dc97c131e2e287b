package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One trained model of the step order, a value the web stores as a versioned row: when it was
 * trained, on which window of walks, with which settings, and per segment what was learned.
 * Diagnoses that walk its orders record its version.
 *
 * @param version 1 for the first model, one more for each retraining
 * @param playbookVersion the playbook whose steps it orders
 * @param dataFrom first moment of the data window (walks started at or after it)
 * @param dataTo end of the data window (walks started before it)
 * @param walks walks in the window that the model learned from
 * @param walksIgnored walks in the window it could not use (a step this playbook does not have)
 * @param segments the widest segment first, then every narrower one with enough walks
 */
public record LearnedModel(
    int version,
    int playbookVersion,
    Instant trainedAt,
    Instant dataFrom,
    Instant dataTo,
    int walks,
    int walksIgnored,
    LearningSettings settings,
    List<SegmentEstimate> segments) {

  public LearnedModel {
    if (version < 1) {
      throw new IllegalArgumentException("Model versions start at 1");
    }
    Objects.requireNonNull(trainedAt, "trainedAt");
    Objects.requireNonNull(dataFrom, "dataFrom");
    Objects.requireNonNull(dataTo, "dataTo");
    Objects.requireNonNull(settings, "settings");
    segments = List.copyOf(segments);
    if (segments.isEmpty() || !segments.get(0).segment().equals(Segment.ALL.key())) {
      throw new IllegalArgumentException("A model starts with the segment of all phones");
    }
  }

  public Optional<SegmentEstimate> segment(String key) {
    return segments.stream().filter(s -> s.segment().equals(key)).findFirst();
  }

  /** The narrowest segment of this phone that the model has figures for. */
  public SegmentEstimate segmentFor(Device device) {
    for (Segment segment : Segment.chainFor(device)) {
      Optional<SegmentEstimate> found = segment(segment.key());
      if (found.isPresent()) {
        return found.get();
      }
    }
    return segments.get(0);
  }

  /** The best allowed order for this phone under the model. */
  public StepOrder learnedOrder(Device device) {
    return segmentFor(device).learnedOrder();
  }
}
