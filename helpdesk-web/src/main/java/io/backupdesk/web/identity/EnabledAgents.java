package io.backupdesk.web.identity;

import io.backupdesk.diagnostics.ticket.AgentDirectory;
import io.backupdesk.diagnostics.ticket.AgentName;
import io.backupdesk.web.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;

/** Who a ticket can be handed to: an enabled account; anyone else is "not found" (404). */
@ApplicationScoped
class EnabledAgents implements AgentDirectory {

  private final AgentRepository agents;

  EnabledAgents(AgentRepository agents) {
    this.agents = agents;
  }

  @Override
  public AgentName enabledAgent(String username) {
    return agents
        .findByUsername(username)
        .filter(agent -> agent.enabled)
        .map(agent -> new AgentName(agent.username, agent.displayName))
        .orElseThrow(() -> new NotFoundException("Agent", username));
  }
}
