package io.backupdesk.web.common.api;

import io.backupdesk.web.common.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The API's shared OpenAPI components: the problem body that {@link ProblemResponsesFilter}
 * attaches to every error response. Title and version come from configuration.
 */
@OpenAPIDefinition(
    info = @Info(title = "Backup Desk API", version = "1"),
    components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
public class BackupDeskApi extends Application {}
