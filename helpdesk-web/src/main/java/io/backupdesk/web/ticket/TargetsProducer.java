package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.ServiceTargets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;

/** Turns {@code helpdesk.targets.*} into the core's {@link ServiceTargets}, checked at start-up. */
@ApplicationScoped
class TargetsProducer {

  @Produces
  @ApplicationScoped
  ServiceTargets serviceTargets(TargetsConfig config) {
    return new ServiceTargets(
        Map.of(
            Priority.URGENT, target(config.urgent()),
            Priority.HIGH, target(config.high()),
            Priority.NORMAL, target(config.normal()),
            Priority.LOW, target(config.low())),
        config.staleWaiting());
  }

  private static ServiceTargets.Target target(TargetsConfig.PerPriority p) {
    return new ServiceTargets.Target(p.firstResponse(), p.resolution());
  }
}
