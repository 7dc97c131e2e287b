/**
 * Tickets: the customer's case around one or more diagnoses, the moves between its states, and its
 * timeline ({@link io.backupdesk.diagnostics.ticket.TicketCase}), and its clock: the time targets
 * per priority ({@link io.backupdesk.diagnostics.ticket.ServiceTargets}) and what they make of one
 * ticket: due time, overdue, met or missed, follow-up due ({@link
 * io.backupdesk.diagnostics.ticket.TicketClock}). Tickets know diagnoses; diagnoses know nothing of
 * tickets.
 */
package io.backupdesk.diagnostics.ticket;
