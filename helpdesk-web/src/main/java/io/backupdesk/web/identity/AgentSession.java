package io.backupdesk.web.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-in browser, revocable on the server. The id is a digest of the cookie's secret. */
@Entity
@Table(name = "agent_session")
class AgentSession {

  @Id
  @Column(name = "id_hash")
  String idHash;

  String agent;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "last_seen_at")
  Instant lastSeenAt;

  @Column(name = "revoked_at")
  Instant revokedAt;

  String ip;

  @Column(name = "user_agent")
  String userAgent;
}
