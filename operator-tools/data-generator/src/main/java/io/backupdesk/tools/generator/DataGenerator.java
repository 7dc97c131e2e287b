package io.backupdesk.tools.generator;

import io.backupdesk.diagnostics.order.GroundTruth;
import io.backupdesk.diagnostics.order.OrderSuggestions;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a Backup Desk database with synthetic but rule-abiding data: customers, tickets, and for
 * each ticket up to two diagnoses played through the core {@code Diagnosis} state machine, with
 * their step results and timeline events. Plain JDBC with PostgreSQL's {@code COPY}, so the app
 * (demo data) and a command line (benchmark databases) share it.
 *
 * <p>Runs inside the caller's transaction (auto-commit must be off) and locks the tables it writes
 * against other writers until the caller commits. Ids are handed out after the highest id in use
 * and the sequences moved past them, so the app carries on normally afterwards. Rows are generated
 * and sent one batch at a time; memory stays flat however many tickets are asked for.
 */
public final class DataGenerator {

  /** Told after every batch. */
  @FunctionalInterface
  public interface Progress {
    void batchWritten(long ticketsDone, long ticketsTotal, Duration elapsed);
  }

  private static final String[] SEQUENCE_TABLES = {
    "customer", "ticket", "diagnosis", "step_result", "ticket_event"
  };

  private DataGenerator() {}

  /**
   * Creates the {@code accounts} that do not exist yet, enough generated working accounts to reach
   * {@link GeneratorSettings#agents()}, then the customers and tickets.
   */
  public static GenerationReport generate(
      Connection connection,
      GeneratorSettings settings,
      List<AgentSpec> accounts,
      Progress progress)
      throws SQLException {
    return generate(connection, settings, accounts, progress, Clock.systemUTC());
  }

  /**
   * As above, never writing a time after {@code clock}'s now: the application refuses to move a
   * ticket's update time before its creation, and a ticket from the future would be one.
   */
  public static GenerationReport generate(
      Connection connection,
      GeneratorSettings requested,
      List<AgentSpec> accounts,
      Progress progress,
      Clock clock)
      throws SQLException {
    var settings = requested.endingBy(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    if (connection.getAutoCommit()) {
      throw new IllegalArgumentException(
          "Run the generator inside a transaction: turn auto-commit off and commit afterwards");
    }
    // A mistake in the truth file fails here, before any table is locked or written.
    Playbook playbook = Playbooks.standard().current();
    GroundTruth truth = truth(settings.truthFile(), playbook);
    long started = System.nanoTime();
    lockTables(connection);
    List<String> created = createAccounts(connection, settings, accounts);
    Staff staff = new Staff(loadWorkingAccounts(connection), settings.seed());

    long[] lastIds = new long[SEQUENCE_TABLES.length];
    for (int i = 0; i < SEQUENCE_TABLES.length; i++) {
      lastIds[i] = lastIdInUse(connection, SEQUENCE_TABLES[i]);
    }
    Rows rows = new Rows(lastIds);
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    var master = new SplittableRandom(settings.seed());
    var schedule = new Schedule(settings, master.split());
    var world =
        new TicketStory.World(
            settings,
            playbook,
            truth,
            OrderSuggestions.exploringArticle(playbook, settings.exploreShare()),
            new Phones(DeviceCatalog.standard()),
            staff,
            schedule,
            rows);
    var customers = new Customers(settings, world.phones(), rows, master.split());
    var scenarios = TicketStory.Scenario.values();
    int tickets = settings.tickets();
    int firstScripted =
        settings.showcase() ? tickets - Math.min(tickets, scenarios.length) : tickets;
    long previous = settings.from().getEpochSecond();

    List<String[]> foreignKeys =
        settings.foreignKeysAfterLoad() ? dropForeignKeys(connection) : List.of();
    var writer = new Writer(connection, copy, progress, tickets, started);
    try {
      for (int i = 0; i < tickets; i++) {
        long arrival = schedule.next();
        TicketStory.Scenario scenario = null;
        if (i >= firstScripted) {
          scenario = scenarios[scenarios.length - (tickets - i)];
          arrival = settings.until().minus(scenario.beforeUntil).getEpochSecond();
        }
        arrival = Math.max(arrival, previous);
        previous = arrival;
        var ticketRandom = master.split();
        Instant createdAt = Instant.ofEpochSecond(arrival);
        Customers.Contact contact = customers.contact(i, createdAt, ticketRandom);
        new TicketStory(
                world, ticketRandom, contact.customerId(), contact.phone(), createdAt, scenario)
            .play();
        if ((i + 1) % settings.batchSize() == 0) {
          writer.write(rows, i + 1);
        }
      }
      customers.withoutTickets(settings.customers() - customers.created());
      writer.write(rows, tickets);
      writer.finish(rows);
      // The ticket/diagnosis status pairs (V10) are checked by deferred triggers; check them now,
      // as PostgreSQL refuses to alter a table with trigger events still pending.
      try (Statement s = connection.createStatement()) {
        s.execute("SET CONSTRAINTS ALL IMMEDIATE");
      }
      restoreForeignKeys(connection, foreignKeys);
    } finally {
      writer.close();
    }
    // The report summaries, recomputed from scratch in the same transaction: cheaper than
    // applying a bulk load change by change, and committed with the rows.
    try (Statement s = connection.createStatement()) {
      s.execute("SELECT report_rebuild()");
    }

    return new GenerationReport(
        rows.written(0),
        rows.written(1),
        rows.written(2),
        rows.written(3),
        rows.written(4),
        created,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** The truth in {@code file}, or the core's default truth when there is none. */
  static GroundTruth truth(Path file, Playbook playbook) {
    if (file == null) {
      return GroundTruth.standard(playbook);
    }
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return GroundTruth.parse(reader, file.toString(), playbook);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the truth file " + file, e);
    }
  }

  /**
   * Copies one batch on its own thread while the next one is generated: PostgreSQL and the
   * generator each keep a core busy. At most two batches are in memory.
   */
  private static final class Writer implements AutoCloseable {
    private final Connection connection;
    private final CopyManager copy;
    private final Progress progress;
    private final long total;
    private final long started;
    private final ExecutorService thread =
        Executors.newSingleThreadExecutor(
            task -> {
              var t = new Thread(task, "data-generator-copy");
              t.setDaemon(true);
              return t;
            });
    private Future<Csv[]> pending;

    Writer(Connection connection, CopyManager copy, Progress progress, long total, long started) {
      this.connection = connection;
      this.copy = copy;
      this.progress = progress;
      this.total = total;
      this.started = started;
    }

    void write(Rows rows, long ticketsDone) throws SQLException {
      if (rows.isEmpty()) {
        return;
      }
      Csv[] batch = rows.detach();
      long[] lastIds = rows.lastIds();
      finish(rows);
      pending =
          thread.submit(
              () -> {
                Rows.copy(copy, batch);
                moveSequences(connection, lastIds);
                if (progress != null) {
                  progress.batchWritten(
                      ticketsDone, total, Duration.ofNanos(System.nanoTime() - started));
                }
                return batch;
              });
    }

    /** Waits for the batch being written, if any. */
    void finish(Rows rows) throws SQLException {
      if (pending == null) {
        return;
      }
      try {
        rows.recycle(pending.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("Interrupted while writing generated rows", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof SQLException sql) {
          throw sql;
        }
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        pending = null;
      }
    }

    /** Lets a copy still running end before the caller rolls back on the same connection. */
    @Override
    public void close() {
      try {
        if (pending != null) {
          pending.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // Already failing: the caller sees the first error.
      } finally {
        thread.shutdownNow();
      }
    }
  }

  /**
   * Drops the foreign keys of the tables the generator writes to, returning (drop, add) statements;
   * PostgreSQL's advice for bulk loads, as checking a key row by row costs more than the insert.
   */
  private static List<String[]> dropForeignKeys(Connection connection) throws SQLException {
    var keys = new ArrayList<String[]>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),"
                    + " format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass,"
                    + " conname, pg_get_constraintdef(oid))"
                    + " FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY (ARRAY['"
                    + String.join("', '", SEQUENCE_TABLES)
                    + "']::regclass[]) ORDER BY conrelid::regclass::text, conname")) {
      while (r.next()) {
        keys.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
    try (Statement s = connection.createStatement()) {
      for (String[] key : keys) {
        s.execute(key[0]);
      }
    }
    return keys;
  }

  /** Adds the keys back; PostgreSQL checks every row against them, so bad data still fails. */
  private static void restoreForeignKeys(Connection connection, List<String[]> keys)
      throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String[] key : keys) {
        s.execute(key[1]);
      }
    }
  }

  /** Whether the database already has tickets (the demo data only goes into an empty one). */
  public static boolean hasTickets(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM ticket)")) {
      r.next();
      return r.getBoolean(1);
    }
  }

  /**
   * Keeps other writers out until the caller's transaction ends, so no id is taken twice; readers
   * carry on.
   */
  public static void lockTables(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(
          "LOCK TABLE agent, customer, ticket, diagnosis, step_result, ticket_event"
              + " IN SHARE ROW EXCLUSIVE MODE");
    }
  }

  private static List<String> createAccounts(
      Connection connection, GeneratorSettings settings, List<AgentSpec> accounts)
      throws SQLException {
    Set<String> taken = new HashSet<>();
    int working = 0;
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT username, role, enabled FROM agent")) {
      while (r.next()) {
        taken.add(r.getString(1));
        if (r.getBoolean(3) && !r.getString(2).equals("admin")) {
          working++;
        }
      }
    }
    var toCreate = new ArrayList<AgentSpec>();
    for (AgentSpec spec : accounts) {
      if (taken.add(spec.username())) {
        toCreate.add(spec);
        working += spec.role().equals("admin") ? 0 : 1;
      }
    }
    var random = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
    for (int n = 1; working < settings.agents(); n++) {
      String first = Texts.pick(Texts.FIRST_NAMES, random);
      String last = Texts.pick(Texts.LAST_NAMES, random);
      String username = (first + "." + last).toLowerCase(Locale.ROOT);
      if (!taken.add(username)) {
        username = username + n;
        if (!taken.add(username)) {
          continue;
        }
      }
      // About one in eight leads a team.
      String role = n % 8 == 0 ? "supervisor" : "agent";
      toCreate.add(new AgentSpec(username, first + " " + last, role, null));
      working++;
    }
    if (toCreate.isEmpty()) {
      return List.of();
    }
    String unusable = null;
    // Accounts exist before the first ticket they work on.
    var since = Timestamp.from(settings.from().minus(Duration.ofDays(14)));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO agent (username, display_name, email, role, password_hash, enabled,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, true, ?, ?)")) {
      for (AgentSpec spec : toCreate) {
        String hash = spec.passwordHash();
        if (hash == null) {
          // A hash of a secret nobody keeps: the account exists but no one can sign in with it.
          unusable = unusable != null ? unusable : unusableHash();
          hash = unusable;
        }
        insert.setString(1, spec.username());
        insert.setString(2, spec.displayName());
        insert.setString(3, spec.username() + "@staff.backupdesk.example");
        insert.setString(4, spec.role());
        insert.setString(5, hash);
        insert.setTimestamp(6, since);
        insert.setTimestamp(7, since);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return toCreate.stream().map(AgentSpec::username).toList();
  }

  private static String unusableHash() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(secret));
  }

  /** Enabled accounts as (user name, display name, role), in a stable order. */
  private static List<String[]> loadWorkingAccounts(Connection connection) throws SQLException {
    var accounts = new ArrayList<String[]>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT username, display_name, role FROM agent WHERE enabled ORDER BY username")) {
      while (r.next()) {
        accounts.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
      }
    }
    return accounts;
  }

  /** The highest id the table or its sequence has handed out. */
  private static long lastIdInUse(Connection connection, String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT GREATEST((SELECT COALESCE(MAX(id), 0) FROM "
                    + table
                    + "), (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "
                    + sequenceOf(table)
                    + "))")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void moveSequences(Connection connection, long[] lastIds) throws SQLException {
    var calls = new ArrayList<String>();
    for (int i = 0; i < SEQUENCE_TABLES.length; i++) {
      if (lastIds[i] > 0) {
        calls.add("setval('" + sequenceOf(SEQUENCE_TABLES[i]) + "', " + lastIds[i] + ")");
      }
    }
    if (calls.isEmpty()) {
      return;
    }
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT " + String.join(", ", calls))) {
      r.next();
    }
  }

  private static String sequenceOf(String table) {
    return table + "_id_seq";
  }
}
