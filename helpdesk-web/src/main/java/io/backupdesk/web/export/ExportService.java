package io.backupdesk.web.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Streams an export from the {@code reporting} datasource with constant memory: CSV straight from
 * PostgreSQL's COPY, NDJSON from a forward-only cursor fetched 1000 rows at a time.
 *
 * <p>The resume contract: a pull first fixes a horizon, the oldest transaction id still running
 * ({@code pg_snapshot_xmin(pg_current_snapshot())}), and sends only rows last written by an older
 * transaction, in (change_txid, id) order. Every transaction older than the horizon has ended, and
 * every later commit gets a newer id, so no row can ever appear behind a cursor already handed out,
 * however transactions interleave or commit out of order. The price: a row shows up only once every
 * transaction that started before it was written has ended.
 */
@ApplicationScoped
class ExportService {

  private static final Logger LOG = Logger.getLogger(ExportService.class);
  private static final int FETCH_SIZE = 1000;

  private final AgroalDataSource dataSource;
  private final JsonFactory json =
      new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  ExportService(@DataSource("reporting") AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The horizon of this pull and the cursor after its last row, known before streaming starts. */
  record Plan(ExportRequest request, String bound, ExportCursor next) {}

  Plan plan(ExportRequest request) {
    try (Connection connection = readOnly()) {
      try (var statement = connection.createStatement()) {
        String bound;
        try (var result =
            statement.executeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")) {
          result.next();
          bound = result.getString(1);
        }
        var last =
            "SELECT x.change_txid::text, x.id FROM "
                + request.table().from
                + " WHERE "
                + request.where(bound)
                + " ORDER BY x.change_txid DESC, x.id DESC LIMIT 1";
        ExportCursor next = request.cursor() == null ? ExportCursor.START : request.cursor();
        try (var result = statement.executeQuery(last)) {
          if (result.next()) {
            next = new ExportCursor(Long.parseLong(result.getString(1)), result.getLong(2));
          }
        }
        return new Plan(request, bound, next);
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not plan the export: " + e.getMessage(), e);
    }
  }

  /**
   * Writes every row of the plan to {@code out}, in one REPEATABLE READ read-only transaction (one
   * consistent snapshot), and returns how many rows it wrote.
   */
  long stream(Plan plan, OutputStream out) throws IOException {
    var request = plan.request();
    var table = request.table();
    String select = select(request, plan.bound());
    long started = System.nanoTime();
    long rows;
    try (Connection connection = dataSource.getConnection()) {
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        rows =
            request.csv()
                ? copyCsv(connection, select, out)
                : writeNdjson(connection, select, table, out);
      } finally {
        connection.rollback();
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    } catch (SQLException e) {
      throw new IOException("Export of " + table.path + " failed: " + e.getMessage(), e);
    }
    LOG.debugf(
        "Exported %d %s rows in %d ms",
        Long.valueOf(rows), table.path, Long.valueOf((System.nanoTime() - started) / 1_000_000));
    return rows;
  }

  /** The SELECT of a pull below the horizon {@code bound}, every value inline. */
  static String select(ExportRequest request, String bound) {
    var table = request.table();
    return "SELECT "
        + table.allColumns().stream()
            .map(c -> c.select(request.csv()))
            .collect(Collectors.joining(", "))
        + " FROM "
        + table.from
        + " WHERE "
        + request.where(bound)
        + " ORDER BY x.change_txid, x.id";
  }

  /** The COPY statement that streams a CSV pull. */
  static String copy(String select) {
    return "COPY (" + select + ") TO STDOUT WITH (FORMAT csv, HEADER)";
  }

  private static long copyCsv(Connection connection, String select, OutputStream out)
      throws SQLException, IOException {
    var copy = connection.unwrap(PGConnection.class).getCopyAPI();
    long rows = copy.copyOut(copy(select), out);
    out.flush();
    return rows;
  }

  private long writeNdjson(
      Connection connection, String select, ExportTable table, OutputStream out)
      throws SQLException, IOException {
    var columns = table.allColumns();
    long rows = 0;
    try (var statement =
            connection.prepareStatement(
                select, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
      generator.setRootValueSeparator(null);
      statement.setFetchSize(FETCH_SIZE);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          generator.writeStartObject();
          for (int i = 0; i < columns.size(); i++) {
            var column = columns.get(i);
            generator.writeFieldName(column.name());
            switch (column.kind()) {
              case NUMBER -> {
                long value = result.getLong(i + 1);
                if (result.wasNull()) {
                  generator.writeNull();
                } else {
                  generator.writeNumber(value);
                }
              }
              case DECIMAL -> {
                double value = result.getDouble(i + 1);
                if (result.wasNull()) {
                  generator.writeNull();
                } else {
                  generator.writeNumber(value);
                }
              }
              case BOOLEAN -> {
                boolean value = result.getBoolean(i + 1);
                if (result.wasNull()) {
                  generator.writeNull();
                } else {
                  generator.writeBoolean(value);
                }
              }
              default -> generator.writeString(result.getString(i + 1));
            }
          }
          generator.writeEndObject();
          generator.writeRaw('\n');
          rows++;
        }
      }
      generator.flush();
    }
    return rows;
  }

  private Connection readOnly() throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setReadOnly(true);
    connection.setAutoCommit(false);
    return connection;
  }
}
