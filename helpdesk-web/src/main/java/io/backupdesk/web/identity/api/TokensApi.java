package io.backupdesk.web.identity.api;

import io.backupdesk.web.identity.ApiToken;
import io.backupdesk.web.identity.TokenService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own personal API tokens. */
@Path("/api/v1/me/tokens")
@Tag(name = "Accounts")
@RolesAllowed("agent")
@Produces(MediaType.APPLICATION_JSON)
public class TokensApi {

  /** A token as listed: never its secret. */
  public record TokenJson(
      long id,
      String name,
      String prefix,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    static TokenJson of(ApiToken t) {
      return new TokenJson(
          t.id, t.name, t.prefix, t.createdAt, t.expiresAt, t.lastUsedAt, t.revokedAt);
    }
  }

  /** A just-issued token with its secret, shown this once. */
  public record IssuedTokenJson(TokenJson token, String secret) {}

  /** What to call the new token and when it should stop working (optional). */
  public record NewToken(String name, Instant expiresAt) {}

  private final TokenService tokens;
  private final SecurityIdentity identity;

  TokensApi(TokenService tokens, SecurityIdentity identity) {
    this.tokens = tokens;
    this.identity = identity;
  }

  @GET
  @Operation(summary = "List my API tokens")
  @APIResponse(responseCode = "200", description = "My tokens, newest first")
  public List<TokenJson> list() {
    return tokens.tokensOf(me()).stream().map(TokenJson::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an API token; its secret is in this response only")
  @APIResponse(
      responseCode = "201",
      description = "Created; send the secret as 'Authorization: Bearer <secret>'")
  @APIResponse(responseCode = "400", description = "Missing name or an expiry in the past")
  public Response create(@NotNull(message = "Send the token's name as JSON") NewToken body) {
    var issued = tokens.issue(me(), body.name(), body.expiresAt());
    return Response.status(201)
        .entity(new IssuedTokenJson(TokenJson.of(issued.token()), issued.secret()))
        .build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Revoke one of my API tokens")
  @APIResponse(responseCode = "204", description = "Revoked (also if it already was)")
  @APIResponse(responseCode = "404", description = "No such token of mine")
  public void revoke(@PathParam("id") long id) {
    tokens.revoke(me(), id, me());
  }

  private String me() {
    return identity.getPrincipal().getName();
  }
}
