package io.backupdesk.tools.generator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Command line for benchmark and demo databases: migrates the target database, then fills it with
 * the {@link DataGenerator} in one transaction. Plain Java (no CDI), so {@code exec:java} or a
 * plain {@code java -cp} can run it.
 *
 * <pre>
 * GenerateData --url jdbc:postgresql://127.0.0.1:5432/helpdesk --user helpdesk --password helpdesk
 *              --tickets 1000000 [--customers N] [--agents N] [--from 2026-08-01]
 *              [--to 2026-11-20] [--seed 42] [--batch 5000] [--truth truth.csv] [--explore 0.1]
 * </pre>
 */
public final class GenerateData {

  private static final String USAGE =
      """
      Usage: GenerateData --url jdbc:postgresql://host:port/db --user USER --password PASSWORD
                          --tickets N [--customers N] [--agents N] [--from YYYY-MM-DD]
                          [--to YYYY-MM-DD] [--seed N] [--batch N] [--truth FILE]
                          [--explore SHARE]

        --tickets    tickets to create
        --customers  distinct customers (default: 88%% of the tickets; the rest are repeat contacts)
        --agents     least number of working accounts; missing ones are created with unusable
                     passwords (default: one per 25,000 tickets, at least 8)
        --from/--to  tickets are opened on these days, both included, UTC
                     (default: %s to %s)
        --seed       same seed, same data (default: 42)
        --batch      tickets per COPY round trip (default: 5000)
        --truth      what really goes wrong with the phones: a CSV file in the format of the
                     core's default-truth.csv (default: that file)
        --explore    share of diagnoses walking an order one swap away from the article's,
                     recorded with its propensity; 0 walks the article's order (default: %s)
      """
          .formatted(
              GeneratorSettings.DEFAULT_FROM,
              GeneratorSettings.DEFAULT_TO,
              GeneratorSettings.DEFAULT_EXPLORE_SHARE);

  private GenerateData() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println();
      System.err.print(USAGE);
      System.exit(2);
    } catch (SQLException e) {
      System.err.println("The database refused the data: " + e.getMessage());
      System.exit(1);
    }
  }

  static GenerationReport run(String[] args) throws SQLException {
    Map<String, String> options = parse(args);
    String url = required(options, "url");
    String user = required(options, "user");
    String password = options.getOrDefault("password", "");
    int tickets = number(options, "tickets", null);

    var settings = GeneratorSettings.defaults(tickets);
    LocalDate from = date(options, "from", GeneratorSettings.DEFAULT_FROM);
    LocalDate to = date(options, "to", GeneratorSettings.DEFAULT_TO);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to (" + to + ") is before --from (" + from + ")");
    }
    settings =
        settings
            .withRange(
                from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
            .withCustomers(
                number(options, "customers", GeneratorSettings.defaultCustomers(tickets)))
            .withAgents(number(options, "agents", settings.agents()))
            .withSeed(number(options, "seed", 42))
            .withBatchSize(number(options, "batch", settings.batchSize()))
            .withTruthFile(options.containsKey("truth") ? Path.of(options.get("truth")) : null)
            .withExploreShare(share(options, "explore", settings.exploreShare()));

    System.out.println("Migrating " + url + " ...");
    // Out of order, as the app migrates (application.properties says why).
    Flyway.configure().dataSource(url, user, password).outOfOrder(true).load().migrate();

    System.out.printf(
        Locale.ROOT,
        "Generating %,d tickets for %,d customers, %s to %s, seed %d, truth from %s,"
            + " %.0f%% exploration ...%n",
        settings.tickets(),
        settings.customers(),
        from,
        to,
        settings.seed(),
        settings.truthFile() == null ? "the core's default-truth.csv" : settings.truthFile(),
        100 * settings.exploreShare());
    GenerationReport report;
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      connection.setAutoCommit(false);
      report =
          DataGenerator.generate(
              connection,
              settings,
              List.of(),
              (done, total, elapsed) ->
                  System.out.printf(
                      Locale.ROOT,
                      "  %,11d / %,d tickets  %6.1f s  %,9.0f tickets/s%n",
                      done,
                      total,
                      elapsed.toMillis() / 1000.0,
                      done / Math.max(0.001, elapsed.toMillis() / 1000.0)));
      System.out.println("Committing ...");
      connection.commit();
      Instant analyzed = Instant.now();
      connection.setAutoCommit(true);
      try (Statement s = connection.createStatement()) {
        s.execute("ANALYZE customer, ticket, diagnosis, step_result, ticket_event, agent");
      }
      System.out.printf(
          Locale.ROOT,
          "Analyzed the tables in %.1f s.%n",
          Duration.between(analyzed, Instant.now()).toMillis() / 1000.0);
      printSummary(connection, report);
    }
    return report;
  }

  private static void printSummary(Connection connection, GenerationReport report)
      throws SQLException {
    System.out.printf(
        Locale.ROOT,
        "Wrote %,d rows in %.1f s (%,.0f tickets/s):%n",
        report.rows(),
        report.elapsed().toMillis() / 1000.0,
        report.ticketsPerSecond());
    String[][] lines = {
      {"customers", "customer", String.valueOf(report.customers())},
      {"tickets", "ticket", String.valueOf(report.tickets())},
      {"diagnoses", "diagnosis", String.valueOf(report.diagnoses())},
      {"step results", "step_result", String.valueOf(report.stepResults())},
      {"timeline events", "ticket_event", String.valueOf(report.events())},
      {"agents", "agent", String.valueOf(report.agentsCreated().size())},
    };
    for (String[] line : lines) {
      System.out.printf(
          Locale.ROOT,
          "  %-16s %,12d written, %,12d in the database%n",
          line[0],
          Long.parseLong(line[2]),
          count(connection, line[1]));
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        throw new IllegalArgumentException("Backup Desk data generator");
      }
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      String value;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      if (!List.of(
              "url",
              "user",
              "password",
              "tickets",
              "customers",
              "agents",
              "from",
              "to",
              "seed",
              "batch",
              "truth",
              "explore")
          .contains(name)) {
        throw new IllegalArgumentException("Unknown option --" + name);
      }
      options.put(name, value);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private static int number(Map<String, String> options, String name, Integer fallback) {
    String value = options.get(name);
    if (value == null) {
      if (fallback == null) {
        throw new IllegalArgumentException("--" + name + " is required");
      }
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.replace("_", ""));
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number of at least 0, not " + value);
    }
  }

  private static double share(Map<String, String> options, String name, double fallback) {
    String value = options.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      double share = Double.parseDouble(value);
      if (!(share >= 0 && share < 1)) {
        throw new NumberFormatException();
      }
      return share;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a share of at least 0 and below 1, not " + value);
    }
  }

  private static LocalDate date(Map<String, String> options, String name, LocalDate fallback) {
    String value = options.get(name);
    try {
      return value == null ? fallback : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--" + name + " must be a date like 2026-08-01");
    }
  }
}
