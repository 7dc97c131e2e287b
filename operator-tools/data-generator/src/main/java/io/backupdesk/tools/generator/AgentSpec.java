package io.backupdesk.tools.generator;

import java.util.Objects;

/**
 * An account the generator creates if no account of that name exists yet.
 *
 * @param role agent, supervisor or admin
 * @param passwordHash a bcrypt hash, or null for an account nobody can sign in with
 */
public record AgentSpec(String username, String displayName, String role, String passwordHash) {
  public AgentSpec {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
    if (!username.matches("[a-z0-9][a-z0-9._-]*")) {
      throw new IllegalArgumentException("Not a valid user name: " + username);
    }
    if (!role.equals("agent") && !role.equals("supervisor") && !role.equals("admin")) {
      throw new IllegalArgumentException("Unknown role: " + role);
    }
  }
}
