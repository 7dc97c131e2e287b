package io.backupdesk.web.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Sign-in rules, read from {@code helpdesk.security.*}. */
@ConfigMapping(prefix = "helpdesk.security")
public interface SecurityConfig {

  /** Failed sign-ins on one account within {@link #failureWindow()} before it is locked. */
  @WithDefault("5")
  int maxFailures();

  @WithDefault("PT15M")
  Duration failureWindow();

  /** Whether the session cookie needs HTTPS; off only for local development. */
  @WithDefault("true")
  boolean secureCookies();
}
