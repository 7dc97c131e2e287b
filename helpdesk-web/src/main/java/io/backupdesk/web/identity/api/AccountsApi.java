package io.backupdesk.web.identity.api;

import io.backupdesk.web.common.api.Preconditions;
import io.backupdesk.web.identity.AccountService;
import io.backupdesk.web.identity.AuditEntry;
import io.backupdesk.web.identity.AuditLog;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Account administration and the audit trail, for administrators. */
@Path("/api/v1/admin")
@Tag(name = "Administration")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsApi {

  /** A new account: the password is set by the admin and should be changed by its owner. */
  public record NewAccount(
      @NotBlank(message = "Enter a user name") String username,
      @NotBlank(message = "Enter the person's name") String displayName,
      String email,
      @NotBlank(message = "Choose a role") String role,
      @NotBlank(message = "Set a first password") String password) {}

  /** A change of role or of the enabled flag; {@code version} guards against lost updates. */
  public record AccountChange(String role, Boolean enabled, Integer version) {}

  /** A new password set by an administrator. */
  public record PasswordReset(
      @NotNull(message = "Enter the new password") String password, Integer version) {}

  /** One line of the audit trail. */
  public record AuditJson(
      long id,
      Instant at,
      String actor,
      AuditEntry.Action action,
      String target,
      String detail,
      String ip) {}

  private final AccountService accounts;
  private final AuditLog audit;
  private final SecurityIdentity identity;

  AccountsApi(AccountService accounts, AuditLog audit, SecurityIdentity identity) {
    this.accounts = accounts;
    this.audit = audit;
    this.identity = identity;
  }

  @GET
  @Path("/accounts")
  @Operation(summary = "List all accounts")
  @APIResponse(responseCode = "200", description = "The accounts, by user name")
  @APIResponse(responseCode = "403", description = "Only administrators manage accounts")
  public List<AccountJson> list() {
    return accounts.all().stream().map(AccountJson::of).toList();
  }

  @POST
  @Path("/accounts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an account")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "400",
      description = "Invalid user name, role or a password under 12 characters")
  @APIResponse(
      responseCode = "409",
      description = "The user name is taken, also by a creation at the same moment")
  @APIResponse(
      responseCode = "503",
      description = io.backupdesk.web.common.api.ProblemResponses.BUSY)
  public Response create(@Valid @NotNull(message = "Send the account as JSON") NewAccount body) {
    var agent =
        accounts.create(
            body.username(),
            body.displayName(),
            body.email(),
            body.role(),
            body.password(),
            actor());
    return Response.created(URI.create("/api/v1/admin/accounts/" + agent.username))
        .entity(AccountJson.of(agent))
        .build();
  }

  @PATCH
  @Path("/accounts/{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change an account's role or disable/enable it (disabling ends its sessions and tokens)")
  @APIResponse(responseCode = "200", description = "The account as it is now")
  @APIResponse(responseCode = "404", description = "No such account")
  @APIResponse(
      responseCode = "409",
      description = "Stale version, own account, or the last administrator")
  public AccountJson change(
      @PathParam("username") String username,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull(message = "Send the change as JSON") AccountChange body) {
    var version = Preconditions.expectedVersion(body.version(), ifMatch);
    var agent = accounts.get(username);
    if (body.role() != null) {
      agent = accounts.changeRole(username, body.role(), version, actor());
      version = null;
    }
    if (body.enabled() != null) {
      agent = accounts.setEnabled(username, body.enabled(), version, actor());
    }
    return AccountJson.of(agent);
  }

  @POST
  @Path("/accounts/{username}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reset an account's password (ends its sessions)")
  @APIResponse(responseCode = "200", description = "The account")
  @APIResponse(responseCode = "400", description = "Password too short or too long")
  @APIResponse(responseCode = "404", description = "No such account")
  public AccountJson resetPassword(
      @PathParam("username") String username,
      @Valid @NotNull(message = "Send the new password as JSON") PasswordReset body) {
    return AccountJson.of(
        accounts.resetPassword(username, body.password(), body.version(), actor()));
  }

  @GET
  @Path("/audit")
  @Operation(summary = "Read the audit trail, newest first")
  @APIResponse(responseCode = "200", description = "Audit entries")
  public List<AuditJson> audit(
      @QueryParam("actor") String actor,
      @QueryParam("action") AuditEntry.Action action,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return audit.newest(Math.max(1, Math.min(limit, 1000)), actor, action).stream()
        .map(e -> new AuditJson(e.id, e.at, e.actor, e.action, e.target, e.detail, e.ip))
        .toList();
  }

  private String actor() {
    return identity.getPrincipal().getName();
  }
}
