package io.backupdesk.web.common.ui;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone an account chose, for {@link ViewerZone}. Implemented by the identity feature,
 * which stores it; declared here so that the pages' time formatting does not depend on that
 * feature.
 */
public interface AgentTimeZones {

  /** Empty when the account has not chosen a zone yet (or is unknown). */
  Optional<ZoneId> zoneOf(String username);
}
