package io.backupdesk.web.order.api;

import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.order.LearnStepOrder;
import io.backupdesk.web.order.ModelSummary;
import io.backupdesk.web.order.OrderModels;
import io.backupdesk.web.order.OrderSettingsService;
import io.backupdesk.web.order.SettingsChange;
import io.backupdesk.web.order.StepOrderOverview;
import io.backupdesk.web.order.StepOrderQuery;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The learned step order for supervisors: the model and its figures per segment, the live estimate,
 * training on demand; the settings, which only admins change (every change audited).
 */
@Path("/api/v1/step-order")
@Tag(name = "Step order", description = "The step order learned from recorded outcomes")
@RolesAllowed("supervisor")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Signed in without the supervisor role")
public class StepOrderResource {

  @Inject StepOrderQuery query;
  @Inject OrderSettingsService settings;
  @Inject OrderModels models;
  @Inject LearnStepOrder learn;
  @Inject SecurityIdentity identity;

  @GET
  @Operation(
      summary = "The step order: settings, newest model per segment, live estimate",
      description =
          "Per segment of phones (all, device family x iOS major, model x iOS major): the learned"
              + " order, each step's estimated share of cases with its 95% interval and minutes,"
              + " expected minutes under the article's and the learned order. `live` is the"
              + " off-policy estimate (self-normalised inverse propensity weighting, bootstrap"
              + " interval) on the logged walks of the model's data window.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = StepOrderOverview.class)))
  public StepOrderOverview overview() {
    return query.overview();
  }

  @PUT
  @Path("settings")
  @RolesAllowed("admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change the step-order settings (admins only; audited)",
      description =
          "Send every field and the `version` you read. Suggestions on: new diagnoses walk the"
              + " newest model's learned order, `exploreShare` of them (0 to 0.5) an order drawn"
              + " near it. Prices are minutes-equivalents, 0 to 1000.")
  @APIResponse(
      responseCode = "200",
      description = "The settings now",
      content = @Content(schema = @Schema(implementation = StepOrderOverview.SettingsJson.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or out of range")
  @APIResponse(responseCode = "409", description = "Someone changed the settings meanwhile")
  @APIResponse(responseCode = "403", description = "Signed in without the admin role")
  public StepOrderOverview.SettingsJson changeSettings(SettingsChange change) {
    var body =
        change == null
            ? new SettingsChange(null, null, null, null, null, null, null, null)
            : change;
    return StepOrderOverview.SettingsJson.of(
        settings.change(body, identity.getPrincipal().getName()));
  }

  @POST
  @Path("models")
  @Operation(
      summary = "Train a new model version now",
      description =
          "Learns from the diagnoses recorded in the data window (helpdesk.step-order.window) and"
              + " stores the result as the next version; new diagnoses walk it at once when"
              + " suggestions are on.")
  @APIResponse(
      responseCode = "201",
      description = "The new version",
      content = @Content(schema = @Schema(implementation = ModelSummary.class)))
  @APIResponse(responseCode = "409", description = "Another training stored that version first")
  public Response train() {
    int version = learn.learn(identity.getPrincipal().getName()).version();
    return Response.created(URI.create("/api/v1/step-order/models/" + version))
        .entity(summary(version))
        .build();
  }

  @GET
  @Path("models")
  @Operation(summary = "Stored model versions, newest first (at most 100)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = ModelSummary.class)))
  public List<ModelSummary> versions() {
    return models.list(100);
  }

  @GET
  @Path("models/{version}")
  @Operation(summary = "One stored model version")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = ModelSummary.class)))
  @APIResponse(responseCode = "404", description = "No such version")
  public ModelSummary version(@RestPath int version) {
    return summary(version);
  }

  private ModelSummary summary(int version) {
    return models
        .summary(version)
        .orElseThrow(() -> new NotFoundException("Step-order model", version));
  }
}
