package io.backupdesk.web.identity.ui;

import io.backupdesk.web.identity.AuditEntry;
import io.backupdesk.web.identity.AuditLog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The audit log for administrators, newest first, filtered by actor and action in the URL and paged
 * by an "older entries" link that continues after the last entry shown.
 */
@Path("/admin/audit")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

  static final int PAGE_SIZE = 100;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance audit(AuditPage page);
  }

  /** Everything the audit page shows. */
  public record AuditPage(
      String actor,
      String action,
      List<Choice> actions,
      List<Line> lines,
      String olderPage,
      String newestPage,
      String message) {}

  /** One entry as a line of the table. */
  public record Line(
      long id, Instant at, String actor, String action, String target, String detail, String ip) {}

  /** An option of the action filter. */
  public record Choice(String value, String label, boolean selected) {}

  private final AuditLog audit;

  AuditPages(AuditLog audit) {
    this.audit = audit;
  }

  @GET
  public Response audit(@RestQuery String actor, @RestQuery String action, @RestQuery Long before) {
    var actorFilter = actor == null ? "" : actor.strip();
    var actionFilter = action == null ? "" : action.strip();
    Optional<AuditEntry.Action> chosen = parse(actionFilter);
    if (!actionFilter.isEmpty() && chosen.isEmpty()) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(
              Templates.audit(
                  new AuditPage(
                      actorFilter,
                      actionFilter,
                      choices(actionFilter),
                      List.of(),
                      null,
                      null,
                      "There is no action '" + actionFilter + "': choose one from the list.")))
          .build();
    }
    var entries = audit.olderThan(before, PAGE_SIZE + 1, actorFilter, chosen.orElse(null));
    var shown = entries.subList(0, Math.min(entries.size(), PAGE_SIZE));
    var lines =
        shown.stream()
            .map(e -> new Line(e.id, e.at, e.actor, label(e.action), e.target, e.detail, e.ip))
            .toList();
    String older =
        entries.size() > PAGE_SIZE
            ? link(actorFilter, actionFilter, shown.get(shown.size() - 1).id)
            : null;
    String newest = before == null ? null : link(actorFilter, actionFilter, null);
    return Response.ok(
            Templates.audit(
                new AuditPage(
                    actorFilter, actionFilter, choices(actionFilter), lines, older, newest, null)))
        .build();
  }

  private static Optional<AuditEntry.Action> parse(String action) {
    return Arrays.stream(AuditEntry.Action.values())
        .filter(a -> a.name().equalsIgnoreCase(action))
        .findFirst();
  }

  private static List<Choice> choices(String selected) {
    return Arrays.stream(AuditEntry.Action.values())
        .map(a -> new Choice(a.name(), label(a), a.name().equalsIgnoreCase(selected)))
        .toList();
  }

  /** ACCOUNT_DISABLED reads "account disabled". */
  static String label(AuditEntry.Action action) {
    return action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String link(String actor, String action, Long before) {
    var uri = UriBuilder.fromPath("/admin/audit");
    if (!actor.isEmpty()) {
      uri.queryParam("actor", actor);
    }
    if (!action.isEmpty()) {
      uri.queryParam("action", action);
    }
    if (before != null) {
      uri.queryParam("before", before);
    }
    return uri.build().toString();
  }
}
