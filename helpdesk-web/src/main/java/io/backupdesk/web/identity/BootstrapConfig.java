package io.backupdesk.web.identity;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * How the first administrator account comes about on an empty installation. The prefix is this
 * feature's own: a mapping rooted at plain {@code helpdesk} would make SmallRye Config refuse every
 * other {@code helpdesk.*} property that it does not map (such as {@code helpdesk.data.dir}).
 */
@ConfigMapping(prefix = "helpdesk.bootstrap")
public interface BootstrapConfig {

  /**
   * Password for the account {@code admin}, created on start when no administrator exists ({@code
   * HELPDESK_BOOTSTRAP_ADMIN_PASSWORD}). Unset by default: no password ships.
   */
  Optional<String> adminPassword();
}
