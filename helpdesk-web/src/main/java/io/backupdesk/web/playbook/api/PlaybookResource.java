package io.backupdesk.web.playbook.api;

import static io.backupdesk.web.common.api.ProblemResponses.FORBIDDEN;
import static io.backupdesk.web.common.api.ProblemResponses.UNAUTHORIZED;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.Playbooks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The nine-step playbook and the device catalogue, read-only. */
@Path("/api/v1/playbook")
@Tag(name = "Playbook", description = "The checks an agent walks through, and the iPhone models")
@RolesAllowed("agent")
@Produces(MediaType.APPLICATION_JSON)
public class PlaybookResource {

  private final Playbooks playbooks;

  PlaybookResource(Playbooks playbooks) {
    this.playbooks = playbooks;
  }

  @GET
  @Operation(
      summary = "Read the current playbook for a device",
      description =
          "Every step with its fix options and the instructions for the given device. An unknown"
              + " or absent model gets both button-layout variants, an absent iOS version both"
              + " iOS ranges, each block labelled.")
  @APIResponse(
      responseCode = "200",
      description = "The playbook",
      content = @Content(schema = @Schema(implementation = PlaybookJson.class)))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = FORBIDDEN)
  public PlaybookJson playbook(
      @Parameter(description = "A model name from /api/v1/playbook/devices, or `Other`")
          @QueryParam("deviceModel")
          String deviceModel,
      @Parameter(description = "e.g. 17.5") @QueryParam("iosVersion") String iosVersion) {
    return PlaybookJson.of(playbooks.current(), new Device(deviceModel, iosVersion));
  }

  @GET
  @Path("devices")
  @Operation(summary = "List the iPhone models agents can pick, with their button layout")
  @APIResponse(
      responseCode = "200",
      description = "The catalogue, oldest model first",
      content = @Content(schema = @Schema(implementation = PlaybookJson.Devices.class)))
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = FORBIDDEN)
  public PlaybookJson.Devices devices() {
    return PlaybookJson.Devices.of(DeviceCatalog.standard());
  }
}
