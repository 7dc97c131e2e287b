package io.backupdesk.web.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-in browser, revocable on the server. The id is a digest of the cookie's secret. */
@Entity
@Table(name = "agent_session")
class AgentSession {

  @Id String idHash;

  String agent;
  Instant createdAt;
  Instant lastSeenAt;
  Instant revokedAt;
  String ip;
  String userAgent;
}
