package io.backupdesk.web.identity;

import io.backupdesk.web.common.ui.AgentTimeZones;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the identity of a signed-in account; the role hierarchy is added by an augmentor. */
public final class Identities {

  /** The account's display name, read with the credential (what the layout greets by). */
  public static final String DISPLAY_NAME = "displayName";

  private Identities() {}

  static SecurityIdentity of(Agent agent) {
    return of(
        new Credentials.Account(agent.username, agent.displayName, agent.role, agent.timeZone));
  }

  static SecurityIdentity of(Credentials.Account account) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(account.username()))
        .addRole(account.role().value())
        .addAttribute(DISPLAY_NAME, account.displayName())
        .addAttribute(
            AgentTimeZones.IDENTITY_ATTRIBUTE, account.timeZone() == null ? "" : account.timeZone())
        .build();
  }

  static String ip(io.vertx.ext.web.RoutingContext routing) {
    if (routing == null || routing.request().remoteAddress() == null) {
      return null;
    }
    return routing.request().remoteAddress().hostAddress();
  }
}
