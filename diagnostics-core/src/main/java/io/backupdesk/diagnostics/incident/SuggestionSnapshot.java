package io.backupdesk.diagnostics.incident;

import java.time.Instant;

/**
 * A suggested incident as stored: its evidence, when it was raised, and the supervisor's decision.
 */
public record SuggestionSnapshot(
    Detection detection,
    Instant raisedAt,
    SuggestionStatus status,
    String decidedBy,
    Instant decidedAt,
    String dismissReason) {}
