package io.backupdesk.web.incident;

import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The open incident as one request sees it, read at most once: the layout's notice, the banner and
 * the queue's bulk form all show it, and each asking the database was a statement per page each.
 */
@RequestScoped
public class OpenIncident {

  private final IncidentStore store;
  private Optional<IncidentRecord> open;

  OpenIncident(IncidentStore store) {
    this.store = store;
  }

  /** The incident open now, if any; none on a page rendered where the database cannot be asked. */
  public Optional<IncidentRecord> get() {
    if (open == null) {
      // An error page rendered on an I/O thread cannot ask the database; it goes without.
      open = Context.isOnEventLoopThread() ? Optional.empty() : store.open();
    }
    return open;
  }
}
