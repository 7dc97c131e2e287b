package io.backupdesk.web.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens to the live channel of PostgreSQL on one connection of its own and hands each
 * notification to the {@link LiveHub}. Every instance behind the load balancer runs one, so every
 * instance hears every change, whichever instance (or trigger) made it.
 *
 * <p>Raw JDBC on purpose, outside the Agroal pool: LISTEN belongs to one database session for its
 * whole life, while a pooled connection is lent per transaction, reset, validated and possibly
 * closed by the pool at any time, and holding one forever would take a slot from the requests.
 * Notifications are read with pgjdbc's {@code getNotifications(timeout)}, which waits on the
 * socket; a lost connection is opened again with a growing pause, and the pages are then told that
 * they may have missed something.
 */
@ApplicationScoped
public class LiveListener {

  static final String CHANNEL = "backupdesk_live";
  private static final Logger LOG = Logger.getLogger(LiveListener.class);
  private static final int WAIT_MILLIS = 1_000;
  private static final long PROBE_AFTER_MILLIS = 30_000;

  private final LiveHub hub;
  private final String url;
  private final Optional<String> username;
  private final Optional<String> password;
  private volatile boolean running;
  private volatile Connection connection;
  private Thread thread;

  LiveListener(
      LiveHub hub,
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.hub = hub;
    this.url = url;
    this.username = username;
    this.password = password;
  }

  void start(@Observes StartupEvent started) {
    running = true;
    thread = new Thread(this::run, "live-listener");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent stopping) {
    running = false;
    closeQuietly(connection);
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void run() {
    long pause = 500;
    boolean heardBefore = false;
    while (running) {
      try (Connection c = open()) {
        connection = c;
        try (var statement = c.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        pause = 500;
        if (heardBefore) {
          LOG.info("Live updates: listening again");
          hub.resync();
        }
        heardBefore = true;
        listen(c);
      } catch (SQLException e) {
        if (running) {
          LOG.warnf("Live updates: channel lost (%s); retrying in %d ms", e.getMessage(), pause);
        }
      } finally {
        connection = null;
      }
      if (!running) {
        return;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      pause = Math.min(pause * 2, 10_000);
    }
  }

  private void listen(Connection c) throws SQLException {
    var pg = c.unwrap(PGConnection.class);
    long quietSince = System.currentTimeMillis();
    while (running) {
      PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
      if (notifications != null && notifications.length > 0) {
        for (var notification : notifications) {
          hub.deliver(notification.getParameter());
        }
        quietSince = System.currentTimeMillis();
      } else if (System.currentTimeMillis() - quietSince > PROBE_AFTER_MILLIS) {
        // A silent channel may be a dead connection (a server restart behind a proxy): ask.
        try (var statement = c.createStatement()) {
          statement.execute("SELECT 1");
        }
        quietSince = System.currentTimeMillis();
      }
    }
  }

  private Connection open() throws SQLException {
    var properties = new Properties();
    username.ifPresent(u -> properties.setProperty("user", u));
    password.ifPresent(p -> properties.setProperty("password", p));
    properties.setProperty("ApplicationName", "backupdesk-live-listener");
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("socketTimeout", "60");
    properties.setProperty("connectTimeout", "10");
    Connection c = new org.postgresql.Driver().connect(url, properties);
    if (c == null) {
      throw new SQLException("Not a PostgreSQL URL: " + url);
    }
    c.setAutoCommit(true);
    return c;
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing for shutdown: nothing left to do with it
      }
    }
  }
}
