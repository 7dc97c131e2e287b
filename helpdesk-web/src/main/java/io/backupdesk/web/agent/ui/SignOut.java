package io.backupdesk.web.agent.ui;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The header's sign-out button: the encrypted session cookie is the session, so it goes. */
@Path("/logout")
public class SignOut {

  private final SecurityIdentity identity;
  private final String cookieName;

  SignOut(
      SecurityIdentity identity,
      @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
    this.identity = identity;
    this.cookieName = cookieName;
  }

  @POST
  public Response signOut() {
    if (!identity.isAnonymous()) {
      FormAuthenticationMechanism.logout(identity);
    }
    return Response.seeOther(URI.create("/login"))
        .cookie(new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).build())
        .build();
  }
}
