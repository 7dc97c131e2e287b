package io.backupdesk.web.identity.api;

import io.backupdesk.web.identity.Agent;
import java.time.Instant;

/** An account as administrators see it; never the password hash. */
public record AccountJson(
    String username,
    String displayName,
    String email,
    String role,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  static AccountJson of(Agent a) {
    return new AccountJson(
        a.username,
        a.displayName,
        a.email,
        a.role.value(),
        a.enabled,
        a.createdAt,
        a.updatedAt,
        a.version);
  }
}
