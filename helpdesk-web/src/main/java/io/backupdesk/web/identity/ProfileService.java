package io.backupdesk.web.identity;

import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.Limits;
import io.backupdesk.web.common.ui.AgentTimeZones;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What agents change about themselves: the name others see and the time zone their pages use. The
 * zone starts as the browser's, reported once by a script at the first page after sign-in.
 */
@ApplicationScoped
@Transactional
public class ProfileService implements AgentTimeZones {

  @Inject AgentRepository agents;
  @Inject Clock clock;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ZoneId> zoneOf(String username) {
    return agents.findByUsername(username).map(a -> a.timeZone).flatMap(ProfileService::parse);
  }

  /**
   * Saves both fields. {@code expectedVersion} is the version the form showed: a change made
   * meanwhile (in another tab, or the browser's zone arriving) is not overwritten.
   */
  public Agent update(String username, int expectedVersion, String displayName, String timeZone) {
    var agent = agents.findByUsername(username).orElseThrow();
    if (displayName == null
        || displayName.isBlank()
        || displayName.strip().length() > Limits.DISPLAY_NAME) {
      throw new InvalidInputException(
          "displayName", "Enter your name as colleagues should see it (up to 120 characters).");
    }
    var zone = zone(timeZone);
    if (agent.version != expectedVersion) {
      throw ConflictException.stale("Your profile", expectedVersion, agent.version, null);
    }
    agent.displayName = displayName.strip();
    agent.timeZone = zone.getId();
    agent.updatedAt = clock.instant();
    agents.flush();
    return agent;
  }

  /**
   * Takes the browser's zone if the agent has none yet; a zone the agent chose is never replaced.
   * Returns whether it was taken.
   */
  public boolean adoptBrowserZone(String username, String timeZone) {
    var zone = zone(timeZone);
    var agent = agents.findByUsername(username).orElseThrow();
    if (agent.timeZone != null) {
      return false;
    }
    agent.timeZone = zone.getId();
    agent.updatedAt = clock.instant();
    return true;
  }

  /** A region zone name such as Europe/Berlin, or UTC; offsets and abbreviations are refused. */
  static ZoneId zone(String name) {
    var trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()
        || trimmed.length() > Limits.TIME_ZONE
        || !trimmed.matches("[A-Za-z][A-Za-z0-9_+/-]*")
        || !ZoneId.getAvailableZoneIds().contains(trimmed)) {
      throw new InvalidInputException(
          "timeZone", "Choose a time zone from the list, such as Europe/Berlin or UTC.");
    }
    return ZoneId.of(trimmed);
  }

  private static Optional<ZoneId> parse(String name) {
    return AgentTimeZones.parse(name);
  }
}
