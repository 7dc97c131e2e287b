package io.backupdesk.web.report;

import io.agroal.api.AgroalDataSource;
import io.backupdesk.web.common.Sql;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The reports' read-only access to the {@code reporting} datasource (the primary database unless
 * configured to be a replica): a report's queries share one read-only transaction ({@link #read}),
 * so its figures come from one snapshot and it pays for one connection; rows are mapped as they
 * come.
 */
@ApplicationScoped
class ReportingDatabase {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final AgroalDataSource dataSource;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  ReportingDatabase(@DataSource("reporting") AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work}, whose queries share one read-only REPEATABLE READ transaction. */
  <T> T read(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      current.set(connection);
      try {
        return work.get();
      } finally {
        current.remove();
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Report query failed: " + e.getMessage(), e);
    }
  }

  <T> List<T> query(Sql sql, RowMapper<T> mapper) {
    return read(
        () -> {
          try (var statement = current.get().prepareStatement(sql.text())) {
            sql.bind(statement);
            var rows = new ArrayList<T>();
            try (ResultSet result = statement.executeQuery()) {
              while (result.next()) {
                rows.add(mapper.map(result));
              }
            }
            return rows;
          } catch (SQLException e) {
            throw new IllegalStateException("Report query failed: " + e.getMessage(), e);
          }
        });
  }
}
