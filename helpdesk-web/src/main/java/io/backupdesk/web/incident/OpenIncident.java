package io.backupdesk.web.incident;

import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * The open incident as one request sees it, read at most once: the layout's notice, the banner and
 * the queue's bulk form all show it, and each asking the database was a statement per page each.
 */
@RequestScoped
public class OpenIncident {

  /** What the pages show of it: where it links to, its title, since when, and its version. */
  public record Shown(long id, String title, Instant startedAt, int version) {}

  private final IncidentStore store;
  private Optional<Shown> open;

  OpenIncident(IncidentStore store) {
    this.store = store;
  }

  /** The incident open now, if any; none on a page rendered where the database cannot be asked. */
  public Optional<Shown> get() {
    if (open == null) {
      // An error page rendered on an I/O thread cannot ask the database; it goes without.
      open = Context.isOnEventLoopThread() ? Optional.empty() : store.shown();
    }
    return open;
  }
}
