package io.backupdesk.web.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a user name and password (the login form and HTTP Basic): bcrypt via Quarkus' Elytron
 * support, disabled accounts refused, failures counted and audited, throttled accounts refused even
 * with the right password. A form sign-in also opens a server-side session.
 */
@ApplicationScoped
class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

  static final String FORM_POST = "/j_security_check";
  static final String THROTTLED = "backupdesk.throttled";

  private final AgentRepository agents;
  private final LoginGuard guard;
  private final SessionRegistry sessions;
  private final AuditLog audit;

  PasswordIdentityProvider(
      AgentRepository agents, LoginGuard guard, SessionRegistry sessions, AuditLog audit) {
    this.agents = agents;
    this.guard = guard;
    this.sessions = sessions;
    this.audit = audit;
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    var routing = HttpSecurityUtils.getRoutingContextAttribute(request);
    return context.runBlocking(() -> check(request, routing));
  }

  private SecurityIdentity check(
      UsernamePasswordAuthenticationRequest request, io.vertx.ext.web.RoutingContext routing) {
    var username = request.getUsername() == null ? "" : request.getUsername().trim();
    var password = new String(request.getPassword().getPassword());
    if (username.indexOf('\u0000') >= 0 || password.indexOf('\u0000') >= 0) {
      // No account has such a name or password (the API refuses NUL in any text), the database
      // cannot even look for such a name, and bcrypt would take "secret\0" for "secret".
      throw new AuthenticationFailedException("Wrong user name or password.");
    }
    var ip = Identities.ip(routing);
    var locked = guard.lockedFor(username);
    if (locked.isPresent()) {
      audit.record(AuditEntry.Action.LOGIN_THROTTLED, username, username, null, ip);
      if (routing != null) {
        routing.put(THROTTLED, locked.get());
        if (FORM_POST.equals(routing.normalizedPath())) {
          var minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
          routing
              .response()
              .addCookie(
                  io.vertx.core.http.Cookie.cookie(LoginGuard.LOCKED_COOKIE, Long.toString(minutes))
                      .setPath("/login")
                      .setMaxAge(60)
                      .setHttpOnly(true));
        }
      }
      throw new AuthenticationFailedException(LoginGuard.lockedMessage(locked.get()));
    }
    var agent =
        QuarkusTransaction.requiringNew().call(() -> agents.findByUsername(username).orElse(null));
    boolean ok =
        agent != null
            && agent.enabled
            && agent.passwordHash != null
            && BcryptUtil.matches(password, agent.passwordHash);
    if (!ok) {
      guard.recordFailure(username, ip);
      audit.record(
          AuditEntry.Action.LOGIN_FAILED,
          username,
          username,
          agent != null && !agent.enabled ? "account disabled" : "wrong user name or password",
          ip);
      throw new AuthenticationFailedException("Wrong user name or password.");
    }
    guard.clearFailures(username);
    if (routing != null && FORM_POST.equals(routing.normalizedPath())) {
      sessions.open(agent.username, routing);
      audit.record(
          AuditEntry.Action.LOGIN, agent.username, agent.username, "signed in with the form", ip);
    }
    return Identities.of(agent);
  }
}
