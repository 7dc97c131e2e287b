package io.backupdesk.web.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do, narrowest first: an agent works tickets, a supervisor also reads reports
 * and exports, an admin also manages accounts. Each wider role includes the narrower ones.
 */
public enum Role {
  AGENT,
  SUPERVISOR,
  ADMIN;

  /** The name stored in the database and used as the security role: "agent", "admin". */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This role and every narrower one, which an account of this role may act as. */
  public List<Role> includes() {
    return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).toList();
  }

  /** The role stored or typed as {@code value} ("agent", any case); empty if there is none. */
  public static Optional<Role> of(String value) {
    return Arrays.stream(values())
        .filter(r -> value != null && r.value().equals(value.strip().toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
