package io.backupdesk.web.playbook.api;

import io.backupdesk.diagnostics.playbook.draft.DraftEditException;
import io.backupdesk.web.common.Problem;
import io.backupdesk.web.common.ProblemType;
import io.backupdesk.web.playbook.PlaybookEditor;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A refused playbook, draft edit or device model as a 422 problem listing every problem with the
 * path of its field ({@code steps[7].instructions[0].lines[0]}), the same list the editor shows.
 */
class PlaybookProblems {

  @ServerExceptionMapper
  Response refused(PlaybookEditor.Refused e, UriInfo uri) {
    return respond(
        uri,
        e.getMessage() + ": see errors, each with its field",
        e.problems().stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
  }

  @ServerExceptionMapper
  Response editRefused(DraftEditException e, UriInfo uri) {
    return respond(uri, e.getMessage(), List.of(new Problem.FieldError("", e.getMessage())));
  }

  private static Response respond(UriInfo uri, String detail, List<Problem.FieldError> errors) {
    return Response.status(ProblemType.INVALID_PLAYBOOK.status())
        .type(Problem.MEDIA_TYPE)
        .entity(
            Problem.of(ProblemType.INVALID_PLAYBOOK, detail)
                .withInstance("/" + uri.getPath().replaceFirst("^/", ""))
                .withErrors(errors))
        .build();
  }
}
