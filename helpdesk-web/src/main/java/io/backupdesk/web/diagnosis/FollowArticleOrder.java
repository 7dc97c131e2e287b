package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The agent walks the remaining steps in the article's order instead of the learned or explored
 * one; the original choice stays recorded beside the switch (the core's followArticleOrder).
 */
@ApplicationScoped
public class FollowArticleOrder extends DiagnosisCommandHandler<FollowArticleOrder.Request> {

  /** The body of the request; {@code version} may instead come as If-Match. */
  @Schema(name = "ArticleOrderRequest")
  public record Request(Integer version) {}

  @Override
  List<DiagnosisEvent> run(Diagnosis diagnosis, Request request, String agent, Instant now) {
    return diagnosis.followArticleOrder(agent, now);
  }
}
