package io.backupdesk.web.identity;

import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.Limits;
import io.backupdesk.web.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Issues, lists, checks and revokes personal API tokens. */
@ApplicationScoped
@Transactional
public class TokenService {

  /** What the owner sees once: the secret is not stored and cannot be shown again. */
  public record IssuedToken(ApiToken token, String secret) {}

  static final String SECRET_PREFIX = "bd_";
  private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

  @Inject ApiTokenRepository tokens;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public IssuedToken issue(String owner, String name, Instant expiresAt) {
    var label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > Limits.TOKEN_NAME) {
      throw new InvalidInputException(
          "name", "Give the token a name of 1 to 80 characters, e.g. 'warehouse sync'.");
    }
    Instant now = clock.instant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new InvalidInputException("expiresAt", "Choose an expiry date in the future.");
    }
    if (expiresAt != null && expiresAt.isAfter(LATEST_EXPIRY)) {
      // The database's timestamps end in the year 294276; ISO dates as clients write them, at 9999.
      throw new InvalidInputException(
          "expiresAt", "Choose an expiry date before the year 10000, or none for no expiry.");
    }
    var secret = SECRET_PREFIX + Secrets.random(32);
    var token = new ApiToken();
    token.agent = owner;
    token.name = label;
    token.tokenHash = Secrets.sha256(secret);
    token.prefix = secret.substring(0, 10);
    token.createdAt = now;
    token.expiresAt = expiresAt;
    tokens.persist(token);
    audit.record(AuditEntry.Action.TOKEN_CREATED, owner, "token " + token.prefix, label, null);
    return new IssuedToken(token, secret);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ApiToken> tokensOf(String owner) {
    return tokens.tokensOf(owner);
  }

  /** Revokes a token of {@code owner}; an admin may pass the owner of any token. */
  public void revoke(String owner, long id, String actor) {
    var token = tokens.tokenOf(owner, id).orElseThrow(() -> new NotFoundException("Token", id));
    if (token.revokedAt == null) {
      token.revokedAt = clock.instant();
      audit.record(
          AuditEntry.Action.TOKEN_REVOKED,
          actor,
          "token " + token.prefix + " of " + owner,
          token.name,
          null);
    }
  }

  public void revokeAllOf(String owner) {
    tokens.revokeAllOf(owner, clock.instant());
  }

  /** Whether a presented secret has the shape of one this service issued. */
  static boolean looksLikeToken(String secret) {
    return secret != null && secret.startsWith(SECRET_PREFIX);
  }
}
