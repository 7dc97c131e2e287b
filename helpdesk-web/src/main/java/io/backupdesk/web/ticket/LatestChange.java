package io.backupdesk.web.ticket;

import io.backupdesk.web.common.ConflictException.LastChange;
import io.backupdesk.web.identity.AgentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The newest line of a ticket's timeline as a person reads it (the agent's name, when, what), so
 * that a page can say who changed the ticket or its diagnosis while the agent was looking at it.
 */
@ApplicationScoped
public class LatestChange {

  private final TicketEventRepository events;
  private final AgentRepository agents;

  LatestChange(TicketEventRepository events, AgentRepository agents) {
    this.events = events;
    this.agents = agents;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<LastChange> of(long ticketId) {
    return events
        .find("ticketId = ?1 order by at desc, id desc", ticketId)
        .firstResultOptional()
        .map(
            e ->
                new LastChange(
                    e.actor == null
                        ? "Someone"
                        : agents.findByUsername(e.actor).map(a -> a.displayName).orElse(e.actor),
                    e.at,
                    e.summary));
  }
}
