package io.backupdesk.web.ticket;

import io.backupdesk.web.common.StateRef;

/** A refusal about this ticket: the API shows the ticket as it is now. */
public record TicketRef(long ticketId) implements StateRef {}
