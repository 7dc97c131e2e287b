package io.backupdesk.web.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the identity of a browser whose encrypted session cookie named a user: only while that
 * account is enabled and its server-side session is live.
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

  private final AgentRepository agents;
  private final SessionRegistry sessions;

  SessionIdentityProvider(AgentRepository agents, SessionRegistry sessions) {
    this.agents = agents;
    this.sessions = sessions;
  }

  @Override
  public Class<TrustedAuthenticationRequest> getRequestType() {
    return TrustedAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
    var routing = HttpSecurityUtils.getRoutingContextAttribute(request);
    return context.runBlocking(
        () ->
            QuarkusTransaction.requiringNew()
                .call(
                    () -> {
                      var agent =
                          agents.findByUsername(request.getPrincipal()).filter(a -> a.enabled);
                      if (agent.isEmpty()
                          || routing == null
                          || !sessions.isLive(agent.get().username, routing)) {
                        throw new AuthenticationFailedException(
                            "The session has ended; sign in again.");
                      }
                      return Identities.of(agent.get());
                    }));
  }
}
