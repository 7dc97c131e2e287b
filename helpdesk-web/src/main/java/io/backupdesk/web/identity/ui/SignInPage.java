package io.backupdesk.web.identity.ui;

import io.backupdesk.web.identity.LoginGuard;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The sign-in form that Quarkus form authentication sends visitors to. It posts to {@code
 * /j_security_check}, which Quarkus answers itself, and comes back with {@code ?error=true} when
 * the user name or password is wrong, or the account is locked after too many failures.
 */
@Path("/login")
public class SignInPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(boolean failed, String locked);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance login(
      @QueryParam("error") boolean error,
      @CookieParam(LoginGuard.LOCKED_COOKIE) String lockedMinutes) {
    return Templates.login(error, error ? LoginGuard.lockedNotice(lockedMinutes) : null);
  }
}
