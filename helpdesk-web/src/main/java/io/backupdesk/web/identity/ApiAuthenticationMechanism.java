package io.backupdesk.web.identity;

import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * How scripts and data consumers authenticate on {@code /api}: a personal token as {@code
 * Authorization: Bearer}, or a user name and password as HTTP Basic (throttled like the login
 * form). Unauthenticated calls get 401; a throttled account gets 429 with {@code Retry-After}.
 */
@ApplicationScoped
class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String SCHEME = "api";
  private static final String BEARER = "bearer ";
  private static final String BASIC = "basic ";

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    var header = context.request().getHeader("Authorization");
    if (header == null) {
      return Uni.createFrom().nullItem();
    }
    var lower = header.toLowerCase(java.util.Locale.ROOT);
    AuthenticationRequest request;
    if (lower.startsWith(BEARER)) {
      request =
          new TokenAuthenticationRequest(
              new TokenCredential(header.substring(BEARER.length()).trim(), "bearer"));
    } else if (lower.startsWith(BASIC)) {
      var userAndPassword = decodeBasic(header.substring(BASIC.length()).trim());
      if (userAndPassword == null) {
        return Uni.createFrom()
            .failure(
                new io.quarkus.security.AuthenticationFailedException(
                    "Malformed Basic credentials."));
      }
      request =
          new UsernamePasswordAuthenticationRequest(
              userAndPassword[0], new PasswordCredential(userAndPassword[1].toCharArray()));
    } else {
      return Uni.createFrom().nullItem();
    }
    HttpSecurityUtils.setRoutingContextAttribute(request, context);
    return identityProviderManager.authenticate(request);
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    Object throttled = context.get(PasswordIdentityProvider.THROTTLED);
    if (throttled instanceof java.time.Duration left) {
      return Uni.createFrom()
          .item(
              new ChallengeData(429, "Retry-After", Long.toString(Math.max(1, left.toSeconds()))));
    }
    return Uni.createFrom()
        .item(
            new ChallengeData(
                401,
                "WWW-Authenticate",
                "Bearer realm=\"Backup Desk\", Basic realm=\"Backup Desk\""));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class, UsernamePasswordAuthenticationRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom()
        .item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
  }

  private static String[] decodeBasic(String encoded) {
    try {
      var plain = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      return colon < 0
          ? null
          : new String[] {plain.substring(0, colon), plain.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
