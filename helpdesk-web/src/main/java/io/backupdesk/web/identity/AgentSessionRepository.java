package io.backupdesk.web.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Sessions are found by the digest of their cookie's secret, their id. */
@ApplicationScoped
class AgentSessionRepository implements PanacheRepositoryBase<AgentSession, String> {

  void revoke(String idHash, Instant at) {
    update("revokedAt = ?1 where idHash = ?2 and revokedAt is null", at, idHash);
  }

  void revokeAllOf(String agent, Instant at) {
    update("revokedAt = ?1 where agent = ?2 and revokedAt is null", at, agent);
  }
}
