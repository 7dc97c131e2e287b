package io.backupdesk.web.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal API token: acts with its owner's roles until it expires or is revoked. */
@Entity
@Table(name = "api_token")
public class ApiToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String agent;
  public String name;
  public String tokenHash;

  /** The first characters of the secret, so its owner can tell tokens apart. */
  public String prefix;

  public Instant createdAt;
  public Instant expiresAt;
  public Instant lastUsedAt;
  public Instant revokedAt;

  public boolean isActive(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }
}
