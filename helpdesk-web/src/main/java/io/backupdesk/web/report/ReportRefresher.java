package io.backupdesk.web.report;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Keeps the report summaries fresh: every {@code helpdesk.reports.refresh-interval} (1 s) it
 * applies the changes that writers recorded since the last time ({@code report_refresh()},
 * migration V7), on the primary database. Several instances may run this; one refresh at a time
 * does the work, the others skip.
 */
@ApplicationScoped
public class ReportRefresher {

  private static final Logger LOG = Logger.getLogger(ReportRefresher.class);

  private final AgroalDataSource primary;

  ReportRefresher(AgroalDataSource primary) {
    this.primary = primary;
  }

  @Scheduled(
      identity = "report-refresh",
      every = "${helpdesk.reports.refresh-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    try {
      run(false);
    } catch (IllegalStateException e) {
      // A failed refresh leaves the changes in place for the next one.
      LOG.warn(e.getMessage());
    }
  }

  /**
   * Applies every change committed so far, waiting for a refresh under way in another session;
   * returns the number of customers whose figures were recomputed.
   */
  public int refreshNow() {
    return run(true);
  }

  private int run(boolean wait) {
    try (var connection = primary.getConnection();
        var statement = connection.prepareStatement("SELECT report_refresh(?)")) {
      statement.setBoolean(1, wait);
      try (var result = statement.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Refreshing the report summaries failed: " + e.getMessage(), e);
    }
  }
}
