package io.backupdesk.web.order.ui;

import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.identity.ui.CurrentAgent;
import io.backupdesk.web.order.LearnStepOrder;
import io.backupdesk.web.order.OrderSettingsService;
import io.backupdesk.web.order.SettingsChange;
import io.backupdesk.web.order.StepOrderQuery;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The supervisor's "Step order" page: per segment the learned order and its figures, the live
 * estimate, training on demand; the settings form for admins (every change audited). Forms post and
 * redirect; a refused change shows the page again with the reason by the field.
 */
@Path("/step-order")
@RolesAllowed("supervisor")
@Produces(MediaType.TEXT_HTML)
public class StepOrderPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance page(StepOrderPage page);
  }

  @Inject StepOrderQuery query;
  @Inject OrderSettingsService settings;
  @Inject LearnStepOrder learn;
  @Inject CurrentAgent currentAgent;

  @GET
  public TemplateInstance show(@QueryParam("done") String done) {
    String notice =
        "trained".equals(done)
            ? "A new model version was trained and stored."
            : "saved".equals(done) ? "The settings were saved." : null;
    return Templates.page(page(null, null, notice));
  }

  @POST
  @Path("settings")
  @RolesAllowed("admin")
  public Response changeSettings(
      @RestForm String suggestions,
      @RestForm String explorePercent,
      @RestForm String lowRiskPrice,
      @RestForm String mediumRiskPrice,
      @RestForm String highRiskPrice,
      @RestForm String paidFixPrice,
      @RestForm String escalationMinutes,
      @RestForm Integer version) {
    try {
      Double explore = number(explorePercent, "exploreShare", "The exploration share");
      var change =
          new SettingsChange(
              "on".equals(suggestions),
              explore == null ? null : explore / 100,
              number(lowRiskPrice, "lowRiskPrice", "The price of a low-risk step"),
              number(mediumRiskPrice, "mediumRiskPrice", "The price of a medium-risk step"),
              number(highRiskPrice, "highRiskPrice", "The price of a high-risk step"),
              number(paidFixPrice, "paidFixPrice", "The price of a paid fix"),
              number(escalationMinutes, "escalationMinutes", "The minutes of an escalation"),
              version);
      settings.change(change, currentAgent.username());
    } catch (InvalidInputException e) {
      return Response.status(400)
          .entity(Templates.page(page(e.getMessage(), e.field(), null)))
          .build();
    } catch (ConflictException e) {
      return Response.status(409).entity(Templates.page(page(e.getMessage(), null, null))).build();
    }
    return Response.seeOther(URI.create("/step-order?done=saved")).build();
  }

  @POST
  @Path("models")
  public Response train() {
    try {
      learn.learn(currentAgent.username());
    } catch (ConflictException e) {
      return Response.status(409).entity(Templates.page(page(e.getMessage(), null, null))).build();
    }
    return Response.seeOther(URI.create("/step-order?done=trained")).build();
  }

  private static Double number(String text, String field, String what) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, what + " is required.");
    }
    try {
      return Double.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, what + " is a number, 0 or more.");
    }
  }

  private StepOrderPage page(String message, String field, String notice) {
    return new StepOrderPage(query.overview(), currentAgent.isAdmin(), message, field, notice);
  }
}
