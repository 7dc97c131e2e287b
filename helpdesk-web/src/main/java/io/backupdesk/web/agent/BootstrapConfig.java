package io.backupdesk.web.agent;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** How the first administrator account comes about on an empty installation. */
@ConfigMapping(prefix = "helpdesk")
public interface BootstrapConfig {

  Bootstrap bootstrap();

  interface Bootstrap {
    /**
     * Password for the account {@code admin}, created on start when no administrator exists ({@code
     * HELPDESK_BOOTSTRAP_ADMIN_PASSWORD}). Unset by default: no password ships.
     */
    Optional<String> adminPassword();
  }
}
