package io.backupdesk.web.identity.ui;

import io.backupdesk.web.identity.AuditEntry;
import io.backupdesk.web.identity.AuditLog;
import io.backupdesk.web.identity.SessionRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The header's sign-out button: ends the server-side session and removes both cookies. */
@Path("/logout")
public class SignOut {

  private final SecurityIdentity identity;
  private final String cookieName;
  private final SessionRegistry sessions;
  private final AuditLog audit;

  SignOut(
      SecurityIdentity identity,
      @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
      SessionRegistry sessions,
      AuditLog audit) {
    this.identity = identity;
    this.cookieName = cookieName;
    this.sessions = sessions;
    this.audit = audit;
  }

  @POST
  public Response signOut(RoutingContext routing) {
    if (!identity.isAnonymous()) {
      FormAuthenticationMechanism.logout(identity);
      audit.record(AuditEntry.Action.LOGOUT, identity.getPrincipal().getName(), null, null, null);
    }
    // The cookie alone could be replayed by whoever copied it; ending the server-side session
    // cannot.
    sessions.close(routing);
    return Response.seeOther(URI.create("/login"))
        .cookie(new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).build())
        .build();
  }
}
