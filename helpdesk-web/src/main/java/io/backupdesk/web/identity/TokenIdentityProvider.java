package io.backupdesk.web.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/** Accepts an active personal API token of an enabled account; it acts with the owner's roles. */
@ApplicationScoped
class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  private final Credentials credentials;
  private final Clock clock;

  TokenIdentityProvider(Credentials credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String secret = request.getToken().getToken();
    return context.runBlocking(
        () -> {
          Optional<Credentials.Account> account;
          try {
            account =
                TokenService.looksLikeToken(secret)
                    ? credentials.token(Secrets.sha256(secret), clock.instant())
                    : Optional.empty();
          } catch (SQLException e) {
            throw new IllegalStateException("The token could not be checked", e);
          }
          return account
              .map(Identities::of)
              .orElseThrow(
                  () ->
                      new AuthenticationFailedException(
                          "This API token is unknown, expired or revoked."));
        });
  }
}
