package io.backupdesk.diagnostics.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * How often a signal was recorded, across all customers, in one time bucket starting at {@code
 * bucketStart} (aligned to the rule's bucket length since the epoch, UTC).
 */
public record SignalCount(Signal signal, Instant bucketStart, int count) {
  public SignalCount {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(bucketStart, "bucketStart");
    if (count < 0) {
      throw new IllegalArgumentException("A count cannot be negative: " + count);
    }
  }
}
