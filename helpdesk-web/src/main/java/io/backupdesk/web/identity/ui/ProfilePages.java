package io.backupdesk.web.identity.ui;

import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.ui.Display;
import io.backupdesk.web.identity.Agent;
import io.backupdesk.web.identity.AgentRepository;
import io.backupdesk.web.identity.ProfileService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The agent's own profile at {@code /profile}: display name and time zone. {@code
 * /profile/time-zone} takes the zone a script reads from the browser, once, when none is set.
 */
@Path("/profile")
@RolesAllowed("agent")
public class ProfilePages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance profile(ProfilePage page);
  }

  /** What the profile form shows: the fields as typed, a message by the field at fault. */
  public record ProfilePage(
      String username,
      int version,
      String displayName,
      String timeZone,
      List<String> zones,
      String nowThere,
      String field,
      String message,
      boolean saved) {
    public String error(String name) {
      return name.equals(field) ? message : null;
    }
  }

  /** The browser's zone as the script sends it. */
  public record BrowserZone(String timeZone) {}

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  @Inject ProfileService profiles;
  @Inject AgentRepository agents;
  @Inject CurrentAgent currentAgent;
  @Inject Clock clock;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance profile(@RestQuery boolean saved) {
    Agent agent = agents.findByUsername(currentAgent.username()).orElseThrow();
    return Templates.profile(
        page(agent.version, agent.displayName, agent.timeZone, null, null, saved));
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  public Response save(
      @RestForm Integer version, @RestForm String displayName, @RestForm String timeZone) {
    try {
      if (version == null) {
        throw new InvalidInputException("version", "Open the profile again and save from there.");
      }
      profiles.update(currentAgent.username(), version, displayName, timeZone);
    } catch (InvalidInputException e) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(
              Templates.profile(
                  page(
                      version == null ? 0 : version,
                      displayName,
                      timeZone,
                      e.field(),
                      e.getMessage(),
                      false)))
          .build();
    } catch (ConflictException e) {
      Agent now = agents.findByUsername(currentAgent.username()).orElseThrow();
      return Response.status(Response.Status.CONFLICT)
          .entity(
              Templates.profile(
                  page(
                      now.version,
                      displayName,
                      timeZone,
                      "form",
                      "Your profile changed meanwhile (in another tab, or your browser reported its"
                          + " time zone). Check the fields and save again.",
                      false)))
          .build();
    }
    return Response.seeOther(URI.create("/profile?saved=true")).build();
  }

  /**
   * The browser's zone, posted as a form with the page's CSRF token by {@code /js/timezone.js}
   * (page routes take forms only): 204 when taken or when the agent already has a zone (then it is
   * kept), 400 with a problem for a name that is not a zone.
   */
  @POST
  @Path("time-zone")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response browserZone(@org.jboss.resteasy.reactive.RestForm String timeZone) {
    profiles.adoptBrowserZone(currentAgent.username(), timeZone);
    return Response.noContent().build();
  }

  private ProfilePage page(
      int version,
      String displayName,
      String timeZone,
      String field,
      String message,
      boolean saved) {
    var zones =
        ZoneId.getAvailableZoneIds().stream().filter(ProfilePages::isRegion).sorted().toList();
    String nowThere = null;
    if (timeZone != null && zones.contains(timeZone)) {
      nowThere = Display.in(clock.instant(), ZoneId.of(timeZone), MINUTE);
    }
    return new ProfilePage(
        currentAgent.username(),
        version,
        displayName,
        timeZone,
        zones,
        nowThere,
        field,
        message,
        saved);
  }

  /** Region names (Europe/Berlin) and UTC; not the legacy aliases (EST, Etc/GMT+5, SystemV/...). */
  private static boolean isRegion(String id) {
    return id.equals("UTC")
        || (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"));
  }
}
