package io.backupdesk.web.ticket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code helpdesk.targets.*}: the first-response and resolution targets per priority (README "Time
 * targets"). Durations in ISO-8601 ({@code PT4H}) or Quarkus' short form ({@code 4h}, {@code 3d}).
 */
@ConfigMapping(prefix = "helpdesk.targets")
public interface TargetsConfig {

  PerPriority urgent();

  PerPriority high();

  PerPriority normal();

  PerPriority low();

  /** How long a ticket may wait on the customer with no follow-up date before it is flagged. */
  @WithDefault("3d")
  Duration staleWaiting();

  /** The two targets of one priority. */
  interface PerPriority {
    Duration firstResponse();

    Duration resolution();
  }
}
