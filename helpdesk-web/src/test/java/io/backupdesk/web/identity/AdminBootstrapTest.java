package io.backupdesk.web.identity;

import static io.backupdesk.web.identity.AdminBootstrap.Outcome.ADMIN_EXISTS;
import static io.backupdesk.web.identity.AdminBootstrap.Outcome.CREATED;
import static io.backupdesk.web.identity.AdminBootstrap.Outcome.NAME_TAKEN;
import static io.backupdesk.web.identity.AdminBootstrap.Outcome.NO_ACCOUNTS;
import static io.backupdesk.web.identity.AdminBootstrap.Outcome.NO_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.web.testing.TestData;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap in the shared test application (no password configured). Creating the admin on an
 * empty database is covered by {@code DemoDataTest}, which starts on a database of its own.
 */
@QuarkusTest
class AdminBootstrapTest {

  @Inject AdminBootstrap bootstrap;

  @Test
  void aShortPasswordStopsTheStartWithAMessageSayingWhatToDo() {
    assertThatThrownBy(() -> bootstrap.bootstrap(Optional.of("eleven-char")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("HELPDESK_BOOTSTRAP_ADMIN_PASSWORD")
        .hasMessageContaining("has 11 characters; it needs at least 12")
        .hasMessageNotContaining("eleven-char");
    assertThatThrownBy(() -> bootstrap.bootstrap(Optional.of("   padded    ")))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void anExistingAdministratorIsLeftAlone() {
    TestData.agent("bootstrap-test-admin", "admin");

    assertThat(bootstrap.bootstrap(Optional.of("a long enough passphrase")))
        .isEqualTo(ADMIN_EXISTS);
    assertThat(bootstrap.bootstrap(Optional.empty())).isEqualTo(ADMIN_EXISTS);
  }

  @Test
  void decidesFromWhatExists() {
    assertThat(AdminBootstrap.decide(1, 5, true, true)).isEqualTo(ADMIN_EXISTS);
    assertThat(AdminBootstrap.decide(0, 0, true, false)).isEqualTo(CREATED);
    assertThat(AdminBootstrap.decide(0, 3, true, false)).isEqualTo(CREATED);
    assertThat(AdminBootstrap.decide(0, 3, true, true)).isEqualTo(NAME_TAKEN);
    assertThat(AdminBootstrap.decide(0, 0, false, false)).isEqualTo(NO_ACCOUNTS);
    assertThat(AdminBootstrap.decide(0, 3, false, false)).isEqualTo(NO_ADMIN);
  }
}
