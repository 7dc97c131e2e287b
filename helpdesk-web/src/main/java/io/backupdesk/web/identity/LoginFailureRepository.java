package io.backupdesk.web.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
class LoginFailureRepository implements PanacheRepository<LoginFailure> {

  /** The times of the newest failures (at most {@code max}) after {@code since}, newest first. */
  List<Instant> recentFailures(String username, Instant since, int max) {
    return find("username = ?1 and at > ?2 order by at desc", username, since).page(0, max).stream()
        .map(failure -> failure.at)
        .toList();
  }

  void forget(String username) {
    delete("username", username);
  }
}
