package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sets or clears when to chase a customer the ticket waits on. The date is a plan, not a change of
 * the case: it moves no status and adds no timeline line, but it does move the version (two agents
 * planning at once: the second gets 409).
 */
@ApplicationScoped
@Transactional
public class SetFollowUp {

  /** Further ahead than this is not a follow-up but a forgotten ticket. */
  public static final Duration MAX_AHEAD = Duration.ofDays(90);

  @Inject TicketRepository tickets;
  @Inject TicketClocks clocks;
  @Inject Clock clock;

  /** {@code followUpAt} null clears the date. */
  public Ticket handle(long id, Integer expectedVersion, Instant followUpAt) {
    Ticket ticket = tickets.locked(id);
    if (expectedVersion != null && expectedVersion != ticket.version) {
      throw ConflictException.stale(
          "Ticket " + id, expectedVersion, ticket.version, new TicketRef(id));
    }
    if (followUpAt != null) {
      if (ticket.status != TicketStatus.WAITING_ON_CUSTOMER) {
        throw new ConflictException(
            ProblemType.NOT_WAITING_ON_CUSTOMER,
            "Ticket "
                + id
                + " is "
                + ticket.status.label().toLowerCase(java.util.Locale.ROOT)
                + ", not waiting on the customer: a follow-up date is only for a ticket that"
                + " waits on the customer.",
            new TicketRef(id));
      }
      Instant now = clock.instant();
      if (!followUpAt.isAfter(now)) {
        throw new InvalidInputException("followUpAt", "Choose a follow-up time in the future.");
      }
      if (followUpAt.isAfter(now.plus(MAX_AHEAD))) {
        throw new InvalidInputException(
            "followUpAt", "Choose a follow-up time within " + MAX_AHEAD.toDays() + " days.");
      }
    }
    ticket.followUpAt = followUpAt;
    ticket.updatedAt = clock.instant();
    ticket.dueAt = clocks.of(ticket).dueAt();
    tickets.flush();
    return ticket;
  }
}
