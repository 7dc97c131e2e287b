package io.backupdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.tools.generator.DemoData;
import io.backupdesk.web.identity.AdminBootstrap;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A first start on an empty database with demo data on (the operator tools' DemoData, as in dev
 * mode) and a bootstrap password set. The test profile restarts the application and its embedded
 * database, so this class sees a database that nothing else has written to.
 */
@QuarkusTest
@TestProfile(DemoDataTest.FirstStart.class)
class DemoDataTest {

  static final String ADMIN_PASSWORD = "first admin passphrase";

  public static class FirstStart implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "helpdesk.demo-data.enabled",
          "true",
          "helpdesk.bootstrap.admin-password",
          ADMIN_PASSWORD);
    }
  }

  @Inject DemoData demoData;
  @Inject DataSource dataSource;
  @Inject IdentityProviderManager identities;

  @Test
  void theBootstrappedAdminCanSignInAndTheDemoDataKeptIt() {
    SecurityIdentity admin = signIn(AdminBootstrap.USERNAME, ADMIN_PASSWORD);
    assertThat(admin.getRoles()).contains("admin");
    assertThatThrownBy(() -> signIn(AdminBootstrap.USERNAME, "not the passphrase"))
        .isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  void theDemoAccountsExistWithHashedPasswords() throws SQLException {
    assertThat(rows("SELECT username, role FROM agent ORDER BY username"))
        .containsExactly(
            "admin|admin", "alex|agent", "jordan|agent", "lee|supervisor", "sam|agent");
    assertThat(rows("SELECT count(*) FROM agent WHERE password_hash LIKE '$2a$%'"))
        .containsExactly("5");
  }

  @Test
  void ticketsInEveryStateOverTheLastNinetyDays() throws SQLException {
    assertThat(rows("SELECT count(*) FROM ticket")).containsExactly("200");
    assertThat(rows("SELECT DISTINCT status FROM ticket"))
        .containsExactlyInAnyOrder(
            "NEW",
            "IN_DIAGNOSIS",
            "WAITING_ON_CUSTOMER",
            "WAITING_ON_APPLE",
            "RESOLVED",
            "ESCALATED",
            "CLOSED");
    assertThat(
            rows(
                "SELECT DISTINCT status FROM diagnosis WHERE ticket_id IN (SELECT id FROM"
                    + " ticket WHERE status = 'IN_DIAGNOSIS')"))
        .contains("IN_PROGRESS", "AWAITING_VERIFICATION");
    assertThat(
            rows(
                "SELECT count(*) FROM ticket WHERE created_at < now() - interval '91 days'"
                    + " OR updated_at > now()"))
        .containsExactly("0");
    assertThat(rows("SELECT DISTINCT assignee FROM ticket WHERE assignee IS NOT NULL"))
        .containsAnyOf("alex", "sam", "jordan", "lee")
        .doesNotContain("admin");
  }

  @Test
  void neverRunsAgainOnceThereAreTickets() throws SQLException {
    assertThat(demoData.load()).isEmpty();
    assertThat(rows("SELECT count(*) FROM ticket")).containsExactly("200");
  }

  private SecurityIdentity signIn(String username, String password) {
    return identities.authenticateBlocking(
        new UsernamePasswordAuthenticationRequest(
            username, new PasswordCredential(password.toCharArray())));
  }

  private List<String> rows(String sql) throws SQLException {
    var values = new ArrayList<String>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        var row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(r.getString(i));
        }
        values.add(row.toString());
      }
    }
    return values;
  }
}
