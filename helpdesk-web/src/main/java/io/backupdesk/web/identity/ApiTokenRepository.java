package io.backupdesk.web.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {

  public List<ApiToken> tokensOf(String owner) {
    return list("agent = ?1 order by createdAt desc", owner);
  }

  public Optional<ApiToken> tokenOf(String owner, long id) {
    return find("id = ?1 and agent = ?2", id, owner).firstResultOptional();
  }

  public void revokeAllOf(String owner, Instant at) {
    update("revokedAt = ?1 where agent = ?2 and revokedAt is null", at, owner);
  }
}
