package io.backupdesk.web.identity.ui;

import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.ui.Flash;
import io.backupdesk.web.identity.ApiToken;
import io.backupdesk.web.identity.TokenService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Every agent's own API tokens: the list, a form to create one, and revoke buttons. A new token's
 * secret is shown once, in the response to the post itself (never in a URL, never cached).
 */
@Path("/account/tokens")
@RolesAllowed("agent")
@Produces(MediaType.TEXT_HTML)
public class TokenPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance tokens(TokensPage page);
  }

  /** Everything the tokens page shows; {@code issued} only in the response that created it. */
  public record TokensPage(
      List<Row> tokens,
      TokenForm form,
      Map<String, String> errors,
      Issued issued,
      String message,
      String notice,
      String minExpiry) {
    public String error(String field) {
      return errors.get(field);
    }
  }

  /** One token as listed: never its secret, which is not stored anyway. */
  public record Row(
      long id,
      String name,
      String prefix,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt,
      String state) {
    public boolean revocable() {
      return revokedAt == null;
    }
  }

  /** A token just created, with its secret. */
  public record Issued(String name, String prefix, String secret, Instant expiresAt) {}

  private final TokenService tokens;
  private final CurrentAgent currentAgent;
  private final Clock clock;
  private final Flash flash;

  TokenPages(TokenService tokens, CurrentAgent currentAgent, Clock clock, Flash flash) {
    this.tokens = tokens;
    this.currentAgent = currentAgent;
    this.clock = clock;
    this.flash = flash;
  }

  @GET
  public Response list(@RestQuery Long revoked, @RestCookie(Flash.COOKIE) String flashKey) {
    var issued = flash.take(flashKey, me(), Issued.class).orElse(null);
    var page = Templates.tokens(page(new TokenForm(), Map.of(), issued, null, notice(revoked)));
    var response = Response.ok(page);
    if (flashKey != null) {
      response.cookie(flashCookie("", 0));
    }
    return response.build();
  }

  private String notice(Long revoked) {
    String notice = null;
    if (revoked != null) {
      notice =
          tokens.tokensOf(me()).stream()
              .filter(t -> t.id.equals(revoked) && t.revokedAt != null)
              .findFirst()
              .map(
                  t ->
                      "The token '"
                          + t.name
                          + "' ("
                          + t.prefix
                          + "…) is revoked: it no longer works.")
              .orElse(null);
    }
    return notice;
  }

  @POST
  public Response create(@BeanParam TokenForm form) {
    TokenService.IssuedToken issued;
    try {
      issued = tokens.issue(me(), form.name, lastMoment(form.expiresAt));
    } catch (InvalidInputException e) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(
              Templates.tokens(
                  page(
                      form,
                      Map.of(e.field(), e.getMessage()),
                      null,
                      "The token was not created: see the field marked below.",
                      null)))
          .build();
    }
    var token = issued.token();
    var shown = new Issued(token.name, token.prefix, issued.secret(), token.expiresAt);
    // Post/redirect/get, so that Reload never creates a second token. The secret crosses the
    // redirect on the server (Flash), shown by the next page view only: never in an address, a
    // cookie or a cache (every signed-in page is no-store).
    return Response.seeOther(UriBuilder.fromPath("/account/tokens").build())
        .cookie(flashCookie(flash.put(me(), shown), (int) Flash.LIFETIME_SECONDS))
        .build();
  }

  private static NewCookie flashCookie(String value, int maxAge) {
    return new NewCookie.Builder(Flash.COOKIE)
        .value(value)
        .path("/account/tokens")
        .maxAge(maxAge)
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }

  @POST
  @Path("{id}/revoke")
  public Response revoke(@RestPath long id) {
    tokens.revoke(me(), id, me());
    return Response.seeOther(
            UriBuilder.fromPath("/account/tokens").queryParam("revoked", id).build())
        .build();
  }

  /**
   * A chosen last day becomes the end of that day in UTC: "expires 2026-12-31" still works on that
   * day. Blank means never.
   */
  private static Instant lastMoment(String date) {
    if (date == null || date.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(date.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException e) {
      // Not a date, or one beyond any calendar (+999999999-12-31 has no next day).
      throw new InvalidInputException(
          "expiresAt", "Enter the last day as a date such as 2026-12-31, or leave it empty.");
    }
  }

  private TokensPage page(
      TokenForm form, Map<String, String> errors, Issued issued, String message, String notice) {
    Instant now = clock.instant();
    var rows = tokens.tokensOf(me()).stream().map(t -> row(t, now)).toList();
    return new TokensPage(
        rows,
        form,
        errors,
        issued,
        message,
        notice,
        LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
  }

  private static Row row(ApiToken t, Instant now) {
    String state;
    if (t.revokedAt != null) {
      state = "revoked";
    } else if (!t.isActive(now)) {
      state = "expired";
    } else {
      state = "active";
    }
    return new Row(
        t.id, t.name, t.prefix, t.createdAt, t.expiresAt, t.lastUsedAt, t.revokedAt, state);
  }

  private String me() {
    return currentAgent.username();
  }
}
