package io.backupdesk.web.common.api;

import io.backupdesk.web.common.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;

/**
 * Documents every error response of the API as an RFC 9457 problem, which is what {@code
 * ProblemMappers} sends, so resources only name the status and when it happens. 401 and 403 are
 * left as they are: the security layer answers them without a problem body.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

  private static final Set<String> WITHOUT_BODY = Set.of("401", "403");

  @Override
  public Operation filterOperation(Operation operation) {
    if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
      return operation;
    }
    operation
        .getResponses()
        .getAPIResponses()
        .forEach(
            (status, response) -> {
              if (status.startsWith("4") || status.startsWith("5")) {
                if (!WITHOUT_BODY.contains(status) && response.getContent() == null) {
                  response.setContent(problem());
                }
              }
            });
    return operation;
  }

  private static Content problem() {
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
  }
}
