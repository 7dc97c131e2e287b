package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Walks the remaining steps in the article's order; the chosen order stays on record. */
@ApplicationScoped
public class FollowArticleOrder extends DiagnosisCommandHandler<DiagnosisRequests.ArticleOrder> {

  @Override
  List<DiagnosisEvent> run(
      Diagnosis diagnosis, DiagnosisRequests.ArticleOrder request, String agent, Instant now) {
    return diagnosis.followArticleOrder(agent, now);
  }
}
