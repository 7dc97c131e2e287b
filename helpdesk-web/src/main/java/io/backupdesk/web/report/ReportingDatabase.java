package io.backupdesk.web.report;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports' read-only access to the {@code reporting} datasource (the primary database unless
 * configured to be a replica): one read-only transaction per query, rows mapped as they come.
 */
@ApplicationScoped
class ReportingDatabase {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final AgroalDataSource dataSource;

  ReportingDatabase(@DataSource("reporting") AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  <T> List<T> query(Sql sql, RowMapper<T> mapper) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      try (var statement = connection.prepareStatement(sql.text())) {
        sql.bind(statement);
        var rows = new ArrayList<T>();
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            rows.add(mapper.map(result));
          }
        }
        return rows;
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Report query failed: " + e.getMessage(), e);
    }
  }
}
