package io.backupdesk.diagnostics.ticket;

/**
 * Who a ticket can be handed to. Asked only when a ticket really changes hands; refusing an unknown
 * or disabled account is the directory's business (it throws).
 */
@FunctionalInterface
public interface AgentDirectory {
  AgentName enabledAgent(String username);
}
