package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import java.util.Objects;

/** How a recorded walk ended, as far as learning and comparing orders are concerned. */
public enum WalkEnding {
  /** A step ended the case: a confirmed fix, or an Apple outage found at the status step. */
  RESOLVED,
  /** Handed on: after the last step, or earlier by the agent's decision. */
  ESCALATED,
  /** Abandoned by the customer or still open: the outcome is not known (censored). */
  STOPPED;

  /** The ending a diagnosis in this status stands for. */
  public static WalkEnding of(DiagnosisStatus status) {
    return switch (Objects.requireNonNull(status, "status")) {
      case RESOLVED, WAITING_ON_APPLE -> RESOLVED;
      case ESCALATED -> ESCALATED;
      case IN_PROGRESS, AWAITING_VERIFICATION, ABANDONED -> STOPPED;
    };
  }
}
