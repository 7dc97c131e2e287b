package io.backupdesk.web.identity.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tells a script whom its credentials belong to: the quickest check of a new API token. */
@Path("/api/v1/me")
@Tag(name = "Accounts")
@RolesAllowed("agent")
public class MeApi {

  /** The signed-in account and its effective roles. */
  public record Me(String username, String displayName, List<String> roles) {}

  private final SecurityIdentity identity;

  MeApi(SecurityIdentity identity) {
    this.identity = identity;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Who am I: the account behind these credentials and its roles")
  @APIResponse(responseCode = "200", description = "The account")
  @APIResponse(responseCode = "401", description = "No or invalid credentials")
  @APIResponse(responseCode = "429", description = "Too many failed sign-ins on this account")
  public Me me() {
    String displayName = identity.getAttribute("displayName");
    return new Me(
        identity.getPrincipal().getName(),
        displayName == null ? identity.getPrincipal().getName() : displayName,
        identity.getRoles().stream().sorted().toList());
  }
}
