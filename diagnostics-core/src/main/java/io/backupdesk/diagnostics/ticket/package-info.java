/**
 * Tickets: the customer's case around one or more diagnoses, the moves between its states, and its
 * timeline ({@link io.backupdesk.diagnostics.ticket.TicketCase}). Tickets know diagnoses; diagnoses
 * know nothing of tickets.
 */
package io.backupdesk.diagnostics.ticket;
