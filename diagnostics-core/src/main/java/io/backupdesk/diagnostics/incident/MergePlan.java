package io.backupdesk.diagnostics.incident;

import io.backupdesk.diagnostics.ticket.TicketStatus;

/**
 * What merging a duplicate ticket ({@code source}) into another ({@code target}) does to each: the
 * source is closed with a link to the target, the target keeps its status, both timelines are kept
 * as they are and each gets one entry naming the other (the ticket's case words them). {@code
 * alreadyDone} when the source was already merged into this target: nothing to do, nothing to
 * record.
 */
public record MergePlan(
    long sourceId,
    long targetId,
    boolean alreadyDone,
    TicketStatus sourceStatusBefore,
    TicketStatus sourceStatusAfter,
    TicketStatus targetStatus) {}
