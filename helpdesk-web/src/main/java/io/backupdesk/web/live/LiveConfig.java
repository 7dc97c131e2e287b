package io.backupdesk.web.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Timings of the live updates (README "Live updates across instances"). */
@ConfigMapping(prefix = "helpdesk.live")
public interface LiveConfig {

  /** A viewer whose instance stopped renewing its presence row disappears after this long. */
  @WithDefault("30s")
  Duration presenceTtl();

  /**
   * How long one event stream stays open. The browser then reconnects on its own, and the sign-in
   * is checked again: a revoked session loses its stream within this time.
   */
  @WithDefault("10m")
  Duration streamLifetime();

  /** A comment line this often keeps proxies from closing a quiet stream and finds dead clients. */
  @WithDefault("15s")
  Duration keepAlive();
}
