package io.backupdesk.web.identity.ui;

import io.backupdesk.web.identity.AgentRepository;
import io.backupdesk.web.identity.Identities;
import io.backupdesk.web.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The signed-in agent as the layout shows it ({@code inject:currentAgent}): the header greets them
 * by display name, offers the sign-out button and shows the links a role opens.
 */
@Named("currentAgent")
@RequestScoped
public class CurrentAgent {

  private final SecurityIdentity identity;
  private final AgentRepository agents;
  private String displayName;

  CurrentAgent(SecurityIdentity identity, AgentRepository agents) {
    this.identity = identity;
    this.agents = agents;
  }

  public boolean signedIn() {
    return !identity.isAnonymous();
  }

  /** Whether the layout offers the administration pages. */
  public boolean isAdmin() {
    return signedIn() && identity.hasRole(Role.ADMIN.value());
  }

  /** Whether the signed-in person may see what supervisors see (admins included). */
  public boolean isSupervisor() {
    return signedIn() && identity.hasRole(Role.SUPERVISOR.value());
  }

  public String username() {
    return signedIn() ? identity.getPrincipal().getName() : null;
  }

  /**
   * The account's display name; the user name where the database cannot be asked (an error page
   * rendered on an I/O thread) or the account is unknown.
   */
  public String displayName() {
    if (!signedIn()) {
      return "";
    }
    if (displayName == null
        && identity.getAttribute(Identities.DISPLAY_NAME) instanceof String read) {
      displayName = read;
    }
    if (displayName == null) {
      displayName =
          Context.isOnEventLoopThread()
              ? username()
              : agents
                  .findByUsername(username())
                  .map(agent -> agent.displayName)
                  .orElse(username());
    }
    return displayName;
  }
}
