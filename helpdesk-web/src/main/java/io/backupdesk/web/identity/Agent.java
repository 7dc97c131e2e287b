package io.backupdesk.web.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person who signs in: a support agent, a supervisor or an administrator. */
@Entity
@Table(name = "agent")
public class Agent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String username;
  public String displayName;
  public String email;

  /** Wider roles include the narrower ones ({@link RoleHierarchy}). */
  public Role role;

  public String passwordHash;
  public boolean enabled = true;
  public Instant createdAt;
  public Instant updatedAt;

  /** An IANA zone name; null until the browser reported one or the agent chose one. */
  public String timeZone;

  @Version public int version;
}
