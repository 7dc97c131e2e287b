package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.playbook.Device;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model's segments by key, and each phone's segment once found: finding it reads the device
 * catalogue, which is too slow to repeat for every walk of a large log.
 */
final class SegmentLookup {
  private static final int MAX_REMEMBERED = 10_000;

  private final LearnedModel model;
  private final Map<String, SegmentEstimate> byKey = new HashMap<>();
  private final Map<Device, SegmentEstimate> byDevice = new ConcurrentHashMap<>();

  SegmentLookup(LearnedModel model) {
    this.model = model;
    for (SegmentEstimate segment : model.segments()) {
      byKey.put(segment.segment(), segment);
    }
  }

  SegmentEstimate segmentFor(Device device) {
    SegmentEstimate known = byDevice.get(device);
    if (known != null) {
      return known;
    }
    SegmentEstimate found = find(device);
    // Free-text versions make the set of devices open-ended: stop remembering past a bound.
    if (byDevice.size() < MAX_REMEMBERED) {
      byDevice.put(device, found);
    }
    return found;
  }

  private SegmentEstimate find(Device device) {
    for (Segment segment : Segment.chainFor(device)) {
      SegmentEstimate found = byKey.get(segment.key());
      if (found != null) {
        return found;
      }
    }
    return model.segments().get(0);
  }
}
