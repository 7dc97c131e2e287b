package io.backupdesk.web.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the identity of a signed-in account; the role hierarchy is added by an augmentor. */
final class Identities {

  static final String DISPLAY_NAME = "displayName";

  private Identities() {}

  static SecurityIdentity of(Agent agent) {
    return of(new Credentials.Account(agent.username, agent.displayName, agent.role));
  }

  static SecurityIdentity of(Credentials.Account account) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(account.username()))
        .addRole(account.role().value())
        .addAttribute(DISPLAY_NAME, account.displayName())
        .build();
  }

  static String ip(io.vertx.ext.web.RoutingContext routing) {
    if (routing == null || routing.request().remoteAddress() == null) {
      return null;
    }
    return routing.request().remoteAddress().hostAddress();
  }
}
