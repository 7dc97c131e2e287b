/** Tickets: the customer's case around one or more diagnoses, and the moves between its states. */
package io.backupdesk.diagnostics.ticket;
