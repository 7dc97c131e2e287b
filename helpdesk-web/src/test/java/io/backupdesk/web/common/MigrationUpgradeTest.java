package io.backupdesk.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database migrated by the released version (its migrations 1 to 5, 7 and 18 to 20), with the
 * data that release could write, upgrades with the app's own Flyway configuration: the migrations
 * numbered below 20 that came later apply out of order, and none of them refuses a row the release
 * stored.
 */
@QuarkusTest
class MigrationUpgradeTest {

  /** What the released version shipped: the history such a database has. */
  private static final List<String> RELEASED =
      List.of(
          "V1__initial_schema.sql",
          "V2__reporting_and_export.sql",
          "V3__accounts_tokens_audit.sql",
          "V4__ticket_status_counts.sql",
          "V5__timeline_kinds_of_corrections_and_orders.sql",
          "V7__report_summaries.sql",
          "V18__ticket_clock.sql",
          "V19__agent_time_zone.sql",
          "V20__device_model_search.sql");

  @Inject Flyway flyway;
  @Inject AgroalDataSource dataSource;

  @Test
  void aDatabaseOfTheReleasedVersionWithItsDataUpgradesToTheLatestSchema() throws Exception {
    String name = "upgrade_" + System.nanoTime();
    String url;
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      url = connection.getMetaData().getURL();
      statement.execute("CREATE DATABASE " + name);
    }
    String upgraded = url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");

    Path released = Files.createTempDirectory("released-migrations");
    for (String script : RELEASED) {
      try (var in = getClass().getResourceAsStream("/db/migration/" + script)) {
        Files.copy(in, released.resolve(script));
      }
    }
    Flyway.configure()
        .dataSource(upgraded, "postgres", "postgres")
        .locations("filesystem:" + released)
        .load()
        .migrate();

    try (var connection = DriverManager.getConnection(upgraded, "postgres", "postgres");
        var statement = connection.createStatement()) {
      // What the release stored and later checks are stricter about: a failed test backup worded
      // as a verification, and an iOS version as the agent typed it.
      statement.execute(
          "INSERT INTO agent (username, display_name) VALUES ('old-agent', 'Old Agent');"
              + "INSERT INTO customer (name, email) VALUES ('Old Customer', 'old@example.com');"
              + "INSERT INTO ticket (customer_id, subject, device_model, ios_version, channel,"
              + " created_by) SELECT id, 'Backup fails', 'iPhone 12', 'iOS 17.4', 'PHONE',"
              + " 'old-agent' FROM customer;"
              + "INSERT INTO ticket_event (ticket_id, actor, kind, summary) SELECT id,"
              + " 'old-agent', 'VERIFIED', 'Step 4: the test backup still fails' FROM ticket");
    }

    var upgrade =
        Flyway.configure()
            .configuration(flyway.getConfiguration())
            .dataSource(upgraded, "postgres", "postgres")
            .load();
    upgrade.migrate();

    assertThat(upgrade.info().current().getVersion())
        .isEqualTo(flyway.info().current().getVersion());
    try (var connection = DriverManager.getConnection(upgraded, "postgres", "postgres");
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT t.ios_version, e.kind FROM ticket t JOIN ticket_event e"
                    + " ON e.ticket_id = t.id")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("17.4");
      assertThat(rows.getString(2)).isEqualTo("BACKUP_STILL_FAILING");
      // The upgraded ticket can still be worked: a later update passes the new checks.
      try (var update = connection.createStatement()) {
        assertThat(update.executeUpdate("UPDATE ticket SET priority = 'HIGH'")).isEqualTo(1);
      }
    }
  }
}
