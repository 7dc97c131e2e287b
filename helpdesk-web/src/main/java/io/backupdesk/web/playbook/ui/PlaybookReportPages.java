package io.backupdesk.web.playbook.ui;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.web.playbook.PlaybookComparison;
import io.backupdesk.web.playbook.PlaybookVersions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Two playbook versions' results side by side, for supervisors: the step funnel and the resolutions
 * by fix, matched by step key, so a reworded step can be judged against its old words.
 */
@Path("/reports/playbook-versions")
@RolesAllowed("supervisor")
@Produces(MediaType.TEXT_HTML)
public class PlaybookReportPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance comparison(ComparisonPage page);
  }

  /** The two versions chosen and their comparison (null when a version does not exist). */
  public record ComparisonPage(
      int a, int b, List<Integer> versions, PlaybookComparison.Comparison comparison) {}

  private final PlaybookVersions versions;
  private final PlaybookComparison comparison;

  PlaybookReportPages(PlaybookVersions versions, PlaybookComparison comparison) {
    this.versions = versions;
    this.comparison = comparison;
  }

  @GET
  public Response page(@RestQuery Integer a, @RestQuery Integer b) {
    Playbooks all = versions.all();
    int second = b == null ? all.current().version() : b;
    int first = a == null ? Math.max(1, second - 1) : a;
    List<Integer> numbers = all.all().stream().map(Playbook::version).toList();
    if (all.version(first).isEmpty() || all.version(second).isEmpty()) {
      return Response.status(404)
          .entity(Templates.comparison(new ComparisonPage(first, second, numbers, null)))
          .build();
    }
    return Response.ok(
            Templates.comparison(
                new ComparisonPage(first, second, numbers, comparison.compare(all, first, second))))
        .build();
  }
}
