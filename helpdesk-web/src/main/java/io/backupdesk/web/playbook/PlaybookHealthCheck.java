package io.backupdesk.web.playbook;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the latest published playbook reads from the database: agents cannot work without
 * the steps.
 */
@Readiness
@ApplicationScoped
class PlaybookHealthCheck implements HealthCheck {

  private final PlaybookVersions playbooks;

  PlaybookHealthCheck(PlaybookVersions playbooks) {
    this.playbooks = playbooks;
  }

  @Override
  public HealthCheckResponse call() {
    var playbook = playbooks.latest();
    return HealthCheckResponse.named("playbook")
        .status(playbook.size() > 0)
        .withData("version", playbook.version())
        .withData("steps", playbook.size())
        .build();
  }
}
