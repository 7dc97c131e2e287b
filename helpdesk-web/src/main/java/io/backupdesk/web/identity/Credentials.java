package io.backupdesk.web.identity;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The check every signed-in request makes: does the presented token or session still count, and for
 * which enabled account. One statement reads the credential and its account together, on a
 * connection in autocommit; the rare write (when it was last used, at most once a minute for a
 * token and every five minutes for a session) is a conditional update of its own.
 *
 * <p>Plain JDBC on purpose: authentication runs before the request has a context, and through the
 * ORM it needed a transaction of its own on every request (BEGIN, a token lookup, an account
 * lookup, COMMIT, a persistence context to flush), which cost the queue a large share of its time
 * (bench/RESULTS.md, "Hot paths").
 */
@ApplicationScoped
class Credentials {

  /** What an identity is made of. */
  record Account(String username, String displayName, Role role, String timeZone) {}

  static final Duration TOKEN_USE_PRECISION = Duration.ofMinutes(1);
  static final Duration SESSION_USE_PRECISION = Duration.ofMinutes(5);

  private static final String TOKEN =
      """
      SELECT a.username, a.display_name, a.role, a.time_zone, t.id, t.last_used_at
      FROM api_token t JOIN agent a ON a.username = t.agent
      WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
        AND a.enabled
      """;
  private static final String TOKEN_USED =
      "UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)";
  private static final String SESSION =
      """
      SELECT a.username, a.display_name, a.role, a.time_zone, s.last_seen_at
      FROM agent_session s JOIN agent a ON a.username = s.agent
      WHERE s.id_hash = ? AND s.revoked_at IS NULL AND s.agent = ? AND a.enabled
      """;
  private static final String SESSION_SEEN =
      "UPDATE agent_session SET last_seen_at = ? WHERE id_hash = ? AND last_seen_at < ?";

  private final AgroalDataSource dataSource;

  Credentials(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The enabled account of an active token with this hash. */
  Optional<Account> token(String tokenHash, Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var read = c.prepareStatement(TOKEN)) {
      read.setString(1, tokenHash);
      read.setObject(2, at(now));
      try (ResultSet r = read.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        var account = account(r);
        var used = r.getObject(6, OffsetDateTime.class);
        Instant stale = now.minus(TOKEN_USE_PRECISION);
        if (used == null || used.toInstant().isBefore(stale)) {
          // Reads stay reads: a script calling many times a second writes once a minute.
          try (var write = c.prepareStatement(TOKEN_USED)) {
            write.setObject(1, at(now));
            write.setLong(2, r.getLong(5));
            write.setObject(3, at(stale));
            write.executeUpdate();
          }
        }
        return Optional.of(account);
      }
    }
  }

  /** The enabled account {@code username} of a live session with this hash. */
  Optional<Account> session(String idHash, String username, Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var read = c.prepareStatement(SESSION)) {
      read.setString(1, idHash);
      read.setString(2, username);
      try (ResultSet r = read.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        var account = account(r);
        Instant stale = now.minus(SESSION_USE_PRECISION);
        if (r.getObject(5, OffsetDateTime.class).toInstant().isBefore(stale)) {
          try (var write = c.prepareStatement(SESSION_SEEN)) {
            write.setObject(1, at(now));
            write.setString(2, idHash);
            write.setObject(3, at(stale));
            write.executeUpdate();
          }
        }
        return Optional.of(account);
      }
    }
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Account account(ResultSet r) throws SQLException {
    String role = r.getString(3);
    return new Account(
        r.getString(1),
        r.getString(2),
        Role.of(role).orElseThrow(() -> new IllegalStateException("Unknown role " + role)),
        r.getString(4));
  }
}
