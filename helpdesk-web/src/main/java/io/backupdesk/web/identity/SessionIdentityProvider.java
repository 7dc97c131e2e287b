package io.backupdesk.web.identity;

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

  private final SessionRegistry sessions;

  SessionIdentityProvider(SessionRegistry sessions) {
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
            sessions
                .liveAccount(request.getPrincipal(), routing)
                .map(Identities::of)
                .orElseThrow(
                    () ->
                        new AuthenticationFailedException(
                            "The session has ended; sign in again.")));
  }
}
