package io.backupdesk.web.ticket.ui;

import io.backupdesk.web.identity.AgentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Display names for the user names stored on tickets and timelines. */
@ApplicationScoped
public class AgentNames {

  /** An agent to pick in the assignee select. */
  public record Choice(String username, String displayName) {}

  private final AgentRepository agents;

  AgentNames(AgentRepository agents) {
    this.agents = agents;
  }

  /** Every account's display name by user name, disabled ones included (old timelines). */
  public Map<String, String> all() {
    return agents.displayNames();
  }

  /** The accounts a ticket can be assigned to, by display name. */
  public List<Choice> assignable() {
    return agents.enabledAgents().stream().map(a -> new Choice(a.username, a.displayName)).toList();
  }
}
