package io.backupdesk.web.common.ui;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone an account chose, for {@link ViewerZone}. Implemented by the identity feature,
 * which stores it; declared here so that the pages' time formatting does not depend on that
 * feature.
 */
public interface AgentTimeZones {

  /**
   * The attribute of a signed-in identity that carries the account's zone as it was read with the
   * credential ("" for none), so that pages need not ask the database again.
   */
  String IDENTITY_ATTRIBUTE = "timeZone";

  /** The zone of a stored name; empty for none or a name this JDK no longer knows. */
  static Optional<ZoneId> parse(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(name));
    } catch (java.time.DateTimeException e) {
      // A name this JDK no longer knows: show UTC rather than fail every page.
      return Optional.empty();
    }
  }

  /** Empty when the account has not chosen a zone yet (or is unknown). */
  Optional<ZoneId> zoneOf(String username);
}
