package io.backupdesk.diagnostics.ticket;

import java.util.Objects;

/** An agent as the timeline names them: the user name stored, the display name people read. */
public record AgentName(String username, String displayName) {
  public AgentName {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
  }
}
