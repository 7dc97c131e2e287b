package io.backupdesk.web.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

/**
 * The app's Flyway (the one that migrates at start, with validate-on-migrate) refuses a database
 * whose applied migration no longer matches its script, naming the version, instead of starting.
 */
@QuarkusTest
class MigrationValidationTest {

  @Inject Flyway flyway;
  @Inject AgroalDataSource dataSource;

  @Test
  void aChangedAppliedMigrationIsRefusedWithAClearMessage() throws SQLException {
    assertThat(flyway.getConfiguration().isValidateOnMigrate()).isTrue();
    flyway.validate();

    setChecksumOfVersion1("checksum + 1");
    try {
      assertThatThrownBy(() -> flyway.migrate())
          .isInstanceOf(FlywayValidateException.class)
          .hasMessageContaining("checksum mismatch")
          .hasMessageContaining("version 1");
    } finally {
      setChecksumOfVersion1("checksum - 1");
    }
    flyway.validate();
  }

  private void setChecksumOfVersion1(String expression) throws SQLException {
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE flyway_schema_history SET checksum = " + expression + " WHERE version = '1'");
    }
  }
}
