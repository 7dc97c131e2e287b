package io.backupdesk.web;

import io.backupdesk.diagnostics.playbook.Playbooks;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the playbook from the core loaded: agents cannot work without the steps. */
@Readiness
@ApplicationScoped
class PlaybookHealthCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    var playbook = Playbooks.standard().current();
    return HealthCheckResponse.named("playbook")
        .status(playbook.size() == 9)
        .withData("version", playbook.version())
        .withData("steps", playbook.size())
        .build();
  }
}
