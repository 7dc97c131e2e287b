package io.backupdesk.web.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Accepts an active personal API token of an enabled account; it acts with the owner's roles. */
@ApplicationScoped
class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  private final TokenService tokens;

  TokenIdentityProvider(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(
        () ->
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        tokens
                            .authenticate(request.getToken().getToken())
                            .map(Identities::of)
                            .orElseThrow(
                                () ->
                                    new AuthenticationFailedException(
                                        "This API token is unknown, expired or revoked."))));
  }
}
