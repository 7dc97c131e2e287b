package io.backupdesk.web.playbook;

import io.backupdesk.diagnostics.playbook.Playbooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The playbook versions the app works with, from the core, in one place: whatever needs steps,
 * titles or fix labels injects {@link Playbooks}, and a test or a future editable playbook swaps
 * this producer, not the callers.
 */
@ApplicationScoped
class PlaybookProducer {

  @Produces
  @ApplicationScoped
  Playbooks playbooks() {
    return Playbooks.standard();
  }
}
