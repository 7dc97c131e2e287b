package io.backupdesk.web.identity;

import io.backupdesk.web.common.Limits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-side sessions on top of Quarkus' encrypted session cookie. The cookie proves who signed
 * in; the session row says whether that sign-in still counts. Sign-out, disabling an account or an
 * admin's "sign out everywhere" revoke rows, and a copied cookie stops working at once.
 */
@ApplicationScoped
public class SessionRegistry {

  public static final String COOKIE = "backupdesk-sid";

  private final AgentSessionRepository sessions;
  private final Credentials credentials;
  private final SecurityConfig config;
  private final Clock clock;

  SessionRegistry(
      AgentSessionRepository sessions,
      Credentials credentials,
      SecurityConfig config,
      Clock clock) {
    this.sessions = sessions;
    this.credentials = credentials;
    this.config = config;
    this.clock = clock;
  }

  /** Opens a session for a successful sign-in and sets its cookie on the response. */
  public void open(String agent, RoutingContext routing) {
    var secret = Secrets.random(32);
    Instant now = clock.instant();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var session = new AgentSession();
              session.idHash = Secrets.sha256(secret);
              session.agent = agent;
              session.createdAt = now;
              session.lastSeenAt = now;
              session.ip =
                  routing.request().remoteAddress() == null
                      ? null
                      : routing.request().remoteAddress().hostAddress();
              var ua = routing.request().getHeader("User-Agent");
              session.userAgent =
                  ua == null ? null : ua.substring(0, Math.min(ua.length(), Limits.USER_AGENT));
              sessions.persist(session);
            });
    routing.response().addCookie(cookie(secret).setMaxAge(Duration.ofHours(12).toSeconds()));
  }

  /**
   * The enabled account {@code agent} if the request's session cookie belongs to a live session of
   * it (the encrypted cookie named the agent; this row says the sign-in still counts).
   */
  Optional<Credentials.Account> liveAccount(String agent, RoutingContext routing) {
    var cookie = routing == null ? null : routing.request().getCookie(COOKIE);
    if (agent == null || cookie == null || cookie.getValue().isBlank()) {
      return Optional.empty();
    }
    try {
      return credentials.session(Secrets.sha256(cookie.getValue()), agent, clock.instant());
    } catch (SQLException e) {
      throw new IllegalStateException("The session could not be checked", e);
    }
  }

  /** Ends the request's own session (sign-out) and clears its cookie. */
  public void close(RoutingContext routing) {
    var cookie = routing.request().getCookie(COOKIE);
    if (cookie != null) {
      var hash = Secrets.sha256(cookie.getValue());
      QuarkusTransaction.requiringNew().run(() -> sessions.revoke(hash, clock.instant()));
    }
    routing.response().addCookie(cookie("").setMaxAge(0));
  }

  /** Ends every session of an account (disabled, password reset, role change). */
  public void closeAll(String agent) {
    QuarkusTransaction.joiningExisting().run(() -> sessions.revokeAllOf(agent, clock.instant()));
  }

  private Cookie cookie(String value) {
    return Cookie.cookie(COOKIE, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSecure(config.secureCookies())
        .setSameSite(CookieSameSite.STRICT);
  }
}
