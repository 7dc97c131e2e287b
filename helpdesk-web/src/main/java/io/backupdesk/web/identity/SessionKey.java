package io.backupdesk.web.identity;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says at start whether the session cookies are sealed with a configured key or a temporary one,
 * and never prints the key. Quarkus itself would print a temporary key it generates (in a warning,
 * so in every log): anyone reading the log could then forge session cookies until the next restart.
 * Its logger for that class is set to ERROR in application.properties, and this warning takes its
 * place.
 */
@ApplicationScoped
class SessionKey {

  static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
  private static final Logger LOG = Logger.getLogger(SessionKey.class);

  private final Optional<String> configured;

  SessionKey(@ConfigProperty(name = PROPERTY) Optional<String> configured) {
    this.configured = configured;
  }

  void onStart(@Observes StartupEvent start) {
    if (configured.isEmpty() || configured.get().isBlank()) {
      String message =
          "No session encryption key is configured: a temporary key is in use, so everyone is"
              + " signed out when the application restarts and sessions do not work across"
              + " instances. Set "
              + PROPERTY
              + " (QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY, 32 characters or more).";
      // On a developer's machine (./run) a temporary key is the expected case, not a fault to
      // warn about on every start; a deployed instance without a key gets the warning.
      if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
        LOG.info(message);
      } else {
        LOG.warn(message);
      }
    }
  }
}
