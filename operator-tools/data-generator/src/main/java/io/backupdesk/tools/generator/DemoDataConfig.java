package io.backupdesk.tools.generator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Demo data for a first look at the product (on in dev mode, off otherwise). Rooted at its own
 * prefix so that other {@code helpdesk.*} settings stay free to exist without being mapped here.
 */
@ConfigMapping(prefix = "helpdesk.demo-data")
public interface DemoDataConfig {

  /** Load demo accounts and tickets on start when the database has no ticket yet. */
  @WithDefault("false")
  boolean enabled();

  /** How many tickets. */
  @WithDefault("200")
  int tickets();

  /** Spread over this many days up to now. */
  @WithDefault("90")
  int days();
}
