package io.backupdesk.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisSnapshot;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.Escalation;
import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.OrderPolicy;
import io.backupdesk.diagnostics.diagnosis.Resolution;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.diagnostics.diagnosis.StepResult;
import io.backupdesk.diagnostics.diagnosis.Verification;
import io.backupdesk.diagnostics.order.CaseTruth;
import io.backupdesk.diagnostics.order.GroundTruth;
import io.backupdesk.diagnostics.order.LearnedModel;
import io.backupdesk.diagnostics.order.LearningSettings;
import io.backupdesk.diagnostics.order.OrderSuggestions;
import io.backupdesk.diagnostics.order.Segment;
import io.backupdesk.diagnostics.order.SegmentEstimate;
import io.backupdesk.diagnostics.order.StepOrderLearner;
import io.backupdesk.diagnostics.order.StepTruth;
import io.backupdesk.diagnostics.order.WalkRecord;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.playbook.StepOrder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator against real PostgreSQL with the real schema, each test in a database of its own:
 * every row it writes has passed the schema's constraints, or the COPY would have failed.
 */
class DataGeneratorTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  /** A new, migrated database; the connection has auto-commit off. */
  static Connection freshDatabase(String name) throws SQLException {
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    String url = postgres.getJdbcUrl("postgres", name);
    Flyway.configure().dataSource(url, "postgres", "postgres").load().migrate();
    Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
    connection.setAutoCommit(false);
    return connection;
  }

  /**
   * The COPY column lists are a second mapping of the tables, beside the app's entities: a column
   * added without a default would be left empty by the generator without anyone noticing.
   */
  @Test
  void theCopyStatementsWriteEveryColumnThatHasNoDefault() throws Exception {
    try (Connection db = freshDatabase("gen_columns")) {
      for (int table = 0; table < Rows.TABLES.length; table++) {
        String copy = Rows.COPY[table];
        var written =
            List.of(copy.substring(copy.indexOf('(') + 1, copy.indexOf(')')).split(",\\s*"));
        var needed = new ArrayList<String>();
        var existing = new ArrayList<String>();
        try (var s =
            db.prepareStatement(
                "SELECT column_name, column_default IS NULL AND is_generated = 'NEVER'"
                    + " FROM information_schema.columns WHERE table_name = ?")) {
          s.setString(1, Rows.TABLES[table]);
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              existing.add(r.getString(1));
              // change_txid is stamped by a trigger on every write.
              if (r.getBoolean(2) && !r.getString(1).equals("change_txid")) {
                needed.add(r.getString(1));
              }
            }
          }
        }
        assertThat(written).as(Rows.TABLES[table]).containsAll(needed);
        assertThat(existing).as(Rows.TABLES[table]).containsAll(written);
      }
    }
  }

  /**
   * Asked for a range that ends after "now" (the command line's --to names a whole day, so today's
   * evening is still ahead), the generator stops at now: a ticket from the future would make the
   * application's first change of it earlier than its creation.
   */
  @Test
  void neverWritesATimeAfterNow() throws Exception {
    Instant now = Instant.parse("2026-11-20T12:00:00Z");
    var settings = GeneratorSettings.defaults(1_500).withSeed(11); // up to 2026-11-21T00:00
    assertThat(settings.until()).isAfter(now);
    try (Connection db = freshDatabase("gen_no_future")) {
      DataGenerator.generate(db, settings, List.of(), null, Clock.fixed(now, ZoneOffset.UTC));
      db.commit();

      for (var column :
          List.of(
              "customer.created_at",
              "customer.updated_at",
              "ticket.created_at",
              "ticket.updated_at",
              "ticket.resolved_at",
              "ticket.closed_at",
              "ticket_event.at",
              "diagnosis.started_at",
              "diagnosis.ended_at",
              "step_result.started_at",
              "step_result.ended_at")) {
        var table = column.substring(0, column.indexOf('.'));
        assertThat(count(db, table + " WHERE " + column + " > '" + now + "'"))
            .as(column + " after now")
            .isZero();
      }
      assertThat(count(db, "ticket WHERE created_at > '" + now.minusSeconds(6 * 3600) + "'"))
          .as("the last hours before now still have tickets")
          .isPositive();
    }
  }

  @Test
  void writesExactlyWhatItReportsAndEveryRowFollowsTheRules() throws Exception {
    var settings = GeneratorSettings.defaults(3_000).withSeed(7).withBatchSize(700);
    try (Connection db = freshDatabase("gen_rules")) {
      var report = DataGenerator.generate(db, settings, List.of(), null);
      db.commit();

      assertThat(report.tickets()).isEqualTo(3_000).isEqualTo(count(db, "ticket"));
      assertThat(report.customers())
          .isEqualTo(settings.customers())
          .isEqualTo(count(db, "customer"));
      assertThat(report.diagnoses()).isEqualTo(count(db, "diagnosis"));
      assertThat(report.stepResults()).isEqualTo(count(db, "step_result"));
      assertThat(report.events()).isEqualTo(count(db, "ticket_event"));
      assertThat(report.agentsCreated()).hasSize(8);

      assertThat(
              count(
                  db,
                  "ticket t WHERE NOT EXISTS (SELECT 1 FROM ticket_event e"
                      + " WHERE e.ticket_id = t.id AND e.kind = 'CREATED')"))
          .as("tickets without a CREATED event")
          .isZero();
      assertThat(
              count(
                  db,
                  "diagnosis d WHERE d.status = 'RESOLVED' AND NOT EXISTS (SELECT 1 FROM"
                      + " step_result s WHERE s.diagnosis_id = d.id AND s.step_number ="
                      + " d.resolved_step_number AND s.outcome = 'FIXED' AND s.verification ="
                      + " 'BACKUP_COMPLETED' AND s.fix_option_key = d.resolved_fix_key)"))
          .as("resolved diagnoses without their confirmed fix")
          .isZero();
      assertThat(
              count(
                  db,
                  "ticket t WHERE t.updated_at <> (SELECT max(e.at) FROM ticket_event e"
                      + " WHERE e.ticket_id = t.id)"))
          .as("tickets whose last change is not their last event")
          .isZero();
      assertThat(count(db, "ticket_event WHERE at > '" + settings.until() + "'"))
          .as("events after the simulated now")
          .isZero();
      assertThat(
              count(
                  db,
                  "ticket t JOIN diagnosis d ON d.ticket_id = t.id AND d.attempt = (SELECT"
                      + " max(attempt) FROM diagnosis x WHERE x.ticket_id = t.id) WHERE t.status"
                      + " <> 'CLOSED' AND t.status <> 'NEW' AND t.status <> CASE d.status WHEN"
                      + " 'IN_PROGRESS' THEN 'IN_DIAGNOSIS' WHEN 'AWAITING_VERIFICATION' THEN"
                      + " 'IN_DIAGNOSIS' WHEN 'ABANDONED' THEN 'WAITING_ON_CUSTOMER' ELSE"
                      + " d.status END"))
          .as("open tickets whose status does not follow their latest diagnosis")
          .isZero();
      assertThat(strings(db, "SELECT DISTINCT status FROM ticket", 1))
          .containsExactlyInAnyOrder(
              "NEW",
              "IN_DIAGNOSIS",
              "WAITING_ON_CUSTOMER",
              "WAITING_ON_APPLE",
              "RESOLVED",
              "ESCALATED",
              "CLOSED");

      assertEveryDiagnosisRestoresInTheCore(db);
    }
  }

  @Test
  void theMixLooksLikeARealHelpDesk() throws Exception {
    var settings = GeneratorSettings.defaults(4_000).withSeed(11);
    try (Connection db = freshDatabase("gen_mix")) {
      DataGenerator.generate(db, settings, List.of(), null);
      db.commit();

      Map<Integer, Long> byStep = new LinkedHashMap<>();
      try (Statement s = db.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT resolved_step_number, count(*) FROM diagnosis WHERE status = 'RESOLVED'"
                      + " GROUP BY 1 ORDER BY 2 DESC")) {
        while (r.next()) {
          byStep.put(r.getInt(1), r.getLong(2));
        }
      }
      assertThat(byStep.keySet().iterator().next()).as("most frequent fix").isEqualTo(4);
      assertThat(byStep).doesNotContainKey(5);
      assertThat(byStep.keySet()).contains(1, 2, 3, 4, 6, 7, 8, 9);

      double diagnoses = count(db, "diagnosis");
      double escalated = count(db, "diagnosis WHERE status = 'ESCALATED'");
      double abandoned = count(db, "ticket_event WHERE kind = 'ABANDONED'");
      // The default truth escalates about 5% of cases no step explains and about 9% whose fix
      // fails its test backup (one fault per case: nothing later helps), agents hand on 4.5%.
      assertThat(escalated / diagnoses).as("escalation share").isBetween(0.08, 0.20);
      assertThat(abandoned / diagnoses).as("abandonment share").isBetween(0.02, 0.12);
      assertThat(count(db, "ticket_event WHERE kind = 'RESUMED'")).isPositive();
      assertThat(count(db, "step_result WHERE verification = 'STILL_FAILING'")).isPositive();
      assertThat(count(db, "diagnosis WHERE status = 'RESOLVED' AND attempt = 2")).isPositive();
      assertThat(count(db, "diagnosis WHERE escalation_automatic")).isPositive();
      assertThat(count(db, "diagnosis WHERE escalation_automatic = false")).isPositive();
      assertThat(count(db, "step_result WHERE outcome = 'OUTAGE'")).isPositive();
      assertThat(count(db, "step_result WHERE outcome = 'SKIPPED'")).isPositive();

      double upgrades = count(db, "diagnosis WHERE resolved_fix_key = 'upgrade-plan'");
      double deletes = count(db, "diagnosis WHERE resolved_fix_key = 'delete-app-data'");
      assertThat(upgrades / (upgrades + deletes)).isBetween(0.3, 0.6);

      assertThat(
              share(
                  db,
                  "resolved_step_number = 7",
                  "device_model IN ('iPhone 6s', 'iPhone 7', 'iPhone 8', 'iPhone 8 Plus',"
                      + " 'iPhone 7 Plus', 'iPhone 6s Plus', 'iPhone SE (1st generation)',"
                      + " 'iPhone SE (2nd generation)', 'iPhone SE (3rd generation)')"))
          .as("restart fixes Home-button phones more often")
          .isGreaterThan(
              share(db, "resolved_step_number = 7", "device_model LIKE 'iPhone 1_%'") * 1.2);
      assertThat(share(db, "resolved_step_number = 9", "ios_version < '18'"))
          .as("an update fixes older iOS more often")
          .isGreaterThan(share(db, "resolved_step_number = 9", "ios_version LIKE '26%'") * 1.5);

      double repeatCustomers =
          count(db, "(SELECT customer_id FROM ticket GROUP BY 1 HAVING count(*) > 1) c");
      double within30Days =
          count(
              db,
              "ticket t WHERE EXISTS (SELECT 1 FROM ticket e WHERE e.customer_id = t.customer_id"
                  + " AND e.id < t.id AND t.created_at - e.created_at <= interval '30 days')");
      assertThat(repeatCustomers).isPositive();
      assertThat(within30Days / (4_000 - settings.customers())).isGreaterThan(0.8);
    }
  }

  /**
   * With exploration on, some diagnoses walk an explored order, each recorded with the exact
   * probability the policy gave it; and the core's learner, reading the generated walks as the
   * app's learning job does, finds each step's share of the cases it ends where the ground truth
   * put it (the Apple-status step aside: outages come from the scheduled windows).
   */
  @Test
  void diagnosesWalkExploredOrdersAndTheLearnerRecoversTheTruth() throws Exception {
    double explore = 0.2;
    var settings = GeneratorSettings.defaults(6_000).withSeed(23).withExploreShare(explore);
    Playbook playbook = Playbooks.standard().current();
    StepOrder article = StepOrder.article(playbook);
    var policy = OrderSuggestions.exploringArticle(playbook, explore);
    try (Connection db = freshDatabase("gen_truth")) {
      DataGenerator.generate(db, settings, List.of(), null);
      db.commit();

      Map<Long, List<StepResult>> results = results(db);
      List<WalkRecord> walks = new ArrayList<>();
      Map<OrderPolicy, Integer> byPolicy = new EnumMap<>(OrderPolicy.class);
      try (Statement s = db.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT id, device_model, ios_version, status, started_at, step_order,"
                      + " order_policy, order_model_version, order_propensity FROM diagnosis")) {
        while (r.next()) {
          var device = new Device(r.getString(2), r.getString(3));
          OrderChoice choice = orderChoice(r, 6);
          byPolicy.merge(choice.policy(), 1, Integer::sum);
          assertThat(choice.propensity())
              .as("propensity of diagnosis %d", r.getLong(1))
              .isCloseTo(policy.probabilityOf(device, choice.order()), within(1e-12));
          if (choice.policy() == OrderPolicy.ARTICLE) {
            assertThat(choice.order()).isEqualTo(article);
            assertThat(choice.propensity()).isCloseTo(1 - explore, within(1e-12));
          } else {
            assertThat(choice.order()).isNotEqualTo(article);
            assertThat(choice.propensity()).isLessThan(explore);
            assertThat(choice.modelVersion()).isEqualTo(OrderSuggestions.NO_MODEL_VERSION);
          }
          walks.add(
              WalkRecord.of(
                  device,
                  instant(r.getTimestamp(5)),
                  choice,
                  results.getOrDefault(r.getLong(1), List.of()),
                  DiagnosisStatus.valueOf(r.getString(4)),
                  playbook));
        }
      }
      assertThat(byPolicy.keySet())
          .containsExactlyInAnyOrder(OrderPolicy.ARTICLE, OrderPolicy.EXPLORE);
      assertThat(byPolicy.get(OrderPolicy.EXPLORE) / (double) walks.size())
          .as("explored share")
          .isBetween(explore - 0.03, explore + 0.03);
      assertThat(
              count(
                  db,
                  "step_result s JOIN diagnosis d ON d.id = s.diagnosis_id WHERE s.position <>"
                      + " array_position(string_to_array(d.step_order, ','), s.step_key::text)"))
          .as("results whose position is not their step's place in the walked order")
          .isZero();
      assertThat(count(db, "step_result WHERE position <> step_number"))
          .as("results walked out of the article's order")
          .isPositive();

      LearnedModel model =
          new StepOrderLearner(playbook, LearningSettings.DEFAULT)
              .train(1, walks, settings.from(), settings.until(), settings.until());
      SegmentEstimate everyone = model.segment(Segment.ALL.key()).orElseThrow();
      GroundTruth truth = GroundTruth.standard(playbook);
      double outages = everyone.step("apple-status").resolveChance().value();
      for (PlaybookStep step : playbook.steps()) {
        if (step.detectsOutage()) {
          continue;
        }
        double expected =
            walks.stream()
                .mapToDouble(walk -> shareWithoutOutages(truth.forDevice(walk.device()), step))
                .average()
                .orElseThrow();
        double learned = everyone.step(step.key()).resolveChance().value() / (1 - outages);
        assertThat(learned)
            .as("share of cases %s ends, truth %.4f", step.key(), expected)
            .isCloseTo(expected, within(0.008 + 0.05 * expected));
      }
    }
  }

  /** The truth's share of cases a step ends when the Apple-status step is never the cause. */
  private static double shareWithoutOutages(CaseTruth truth, PlaybookStep step) {
    double total = truth.noneWeight();
    double outage = 0;
    for (StepTruth each : truth.steps()) {
      total += each.causeWeight();
      if (each.stepKey().equals("apple-status")) {
        outage = each.causeWeight();
      }
    }
    StepTruth it = truth.step(step.key());
    return it.causeWeight() * it.fixWorks() / (total - outage);
  }

  @Test
  void theSameSeedGivesTheSameData() throws Exception {
    var settings = GeneratorSettings.defaults(400).withSeed(99).withBatchSize(150);
    String first;
    String second;
    try (Connection db = freshDatabase("gen_seed_a")) {
      DataGenerator.generate(db, settings, List.of(), null);
      db.commit();
      first = digest(db);
    }
    try (Connection db = freshDatabase("gen_seed_b")) {
      DataGenerator.generate(db, settings, List.of(), null);
      db.commit();
      second = digest(db);
    }
    try (Connection db = freshDatabase("gen_seed_c")) {
      DataGenerator.generate(db, settings.withSeed(100), List.of(), null);
      db.commit();
      assertThat(digest(db)).isNotEqualTo(first);
    }
    assertThat(second).isEqualTo(first);
  }

  @Test
  void addsToADatabaseThatHasRowsAndMovesTheSequencesOn() throws Exception {
    try (Connection db = freshDatabase("gen_twice")) {
      var accounts =
          List.of(
              new AgentSpec("alex", "Alex Agent", "agent", null),
              new AgentSpec("lee", "Lee Lead", "supervisor", null));
      var first =
          DataGenerator.generate(db, GeneratorSettings.defaults(300).withAgents(2), accounts, null);
      db.commit();
      assertThat(first.agentsCreated()).containsExactly("alex", "lee");
      long foreignKeys = count(db, "pg_constraint WHERE contype = 'f'");
      var second =
          DataGenerator.generate(
              db,
              GeneratorSettings.defaults(200)
                  .withSeed(5)
                  .withAgents(2)
                  .withForeignKeysAfterLoad(true),
              accounts,
              null);
      db.commit();
      assertThat(count(db, "pg_constraint WHERE contype = 'f'"))
          .as("foreign keys back after a bulk load")
          .isEqualTo(foreignKeys)
          .isPositive();
      assertThat(second.agentsCreated()).isEmpty();
      assertThat(count(db, "ticket")).isEqualTo(500);
      assertThat(count(db, "ticket_event")).isEqualTo(first.events() + second.events());
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "INSERT INTO customer (name, email) VALUES ('After Generator', 'after@example.com')");
        ResultSet r = s.executeQuery("SELECT max(id) FROM customer");
        r.next();
        assertThat(r.getLong(1)).isEqualTo(first.customers() + second.customers() + 1);
      }
      db.rollback();
    }
  }

  private static double share(Connection db, String condition, String among) throws SQLException {
    double all = count(db, "diagnosis WHERE status = 'RESOLVED' AND " + among);
    return count(db, "diagnosis WHERE status = 'RESOLVED' AND " + among + " AND " + condition)
        / Math.max(1, all);
  }

  private static long count(Connection db, String from) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + from)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static List<String> strings(Connection db, String sql, int columns) throws SQLException {
    var values = new ArrayList<String>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        var row = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
          row.append(c > 1 ? "|" : "").append(r.getString(c));
        }
        values.add(row.toString());
      }
    }
    return values;
  }

  private static String digest(Connection db) throws Exception {
    var sha = MessageDigest.getInstance("SHA-256");
    for (String sql :
        List.of(
            "SELECT id, name, email, phone, created_at FROM customer ORDER BY id",
            "SELECT id, customer_id, subject, device_model, ios_version, channel, priority, status,"
                + " assignee, created_by, created_at, updated_at, resolved_at, closed_at, version"
                + " FROM ticket ORDER BY id",
            "SELECT id, ticket_id, attempt, status, current_step, resolved_fix_key,"
                + " escalation_target, started_by, started_at, ended_at FROM diagnosis ORDER BY id",
            "SELECT id, diagnosis_id, step_number, outcome, fix_option_key, verification,"
                + " ended_at, recorded_by FROM step_result ORDER BY id",
            "SELECT id, ticket_id, diagnosis_id, at, actor, kind, summary FROM ticket_event"
                + " ORDER BY id")) {
      for (String row : strings(db, sql, sql.split(",").length)) {
        sha.update(row.getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Reads every diagnosis back and lets the core check it, as the app does on every command. */
  private static void assertEveryDiagnosisRestoresInTheCore(Connection db) throws SQLException {
    var playbooks = Playbooks.standard();
    Map<Long, List<StepResult>> results = results(db);
    int restored = 0;
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT id, playbook_version, device_model, ios_version, status,"
                    + " status_before_abandon, current_step, current_step_started_at,"
                    + " resolved_step_key, resolved_step_number, resolved_fix_key,"
                    + " escalation_target, escalation_reason, escalation_automatic, started_at,"
                    + " started_by, ended_at, step_order, order_policy, order_model_version,"
                    + " order_propensity FROM diagnosis ORDER BY id")) {
      while (r.next()) {
        var snapshot =
            new DiagnosisSnapshot(
                r.getInt(2),
                r.getString(3),
                r.getString(4),
                DiagnosisStatus.valueOf(r.getString(5)),
                r.getString(6) == null ? null : DiagnosisStatus.valueOf(r.getString(6)),
                r.getInt(7),
                instant(r.getTimestamp(8)),
                results.getOrDefault(r.getLong(1), List.of()),
                r.getString(11) == null
                    ? null
                    : new Resolution(r.getString(9), r.getInt(10), r.getString(11)),
                r.getString(12) == null
                    ? null
                    : new Escalation(
                        EscalationTarget.valueOf(r.getString(12)),
                        r.getString(13),
                        r.getBoolean(14)),
                instant(r.getTimestamp(15)),
                r.getString(16),
                instant(r.getTimestamp(17)),
                orderChoice(r, 18),
                null,
                null,
                List.of());
        Diagnosis.restore(playbooks.version(snapshot.playbookVersion()).orElseThrow(), snapshot);
        restored++;
      }
    }
    assertThat(restored).isPositive();
  }

  /** Every diagnosis's results, in walk order (position), keyed by the diagnosis's id. */
  private static Map<Long, List<StepResult>> results(Connection db) throws SQLException {
    Map<Long, List<StepResult>> results = new LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT diagnosis_id, step_key, step_number, step_version, outcome,"
                    + " fix_option_key, skip_reason, note, consent_given, verification,"
                    + " started_at, ended_at, recorded_by, verified_at, verified_by, position"
                    + " FROM step_result ORDER BY diagnosis_id, position")) {
      while (r.next()) {
        results
            .computeIfAbsent(r.getLong(1), id -> new ArrayList<>())
            .add(
                new StepResult(
                    r.getString(2),
                    r.getInt(3),
                    r.getInt(4),
                    StepOutcome.valueOf(r.getString(5)),
                    r.getString(6),
                    r.getString(7),
                    r.getString(8),
                    r.getBoolean(9),
                    r.getString(10) == null ? null : Verification.valueOf(r.getString(10)),
                    instant(r.getTimestamp(11)),
                    instant(r.getTimestamp(12)),
                    r.getString(13),
                    instant(r.getTimestamp(14)),
                    r.getString(15),
                    r.getInt(16),
                    1,
                    0));
      }
    }
    return results;
  }

  /** The order columns from {@code first} on: step_order, policy, model version, propensity. */
  private static OrderChoice orderChoice(ResultSet r, int first) throws SQLException {
    int version = r.getInt(first + 2);
    Integer modelVersion = r.wasNull() ? null : version;
    return new OrderChoice(
        new StepOrder(List.of(r.getString(first).split(","))),
        OrderPolicy.valueOf(r.getString(first + 1)),
        modelVersion,
        r.getDouble(first + 3));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
