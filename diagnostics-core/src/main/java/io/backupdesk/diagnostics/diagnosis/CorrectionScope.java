package io.backupdesk.diagnostics.diagnosis;

/**
 * Which results a person may correct. The core does not know roles; the caller maps them (an agent
 * to {@link #OWN_RESULTS_WHILE_OPEN}, a supervisor to {@link #ANY_RESULT_ANY_TIME}).
 */
public enum CorrectionScope {
  /**
   * Only results the person recorded, or whose test backup they answered, and only while the
   * diagnosis has not ended (a paused one counts as open): whoever made the mistake notices it
   * while the customer is still there.
   */
  OWN_RESULTS_WHILE_OPEN,
  /** Anyone's results, also after the diagnosis ended: a supervisor cleaning up the record. */
  ANY_RESULT_ANY_TIME
}
