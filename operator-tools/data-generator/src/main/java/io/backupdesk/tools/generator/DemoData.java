package io.backupdesk.tools.generator;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Fills an empty database with demo accounts and a few hundred tickets in every state, once: as
 * soon as a ticket exists it never runs again, so a restart keeps whatever is there. Each demo
 * account gets a random password that is logged once and stored only as a bcrypt hash.
 */
@ApplicationScoped
public class DemoData {

  /** The demo accounts; an account that already exists (e.g. a bootstrapped admin) is kept. */
  static final List<DemoAccount> ACCOUNTS =
      List.of(
          new DemoAccount("alex", "Alex Morgan", "agent"),
          new DemoAccount("sam", "Sam Rivera", "agent"),
          new DemoAccount("jordan", "Jordan Blake", "agent"),
          new DemoAccount("lee", "Lee Chen", "supervisor"),
          new DemoAccount("admin", "Administrator", "admin"));

  /** The demo data is the same every time, apart from the dates. */
  static final long SEED = 2026;

  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int PASSWORD_LENGTH = 16;
  private static final Logger LOG = Logger.getLogger(DemoData.class);

  record DemoAccount(String username, String displayName, String role) {}

  /** An account to create and the password it gets (only ever shown in the start-up log). */
  public record NewAccount(AgentSpec spec, String password) {}

  /** What one load did. */
  public record Loaded(GenerationReport report, List<NewAccount> accounts, Duration took) {}

  private final DataSource dataSource;
  private final DemoDataConfig config;
  private final Clock clock;

  DemoData(DataSource dataSource, DemoDataConfig config, Clock clock) {
    this.dataSource = dataSource;
    this.config = config;
    this.clock = clock;
  }

  /** After Flyway (which Quarkus runs before start-up observers) and the admin bootstrap. */
  void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent event)
      throws SQLException {
    if (config.enabled()) {
      load().ifPresent(DemoData::announce);
    }
  }

  /** Loads the demo data if the database has no ticket; empty when it already had some. */
  public Optional<Loaded> load() throws SQLException {
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        // Locked first, so two instances starting together cannot both load.
        DataGenerator.lockTables(connection);
        if (DataGenerator.hasTickets(connection)) {
          connection.rollback();
          return Optional.empty();
        }
        List<NewAccount> accounts = newAccounts(existingUsernames(connection));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var settings =
            GeneratorSettings.defaults(config.tickets())
                .withRange(now.minus(Duration.ofDays(config.days())), now)
                .withSeed(SEED)
                .withAgents(4)
                .withShowcase(true)
                .withForeignKeysAfterLoad(false);
        var report =
            DataGenerator.generate(
                connection, settings, accounts.stream().map(NewAccount::spec).toList(), null);
        connection.commit();
        return Optional.of(
            new Loaded(report, accounts, Duration.ofNanos(System.nanoTime() - started)));
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** The demo accounts not in {@code existing}, each with a fresh random password. */
  static List<NewAccount> newAccounts(Set<String> existing) {
    var random = new SecureRandom();
    var accounts = new ArrayList<NewAccount>();
    for (DemoAccount account : ACCOUNTS) {
      if (existing.contains(account.username())) {
        continue;
      }
      var password = new StringBuilder(PASSWORD_LENGTH);
      for (int i = 0; i < PASSWORD_LENGTH; i++) {
        password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      accounts.add(
          new NewAccount(
              new AgentSpec(
                  account.username(),
                  account.displayName(),
                  account.role(),
                  BcryptUtil.bcryptHash(password.toString())),
              password.toString()));
    }
    return accounts;
  }

  private static Set<String> existingUsernames(Connection connection) throws SQLException {
    var names = new HashSet<String>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT username FROM agent")) {
      while (r.next()) {
        names.add(r.getString(1));
      }
    }
    return names;
  }

  /** The one and only time the passwords are shown. */
  private static void announce(Loaded loaded) {
    var text = new StringBuilder();
    var report = loaded.report();
    text.append(
        String.format(
            Locale.ROOT,
            "Demo data loaded in %d ms: %d tickets, %d customers, %d diagnoses.%n",
            loaded.took().toMillis(),
            report.tickets(),
            report.customers(),
            report.diagnoses()));
    text.append("==================== Demo accounts (shown once) ====================\n");
    for (DemoAccount account : ACCOUNTS) {
      String password =
          loaded.accounts().stream()
              .filter(a -> a.spec().username().equals(account.username()))
              .map(NewAccount::password)
              .findFirst()
              .orElse("(account existed already; password unchanged)");
      text.append(
          String.format(
              Locale.ROOT, "  %-8s %-11s %s%n", account.username(), account.role(), password));
    }
    text.append("The passwords are stored only as hashes: note them now. Sign in at /login.\n");
    text.append("====================================================================");
    LOG.info(text);
  }
}
