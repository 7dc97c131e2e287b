package io.backupdesk.web.playbook.api;

import static io.backupdesk.web.common.api.ProblemResponses.BAD_REQUEST;
import static io.backupdesk.web.common.api.ProblemResponses.FORBIDDEN;
import static io.backupdesk.web.common.api.ProblemResponses.UNAUTHORIZED;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.FieldProblem;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.playbook.Validated;
import io.backupdesk.diagnostics.playbook.draft.DraftEditException;
import io.backupdesk.diagnostics.playbook.draft.PlaybookDiff;
import io.backupdesk.diagnostics.playbook.draft.PlaybookDraft;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.playbook.DeviceCatalogs;
import io.backupdesk.web.playbook.PlaybookComparison;
import io.backupdesk.web.playbook.PlaybookEditor;
import io.backupdesk.web.playbook.PlaybookFiles;
import io.backupdesk.web.playbook.PlaybookVersions;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The playbook as versioned data: the draft administrators edit, its validation and preview,
 * publishing, the published versions as JSON or YAML files (export and import), the difference
 * between two versions, and the comparison of their results. The web module only stores and loads:
 * every rule is the core's.
 */
@Path("/api/v1/playbooks")
@Tag(
    name = "Playbook editing",
    description = "Draft, publish, export and import playbook versions; compare their results")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = UNAUTHORIZED)
@APIResponse(responseCode = "403", description = FORBIDDEN)
public class PlaybookEditorResource {

  static final String YAML = "application/yaml";
  static final String STALE =
      "Someone else changed the draft since your revision: the problem's"
          + " `currentState` is the draft as it is now, with who changed it";
  static final String STALE_MODEL =
      "Someone else changed the model since your revision: the problem's `currentState` is the"
          + " model as it is now, with who changed it";
  static final String INVALID =
      "Every problem at once, each in `errors` with the path of its"
          + " field (e.g. `steps[7].instructions[0].lines[0]`); nothing was stored";

  private final PlaybookEditor editor;
  private final PlaybookVersions versions;
  private final DeviceCatalogs catalogs;
  private final PlaybookComparison comparison;
  private final SecurityIdentity identity;

  PlaybookEditorResource(
      PlaybookEditor editor,
      PlaybookVersions versions,
      DeviceCatalogs catalogs,
      PlaybookComparison comparison,
      SecurityIdentity identity) {
    this.editor = editor;
    this.versions = versions;
    this.catalogs = catalogs;
    this.comparison = comparison;
    this.identity = identity;
  }

  @GET
  @Path("draft")
  @Operation(
      summary = "Read the draft",
      description = "The shared draft, created from the latest version on first use.")
  @APIResponse(
      responseCode = "200",
      description = "The draft",
      content = @Content(schema = @Schema(implementation = DraftJson.class)))
  public DraftJson draft() {
    return DraftJson.of(editor.draft());
  }

  @PUT
  @Path("draft")
  @Consumes({MediaType.APPLICATION_JSON, YAML})
  @Operation(
      summary = "Replace the draft's content",
      description =
          "The body has the shape of an exported version file (JSON or YAML). A draft may be"
              + " invalid as a playbook (that is checked when publishing), but not as a file:"
              + " unknown fields, wrong types and repeated keys are refused.")
  @APIResponse(
      responseCode = "200",
      description = "The saved draft, with its new revision",
      content = @Content(schema = @Schema(implementation = DraftJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "409", description = STALE)
  @APIResponse(responseCode = "413", description = "The body is larger than the API accepts")
  @APIResponse(responseCode = "422", description = INVALID)
  public DraftJson saveDraft(
      @Parameter(description = "The draft revision the change is based on", required = true)
          @QueryParam("revision")
          Integer revision,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      String body) {
    PlaybookDraft content = file(body, contentType, "The draft");
    return DraftJson.of(
        editor.edit(
            required(revision),
            user(),
            "replaced the draft's content through the API",
            draft -> content));
  }

  @DELETE
  @Path("draft")
  @Operation(
      summary = "Discard the draft",
      description = "Throws the draft's edits away: it becomes a copy of the latest version.")
  @APIResponse(
      responseCode = "200",
      description = "The fresh draft",
      content = @Content(schema = @Schema(implementation = DraftJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "409", description = STALE)
  public DraftJson discardDraft(
      @Parameter(description = "The draft revision you saw", required = true)
          @QueryParam("revision")
          Integer revision) {
    return DraftJson.of(editor.discard(required(revision), user()));
  }

  @POST
  @Path("draft/steps/{key}/move")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Move a step of the draft",
      description =
          "One place up or down (`direction`), or to a position counted from 1 (`position`). The"
              + " step keeps its key and version: results and learned orders are keyed by step"
              + " key; only the numbers follow the new order when the draft is published.")
  @APIResponse(
      responseCode = "200",
      description = "The saved draft, with its new revision",
      content = @Content(schema = @Schema(implementation = DraftJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "409", description = STALE)
  @APIResponse(
      responseCode = "422",
      description =
          "The move is impossible (no such step, a position out of range, the first step up or"
              + " the last down); `errors` names the field")
  public DraftJson moveStep(
      @Parameter(description = "The step's key") @PathParam("key") String key,
      @Parameter(description = "The draft revision you saw", required = true)
          @QueryParam("revision")
          Integer revision,
      StepMove move) {
    int seen = required(revision);
    if (move == null || (move.position() == null) == (move.direction() == null)) {
      throw new InvalidInputException(
          "position", "Send either {\"position\": 3} or {\"direction\": \"up\"} (or \"down\")");
    }
    String field = move.position() != null ? "position" : "direction";
    UnaryOperator<PlaybookDraft> edit;
    String what;
    if (move.position() != null) {
      edit = draft -> draft.moveStep(key, move.position());
      what = "moved step " + key + " to position " + move.position();
    } else {
      String direction = move.direction().strip().toLowerCase(Locale.ROOT);
      if (!direction.equals("up") && !direction.equals("down")) {
        throw new InvalidInputException("direction", "The direction is up or down");
      }
      edit = direction.equals("up") ? d -> d.moveStepUp(key) : d -> d.moveStepDown(key);
      what = "moved step " + key + " " + direction;
    }
    try {
      return DraftJson.of(editor.edit(seen, user(), what, edit));
    } catch (DraftEditException e) {
      throw new PlaybookEditor.Refused(
          "The move", List.of(new FieldProblem(field, e.getMessage())));
    }
  }

  /** Where a step goes: one of the two. */
  @Schema(name = "StepMove")
  public record StepMove(
      @Schema(description = "The new position, counted from 1") Integer position,
      @Schema(description = "`up` or `down`: one place") String direction) {}

  @GET
  @Path("draft/problems")
  @Operation(
      summary = "List what stands in the way of publishing the draft",
      description = "Empty when the draft would publish as it is.")
  @APIResponse(responseCode = "200", description = "Every problem, each with its field's path")
  public List<FieldProblem> problems() {
    return editor.problems();
  }

  @GET
  @Path("draft/preview")
  @Operation(
      summary = "Preview the draft for a device",
      description =
          "The draft as an agent would see it for this phone, numbered as it would be published.")
  @APIResponse(
      responseCode = "200",
      description = "The draft, tailored to the device",
      content = @Content(schema = @Schema(implementation = PlaybookJson.class)))
  @APIResponse(responseCode = "422", description = INVALID)
  public PlaybookJson preview(
      @QueryParam("deviceModel") String deviceModel, @QueryParam("iosVersion") String iosVersion) {
    Validated<Playbook> next = editor.preview();
    if (!next.isValid()) {
      throw new PlaybookEditor.Refused("The draft", next.problems());
    }
    return PlaybookJson.of(
        next.value().orElseThrow(), new Device(deviceModel, iosVersion), catalogs.current());
  }

  @POST
  @Path("draft/publish")
  @Operation(
      summary = "Publish the draft as the next version",
      description =
          "Validates the whole draft against the device catalogue and creates version N+1."
              + " Published versions never change; running diagnoses stay on theirs.")
  @APIResponse(
      responseCode = "201",
      description = "The new version",
      content = @Content(schema = @Schema(implementation = VersionJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "409", description = STALE)
  @APIResponse(responseCode = "422", description = INVALID)
  public Response publish(
      @Parameter(description = "The draft revision you checked", required = true)
          @QueryParam("revision")
          Integer revision) {
    Playbook published = editor.publish(required(revision), user());
    return created(published);
  }

  @GET
  @Path("versions")
  @Operation(summary = "List the published versions, oldest first")
  @APIResponse(responseCode = "200", description = "The versions")
  @RolesAllowed("supervisor")
  public List<VersionJson> versions() {
    return versions.all().all().stream().map(VersionJson::of).toList();
  }

  @GET
  @Path("versions/{version}")
  @Produces({MediaType.APPLICATION_JSON, YAML})
  @Operation(
      summary = "Export a version as a file",
      description =
          "The version as JSON or YAML (`format=yaml`, or `Accept: application/yaml`), for review"
              + " in a repository; importing the file gives the same content back.")
  @APIResponse(responseCode = "200", description = "The version file")
  @APIResponse(responseCode = "404", description = "No such version")
  public Response export(
      @PathParam("version") int version,
      @Parameter(description = "`json` (default) or `yaml`") @QueryParam("format") String format,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    Playbook playbook = published(version);
    PlaybookFiles.Format chosen =
        PlaybookFiles.Format.of(format != null ? format : accept == null ? "" : accept);
    return Response.ok(PlaybookFiles.write(PlaybookDraft.from(playbook), chosen))
        .type(chosen.mediaType() + ";charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"playbook-v" + version + "." + chosen.extension() + "\"")
        .build();
  }

  @POST
  @Path("versions")
  @Consumes({MediaType.APPLICATION_JSON, YAML})
  @Operation(
      summary = "Import a version file",
      description =
          "Publishes the file's content as the next version, by the same rules as the draft;"
              + " the draft then continues from it. A file with any problem stores nothing.")
  @APIResponse(
      responseCode = "201",
      description = "The new version",
      content = @Content(schema = @Schema(implementation = VersionJson.class)))
  @APIResponse(responseCode = "409", description = "Someone published a version meanwhile")
  @APIResponse(responseCode = "413", description = "The body is larger than the API accepts")
  @APIResponse(responseCode = "422", description = INVALID)
  public Response importVersion(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
    PlaybookDraft content = file(body, contentType, "The file");
    return created(editor.importVersion(content, user()));
  }

  @GET
  @Path("versions/{from}/diff/{to}")
  @Operation(summary = "What changed between two versions, step by step (by key)")
  @APIResponse(responseCode = "200", description = "The difference")
  @APIResponse(responseCode = "404", description = "No such version")
  @RolesAllowed("supervisor")
  public PlaybookDiff diff(@PathParam("from") int from, @PathParam("to") int to) {
    return PlaybookDiff.between(published(from), published(to));
  }

  @GET
  @Path("comparison")
  @Operation(
      summary = "Compare the results of two versions",
      description =
          "The step funnel (reached, resolved at, open at, abandoned at) and resolutions by fix,"
              + " side by side, matched by step and fix key; every figure names its"
              + " playbook_version.")
  @APIResponse(responseCode = "200", description = "The comparison")
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No such version")
  @RolesAllowed("supervisor")
  public PlaybookComparison.Comparison comparison(
      @QueryParam("a") Integer first, @QueryParam("b") Integer second) {
    if (first == null || second == null) {
      throw new InvalidInputException("a", "Name the two versions to compare: a=1&b=2");
    }
    published(first);
    published(second);
    return comparison.compare(versions.all(), first, second);
  }

  @GET
  @Path("devices")
  @Operation(
      summary = "List the device models for editing",
      description =
          "Every model of the catalogue, retired ones too, oldest first, each with the revision a"
              + " change must name.")
  @APIResponse(
      responseCode = "200",
      description = "The models",
      content = @Content(schema = @Schema(implementation = DeviceModelJson[].class)))
  public List<DeviceModelJson> deviceModels() {
    return editor.devices().stream().map(DeviceModelJson::of).toList();
  }

  @GET
  @Path("devices/{id}")
  @Operation(summary = "Read one device model for editing")
  @APIResponse(
      responseCode = "200",
      description = "The model",
      content = @Content(schema = @Schema(implementation = DeviceModelJson.class)))
  @APIResponse(responseCode = "404", description = "No model with this id")
  public DeviceModelJson deviceModel(@PathParam("id") long id) {
    return DeviceModelJson.of(editor.device(id));
  }

  @PUT
  @Path("devices/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a device model's family and iOS range",
      description =
          "Checked by the rules for adding a model. The name is the key tickets store and stays;"
              + " to rename, add a model and retire the old one. Tickets of the model follow the"
              + " change at once.")
  @APIResponse(
      responseCode = "200",
      description = "The model with its new revision",
      content = @Content(schema = @Schema(implementation = DeviceModelJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No model with this id")
  @APIResponse(responseCode = "409", description = STALE_MODEL)
  @APIResponse(
      responseCode = "422",
      description = "Every problem, each in `errors` with its field (variant, firstIos, lastIos)")
  public DeviceModelJson changeDeviceModel(
      @PathParam("id") long id,
      @Parameter(description = "The model's revision the change is based on", required = true)
          @QueryParam("revision")
          Integer revision,
      DeviceModelJson.Change change) {
    if (change == null) {
      throw new InvalidInputException(
          "variant", "Send the change as JSON: variant, firstIos, lastIos");
    }
    return DeviceModelJson.of(
        editor.changeDeviceModel(
            id,
            requiredModelRevision(revision),
            change.variant(),
            change.firstIos(),
            change.lastIos(),
            user()));
  }

  @POST
  @Path("devices/{id}/retire")
  @Operation(
      summary = "Retire a device model",
      description =
          "New tickets can no longer name it (422 `unknown-device` on `deviceModel`) and pick lists"
              + " leave it out; tickets that name it keep it and their instructions. Retiring a"
              + " retired model changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The model, retired",
      content = @Content(schema = @Schema(implementation = DeviceModelJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No model with this id")
  @APIResponse(responseCode = "409", description = STALE_MODEL)
  public DeviceModelJson retireDeviceModel(
      @PathParam("id") long id,
      @Parameter(description = "The model's revision the change is based on", required = true)
          @QueryParam("revision")
          Integer revision) {
    return DeviceModelJson.of(
        editor.retireDeviceModel(id, requiredModelRevision(revision), true, user()));
  }

  @POST
  @Path("devices/{id}/restore")
  @Operation(
      summary = "Restore a retired device model",
      description = "New tickets can name it again. Restoring a model in use changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The model, in use",
      content = @Content(schema = @Schema(implementation = DeviceModelJson.class)))
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "404", description = "No model with this id")
  @APIResponse(responseCode = "409", description = STALE_MODEL)
  public DeviceModelJson restoreDeviceModel(
      @PathParam("id") long id,
      @Parameter(description = "The model's revision the change is based on", required = true)
          @QueryParam("revision")
          Integer revision) {
    return DeviceModelJson.of(
        editor.retireDeviceModel(id, requiredModelRevision(revision), false, user()));
  }

  private static int requiredModelRevision(Integer revision) {
    if (revision == null) {
      throw new InvalidInputException(
          "revision", "Send the model's revision you saw as ?revision=, from GET /devices/{id}");
    }
    return revision;
  }

  private Playbook published(int version) {
    Playbooks all = versions.all();
    return all.version(version)
        .orElseThrow(() -> new NotFoundException("Playbook version", version));
  }

  private static PlaybookDraft file(String body, String contentType, String what) {
    Validated<PlaybookDraft> read =
        PlaybookFiles.read(
            body, PlaybookFiles.Format.of(contentType == null ? "" : stripParams(contentType)));
    if (!read.isValid()) {
      throw new PlaybookEditor.Refused(what, read.problems());
    }
    return read.value().orElseThrow();
  }

  private static String stripParams(String contentType) {
    int semicolon = contentType.indexOf(';');
    return semicolon < 0 ? contentType : contentType.substring(0, semicolon);
  }

  private static int required(Integer revision) {
    if (revision == null) {
      throw new InvalidInputException(
          "revision", "Send the draft revision you saw as ?revision=, from GET /draft");
    }
    return revision;
  }

  private static Response created(Playbook playbook) {
    return Response.created(URI.create("/api/v1/playbooks/versions/" + playbook.version()))
        .entity(VersionJson.of(playbook))
        .build();
  }

  private String user() {
    return identity.getPrincipal().getName();
  }
}
