package io.backupdesk.web.playbook.api;

import static io.backupdesk.web.common.api.ProblemResponses.BAD_REQUEST;
import static io.backupdesk.web.common.api.ProblemResponses.FORBIDDEN;
import static io.backupdesk.web.common.api.ProblemResponses.UNAUTHORIZED;

import io.backupdesk.diagnostics.playbook.CatalogRow;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.playbook.DeviceCatalogs;
import io.backupdesk.web.playbook.PlaybookEditor;
import io.backupdesk.web.playbook.PlaybookVersions;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The latest playbook and the device catalogue; administrators add models. */
@Path("/api/v1/playbook")
@Tag(name = "Playbook", description = "The checks an agent walks through, and the iPhone models")
@RolesAllowed("agent")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = UNAUTHORIZED)
@APIResponse(responseCode = "403", description = FORBIDDEN)
public class PlaybookResource {

  private final PlaybookVersions playbooks;
  private final DeviceCatalogs catalogs;
  private final PlaybookEditor editor;
  private final SecurityIdentity identity;

  PlaybookResource(
      PlaybookVersions playbooks,
      DeviceCatalogs catalogs,
      PlaybookEditor editor,
      SecurityIdentity identity) {
    this.playbooks = playbooks;
    this.catalogs = catalogs;
    this.editor = editor;
    this.identity = identity;
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
  public PlaybookJson playbook(
      @Parameter(description = "A model name from /api/v1/playbook/devices, or `Other`")
          @QueryParam("deviceModel")
          String deviceModel,
      @Parameter(description = "e.g. 17.5") @QueryParam("iosVersion") String iosVersion) {
    return PlaybookJson.of(
        playbooks.latest(), new Device(deviceModel, iosVersion), catalogs.current());
  }

  @GET
  @Path("devices")
  @Operation(
      summary = "List the iPhone models agents can pick, with their button layout",
      description =
          "Retired models are left out (new tickets cannot name them) unless includeRetired=true,"
              + " e.g. to show the model of an older ticket.")
  @APIResponse(
      responseCode = "200",
      description = "The catalogue, oldest model first",
      content = @Content(schema = @Schema(implementation = PlaybookJson.Devices.class)))
  public PlaybookJson.Devices devices(
      @Parameter(description = "Also list retired models") @QueryParam("includeRetired")
          boolean includeRetired) {
    return PlaybookJson.Devices.of(catalogs.current(), includeRetired);
  }

  @POST
  @Path("devices")
  @RolesAllowed("admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add an iPhone model to the catalogue",
      description =
          "Name, family (FACE_ID or HOME_BUTTON) and the iOS majors it runs (lastIos empty while"
              + " Apple still supports it). Agents can pick it at once; no release needed.")
  @APIResponse(
      responseCode = "201",
      description = "The catalogue with the new model",
      content = @Content(schema = @Schema(implementation = PlaybookJson.Devices.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(
      responseCode = "422",
      description = "Every problem of the model (a name already listed, a range that is none)")
  public Response addDevice(NewModel model) {
    if (model == null) {
      throw new InvalidInputException("name", "Send the model as JSON: name, variant, firstIos");
    }
    var catalog =
        editor.addDeviceModel(
            new CatalogRow(model.name(), model.variant(), model.firstIos(), model.lastIos()),
            identity.getPrincipal().getName());
    return Response.status(Response.Status.CREATED)
        .entity(PlaybookJson.Devices.of(catalog))
        .build();
  }

  /** A model to add, as an administrator types it. */
  @Schema(name = "NewDeviceModel")
  public record NewModel(
      @Schema(description = "e.g. iPhone 17", required = true) String name,
      @Schema(description = "FACE_ID or HOME_BUTTON", required = true) String variant,
      @Schema(description = "The iOS major it shipped with", required = true) Integer firstIos,
      @Schema(description = "The last iOS major Apple released for it; empty while supported")
          Integer lastIos) {}
}
