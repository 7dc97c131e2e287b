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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Streams an export from the {@code reporting} datasource with constant memory: CSV straight from
 * PostgreSQL's COPY, NDJSON from a forward-only cursor fetched 1000 rows at a time.
 *
 * <p>The resume contract: a pull reads in one REPEATABLE READ transaction, whose snapshot ({@code
 * pg_current_snapshot()}) says which transactions it sees committed. It sends every row it sees
 * whose last writer ({@code change_txid}, stamped by a trigger) the cursor's snapshot did not see
 * committed ({@code pg_visible_in_snapshot}), and hands out its own snapshot as the next cursor. A
 * transaction that commits later is invisible to this pull and visible to the next one, so every
 * committed change is sent by exactly one pull, in whatever order writers commit, and a full pull
 * sends every row its snapshot sees, however long some other transaction stays open.
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

  /** The server has not yet replayed everything a cursor from elsewhere has delivered. */
  static final class BehindCursorException extends RuntimeException {
    BehindCursorException(ExportSnapshot server, ExportSnapshot cursor) {
      super(
          "This database has not yet caught up with the cursor (it sees "
              + server
              + ", the cursor "
              + cursor
              + "): a replica that lags behind the one that gave out the cursor. Retry in a"
              + " moment.");
    }
  }

  /**
   * One pull with its transaction already open, so that the cursor after it (its snapshot) is known
   * before the first row is sent and the rows are exactly those of that snapshot. Close it once
   * streamed, or if it never is.
   */
  final class Pull implements AutoCloseable {
    private final ExportRequest request;
    private final Connection connection;
    private final ExportSnapshot snapshot;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Pull(ExportRequest request, Connection connection, ExportSnapshot snapshot) {
      this.request = request;
      this.connection = connection;
      this.snapshot = snapshot;
    }

    /** The cursor after this pull: its snapshot. */
    ExportCursor next() {
      return ExportCursor.after(snapshot);
    }

    /** Writes every row of the pull to {@code out} and returns how many; once only. */
    long stream(OutputStream out) throws IOException {
      if (!started.compareAndSet(false, true)) {
        throw new IllegalStateException("A pull is streamed once");
      }
      var table = request.table();
      String select = select(request, snapshot);
      long began = System.nanoTime();
      try {
        long rows =
            request.csv()
                ? copyCsv(connection, select, out)
                : writeNdjson(connection, select, request, snapshot, out);
        LOG.debugf(
            "Exported %d %s rows in %d ms",
            Long.valueOf(rows), table.path, Long.valueOf((System.nanoTime() - began) / 1_000_000));
        return rows;
      } catch (SQLException e) {
        throw new IOException("Export of " + table.path + " failed: " + e.getMessage(), e);
      } finally {
        close();
      }
    }

    /** Closes the pull if it was never streamed (the response was never written). */
    void abandon() {
      if (!started.get()) {
        close();
      }
    }

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      try (connection) {
        connection.rollback();
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      } catch (SQLException e) {
        LOG.debug("Closing an export's connection failed", e);
      }
    }
  }

  /**
   * Opens the pull's read-only REPEATABLE READ transaction and takes its snapshot: its first
   * statement fixes the snapshot every later statement of the transaction reads with.
   */
  Pull open(ExportRequest request) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      ExportSnapshot snapshot;
      try (var statement = connection.createStatement();
          var result = statement.executeQuery("SELECT pg_current_snapshot()::text")) {
        result.next();
        snapshot = ExportSnapshot.parse(result.getString(1));
      }
      var cursor = request.cursor();
      if (cursor != null && !snapshot.includes(cursor.latest())) {
        throw new BehindCursorException(snapshot, cursor.latest());
      }
      return new Pull(request, connection, snapshot);
    } catch (SQLException | RuntimeException e) {
      if (connection != null) {
        try (var c = connection) {
          c.rollback();
          c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Could not start the export: " + e.getMessage(), e);
    }
  }

  /** The SELECT of a pull that reads with snapshot {@code now}, every value inline. */
  static String select(ExportRequest request, ExportSnapshot now) {
    var table = request.table();
    return "SELECT "
        + table.allColumns(request.rowCursor(now)).stream()
            .map(c -> c.select(request.csv()))
            .collect(Collectors.joining(", "))
        + " FROM "
        + table.from
        + " WHERE "
        + request.where()
        + " ORDER BY "
        + request.orderBy();
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
      Connection connection,
      String select,
      ExportRequest request,
      ExportSnapshot now,
      OutputStream out)
      throws SQLException, IOException {
    var columns = request.table().allColumns(request.rowCursor(now));
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
}
