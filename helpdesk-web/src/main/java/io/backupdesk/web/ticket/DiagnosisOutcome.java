package io.backupdesk.web.ticket;

import java.time.Instant;

/**
 * One diagnosis of a ticket as the customer page lists it: when, by whom, how far it got and how it
 * ended, in words ({@code outcome}: "Resolved at step 4 · Delete an app's backed-up data").
 */
public record DiagnosisOutcome(
    long ticketId,
    int attempt,
    String status,
    String outcome,
    int stepsDone,
    int steps,
    String startedBy,
    Instant startedAt,
    Instant endedAt) {}
