package io.backupdesk.web.playbook;

import io.backupdesk.diagnostics.playbook.Playbooks;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the playbook from the core loaded: agents cannot work without the steps. */
@Readiness
@ApplicationScoped
class PlaybookHealthCheck implements HealthCheck {

  private final Playbooks playbooks;

  PlaybookHealthCheck(Playbooks playbooks) {
    this.playbooks = playbooks;
  }

  @Override
  public HealthCheckResponse call() {
    var playbook = playbooks.current();
    return HealthCheckResponse.named("playbook")
        .status(playbook.size() == 9)
        .withData("version", playbook.version())
        .withData("steps", playbook.size())
        .build();
  }
}
