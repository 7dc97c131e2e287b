package io.backupdesk.web.export;

import static io.backupdesk.web.report.ReportFixture.customer;
import static io.backupdesk.web.report.ReportFixture.diagnosis;
import static io.backupdesk.web.report.ReportFixture.execute;
import static io.backupdesk.web.report.ReportFixture.rows;
import static io.backupdesk.web.report.ReportFixture.ticket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestTickets;
import io.backupdesk.web.ticket.TicketChange;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The export against rows written with chosen timestamps in 2018 (a year no other test uses), and
 * the cursor against changes that commit out of order.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestSecurity(user = "exp-lead", roles = "supervisor", authMechanism = "api")
class ExportResourceTest {

  static final String STEP_HEADER =
      "step_result_id,ticket_id,diagnosis_id,step_key,step_number,playbook_version,step_version,"
          + "outcome,fix_option,verification,consent_given,agent,started_at,ended_at,verified_at,"
          + "verified_by,updated_at,position,attempt,corrections,cursor";
  static final String JUNE = "from=2018-06-01&to=2018-06-02";

  @Inject TestTickets tickets;
  @Inject AgroalDataSource primary;

  String agent;
  long ticketA;
  long ticketB;

  @BeforeAll
  void writeRows() {
    agent = TestData.agent("exp-agent");
    TestData.agent("exp-lead", "supervisor");
    long customer = customer("Export Customer", "export-customer@example.com");
    ticketA = ticket(customer, "iPhone Export-A", "17.5", agent, "2018-06-01T10:00");
    diagnosis(ticketA, 1, agent, "2018-06-01T10:00")
        .nothingWrong(1, "2018-06-01T10:00", "2018-06-01T10:05")
        .fixed(2, "join-network", true, "2018-06-01T10:05", "2018-06-01T10:15")
        .resolved(2, "join-network", "2018-06-01T10:20");
    ticketB = ticket(customer, "iPhone Export-B", "16.7", agent, "2018-06-02T08:00");
    diagnosis(ticketB, 1, agent, "2018-06-02T08:00")
        .nothingWrong(1, "2018-06-02T08:00", "2018-06-02T08:03")
        .inProgressAt(2, "2018-06-02T08:03");
  }

  /**
   * (id, diagnosis id, position txid-id) of the step results of tickets A and B, in export order; a
   * full pull's row cursor is {@code 0~<its snapshot>~<position>}.
   */
  private List<List<String>> juneSteps(String cursorPrefix) {
    return rows(
        """
        SELECT s.id::text, s.diagnosis_id::text, ? || s.change_txid::text || '-' || s.id
        FROM step_result s JOIN diagnosis d ON d.id = s.diagnosis_id
        WHERE d.ticket_id IN (?, ?) ORDER BY s.change_txid, s.id
        """,
        cursorPrefix,
        ticketA,
        ticketB);
  }

  @Test
  void csvHasTheDocumentedColumnsAndTheKnownRows() {
    var response =
        given()
            .get("/api/v1/export/step-results?" + JUNE + "&format=csv")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header("Export-Next-Cursor", matchesPattern("\\d+:\\d+:[\\d.]*"))
            .header("Content-Disposition", "attachment; filename=\"step-results.csv\"")
            .extract();
    var steps = juneSteps("0~" + response.header("Export-Next-Cursor") + "~");
    var body = response.asString();
    assertThat(body.split("\n"))
        .containsExactly(
            STEP_HEADER,
            steps.get(0).get(0)
                + ","
                + ticketA
                + ","
                + steps.get(0).get(1)
                + ",backup-switch,1,1,1,NOTHING_WRONG,,,false,exp-agent,"
                + "2018-06-01T10:00:00.000000Z,2018-06-01T10:05:00.000000Z,,,"
                + "2018-06-01T10:05:00.000000Z,1,1,0,"
                + steps.get(0).get(2),
            steps.get(1).get(0)
                + ","
                + ticketA
                + ","
                + steps.get(1).get(1)
                + ",wifi,2,1,1,FIXED,join-network,BACKUP_COMPLETED,false,exp-agent,"
                + "2018-06-01T10:05:00.000000Z,2018-06-01T10:15:00.000000Z,"
                + "2018-06-01T10:15:00.000000Z,exp-agent,2018-06-01T10:15:00.000000Z,2,1,0,"
                + steps.get(1).get(2),
            steps.get(2).get(0)
                + ","
                + ticketB
                + ","
                + steps.get(2).get(1)
                + ",backup-switch,1,1,1,NOTHING_WRONG,,,false,exp-agent,"
                + "2018-06-02T08:00:00.000000Z,2018-06-02T08:03:00.000000Z,,,"
                + "2018-06-02T08:03:00.000000Z,1,1,0,"
                + steps.get(2).get(2));
  }

  @Test
  void ndjsonHasOneTypedObjectPerLine() {
    var response =
        given()
            .accept("application/x-ndjson")
            .get("/api/v1/export/step-results?" + JUNE)
            .then()
            .statusCode(200)
            .contentType(startsWith("application/x-ndjson"))
            .extract();
    var steps = juneSteps("0~" + response.header("Export-Next-Cursor") + "~");
    var body = response.asString();
    assertThat(body).endsWith("}\n");
    assertThat(body.split("\n"))
        .containsExactly(
            "{\"step_result_id\":"
                + steps.get(0).get(0)
                + ",\"ticket_id\":"
                + ticketA
                + ",\"diagnosis_id\":"
                + steps.get(0).get(1)
                + ",\"step_key\":\"backup-switch\",\"step_number\":1,\"playbook_version\":1,"
                + "\"step_version\":1,\"outcome\":\"NOTHING_WRONG\",\"fix_option\":null,"
                + "\"verification\":null,\"consent_given\":false,\"agent\":\"exp-agent\","
                + "\"started_at\":\"2018-06-01T10:00:00.000000Z\","
                + "\"ended_at\":\"2018-06-01T10:05:00.000000Z\",\"verified_at\":null,"
                + "\"verified_by\":null,\"updated_at\":\"2018-06-01T10:05:00.000000Z\","
                + "\"position\":1,\"attempt\":1,\"corrections\":0,"
                + "\"cursor\":\""
                + steps.get(0).get(2)
                + "\"}",
            "{\"step_result_id\":"
                + steps.get(1).get(0)
                + ",\"ticket_id\":"
                + ticketA
                + ",\"diagnosis_id\":"
                + steps.get(1).get(1)
                + ",\"step_key\":\"wifi\",\"step_number\":2,\"playbook_version\":1,"
                + "\"step_version\":1,\"outcome\":\"FIXED\",\"fix_option\":\"join-network\","
                + "\"verification\":\"BACKUP_COMPLETED\",\"consent_given\":false,"
                + "\"agent\":\"exp-agent\",\"started_at\":\"2018-06-01T10:05:00.000000Z\","
                + "\"ended_at\":\"2018-06-01T10:15:00.000000Z\","
                + "\"verified_at\":\"2018-06-01T10:15:00.000000Z\",\"verified_by\":\"exp-agent\","
                + "\"updated_at\":\"2018-06-01T10:15:00.000000Z\","
                + "\"position\":2,\"attempt\":1,\"corrections\":0,"
                + "\"cursor\":\""
                + steps.get(1).get(2)
                + "\"}",
            "{\"step_result_id\":"
                + steps.get(2).get(0)
                + ",\"ticket_id\":"
                + ticketB
                + ",\"diagnosis_id\":"
                + steps.get(2).get(1)
                + ",\"step_key\":\"backup-switch\",\"step_number\":1,\"playbook_version\":1,"
                + "\"step_version\":1,\"outcome\":\"NOTHING_WRONG\",\"fix_option\":null,"
                + "\"verification\":null,\"consent_given\":false,\"agent\":\"exp-agent\","
                + "\"started_at\":\"2018-06-02T08:00:00.000000Z\","
                + "\"ended_at\":\"2018-06-02T08:03:00.000000Z\",\"verified_at\":null,"
                + "\"verified_by\":null,\"updated_at\":\"2018-06-02T08:03:00.000000Z\","
                + "\"position\":1,\"attempt\":1,\"corrections\":0,"
                + "\"cursor\":\""
                + steps.get(2).get(2)
                + "\"}");
  }

  @Test
  void ticketsAndDiagnosesHaveTheirDocumentedColumns() {
    given()
        .get("/api/v1/export/tickets?" + JUNE)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .body(
            startsWith(
                "ticket_id,customer_id,device_model,ios_version,ios_major,channel,priority,status,"
                    + "assignee,created_by,created_at,resolved_at,closed_at,updated_at,"
                    + "resolved_by,closed_by,merged_into,cursor\n"
                    + ticketA));
    given()
        .get("/api/v1/export/diagnoses?" + JUNE + "&format=ndjson")
        .then()
        .statusCode(200)
        .body(
            startsWith("{\"diagnosis_id\":"),
            org.hamcrest.Matchers.containsString(
                "\"ticket_id\":"
                    + ticketA
                    + ",\"attempt\":1,\"playbook_version\":1,"
                    + "\"device_model\":\"iPhone Export-A\",\"ios_version\":\"17.5\","
                    + "\"status\":\"RESOLVED\",\"current_step\":null,\"resolved_step_key\":\"wifi\","
                    + "\"resolved_step_number\":2,\"resolved_fix_option\":\"join-network\","
                    + "\"escalation_target\":null,\"escalation_automatic\":null,"
                    + "\"started_by\":\"exp-agent\",\"started_at\":\"2018-06-01T10:00:00.000000Z\","
                    + "\"ended_at\":\"2018-06-01T10:20:00.000000Z\","),
            // Rows written before orders existed walk the article's order, chosen with certainty.
            org.hamcrest.Matchers.containsString(
                "\"step_order\":null,\"order_policy\":\"ARTICLE\",\"order_propensity\":1.0,"
                    + "\"order_model_version\":null,\"current_step_started_at\":null,\"status_before_abandon\":null,\"cursor\":"));
  }

  @Test
  void formatWinsOverAccept() {
    given()
        .accept("application/x-ndjson")
        .get("/api/v1/export/tickets?" + JUNE + "&format=csv")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"));
    given()
        .accept("text/csv")
        .get("/api/v1/export/tickets?" + JUNE + "&format=ndjson")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/x-ndjson"));
    // No preference: CSV.
    given()
        .accept("*/*")
        .get("/api/v1/export/tickets?" + JUNE)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"));
    given()
        .accept("application/json")
        .get("/api/v1/export/tickets?" + JUNE)
        .then()
        .statusCode(406)
        .contentType("application/problem+json");
  }

  @Test
  void everyRowIsExportedWithoutACap() {
    for (var table :
        Map.of(
                "tickets",
                "ticket",
                "diagnoses",
                "diagnosis",
                "step-results",
                "step_result",
                "timeline",
                "ticket_event",
                "agents",
                "agent")
            .entrySet()) {
      long expected =
          Long.parseLong(rows("SELECT count(*) FROM " + table.getValue()).get(0).get(0));
      String csv =
          given()
              .get("/api/v1/export/" + table.getKey())
              .then()
              .statusCode(200)
              .extract()
              .asString();
      String ndjson =
          given()
              .get("/api/v1/export/" + table.getKey() + "?format=ndjson")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      assertThat(csv.lines().count() - 1).as(table.getKey() + " as CSV").isEqualTo(expected);
      assertThat(ndjson.lines().count()).as(table.getKey() + " as NDJSON").isEqualTo(expected);
    }
  }

  @Test
  void aPullWithTheCursorReturnsExactlyWhatChangedSince() {
    long customer = customer("Cursor Customer", "cursor-customer@example.com");
    long ticket = ticket(customer, "iPhone Export-C", "17.5", agent, "2018-07-01T09:00");
    diagnosis(ticket, 1, agent, "2018-07-01T09:00")
        .nothingWrong(1, "2018-07-01T09:00", "2018-07-01T09:01")
        .nothingWrong(2, "2018-07-01T09:01", "2018-07-01T09:02")
        .inProgressAt(3, "2018-07-01T09:02");
    String july = "/api/v1/export/step-results?from=2018-07-01&to=2018-07-01&format=csv";
    var first = given().get(july);
    assertThat(first.asString().lines().count()).isEqualTo(3);
    String cursor = first.header("Export-Next-Cursor");

    var nothingNew = given().get(july + "&cursor=" + cursor);
    assertThat(nothingNew.asString().lines().toList()).containsExactly(STEP_HEADER);
    String stillNothing = nothingNew.header("Export-Next-Cursor");

    String stepOne =
        rows(
                "SELECT s.id::text FROM step_result s JOIN diagnosis d ON d.id = s.diagnosis_id"
                    + " WHERE d.ticket_id = ? AND s.step_number = 1",
                ticket)
            .get(0)
            .get(0);
    execute("UPDATE step_result SET note = 'Checked again' WHERE id = ?", Long.parseLong(stepOne));

    for (String since : List.of(cursor, stillNothing)) {
      var changed = given().get(july + "&cursor=" + since);
      var lines = changed.asString().lines().toList();
      assertThat(lines).hasSize(2);
      assertThat(lines.get(1)).startsWith(stepOne + ",").contains(",backup-switch,1,");
      String newCursor = changed.header("Export-Next-Cursor");
      assertThat(lines.get(1))
          .contains("," + since + "~" + newCursor + "~")
          .endsWith("-" + stepOne);
      var after = given().get(july + "&cursor=" + newCursor).asString();
      assertThat(after.lines().toList()).containsExactly(STEP_HEADER);
    }
  }

  @Test
  void aChangeMadeThroughTheAppIsPickedUpIncrementally() {
    String everything = "/api/v1/export/tickets?format=ndjson";
    String cursor = given().get(everything).header("Export-Next-Cursor");
    long ticket = ticketB;
    tickets.update(ticket, null, TicketChange.priority(Priority.URGENT, null), agent);

    var lines = given().get(everything + "&cursor=" + cursor).asString().lines().toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("{\"ticket_id\":" + ticket + ",")
        .contains("\"priority\":\"URGENT\"");
  }

  /**
   * Transaction A changes ticket X and stays open; B changes ticket Y and commits first. A cursor
   * that followed commit order would hand out Y and then never send X. The pull while A is open
   * sends Y (committed) and not X (not yet); the next one sends X and not Y again.
   */
  @Test
  void changesCommittedOutOfOrderAreNeitherMissedNorRepeated() throws Exception {
    long customer = customer("Order Customer", "order-customer@example.com");
    long x = ticket(customer, "iPhone Export-X", "17.5", agent, "2018-08-01T09:00");
    long y = ticket(customer, "iPhone Export-Y", "17.5", agent, "2018-08-01T10:00");
    String august = "/api/v1/export/tickets?from=2018-08-01&to=2018-08-01&format=ndjson";
    String cursor = given().get(august).header("Export-Next-Cursor");

    String whileOpenCursor;
    try (var a = primary.getConnection()) {
      a.setAutoCommit(false);
      try (var update = a.prepareStatement("UPDATE ticket SET priority = 'HIGH' WHERE id = ?")) {
        update.setLong(1, x);
        update.executeUpdate();
      }
      execute("UPDATE ticket SET priority = 'URGENT' WHERE id = ?", y);

      Response whileOpen = given().get(august + "&cursor=" + cursor);
      var lines = whileOpen.asString().lines().toList();
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0))
          .startsWith("{\"ticket_id\":" + y + ",")
          .contains("\"priority\":\"URGENT\"");
      whileOpenCursor = whileOpen.header("Export-Next-Cursor");

      a.commit();
    }
    var lines = given().get(august + "&cursor=" + whileOpenCursor).asString().lines().toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("{\"ticket_id\":" + x + ",")
        .contains("\"priority\":\"HIGH\"");
    // From the first cursor, both, once each: X's change is older but committed later.
    var both = given().get(august + "&cursor=" + cursor).asString().lines().toList();
    assertThat(both).hasSize(2);
    assertThat(both.get(0)).startsWith("{\"ticket_id\":" + x + ",");
    assertThat(both.get(1)).startsWith("{\"ticket_id\":" + y + ",");
  }

  /**
   * The gap an old horizon left: while any transaction anywhere on the server holds a transaction
   * id (here in another database), a full pull still has every row, the ticket changed meanwhile
   * included, and the next pull does not send it again.
   */
  @Test
  void aFullPullHasEveryRowWhileATransactionIsOpenElsewhere() throws Exception {
    long customer = customer("Open Customer", "open-customer@example.com");
    long ticket = ticket(customer, "iPhone Export-O", "17.5", agent, "2018-09-01T09:00");
    String september = "/api/v1/export/tickets?from=2018-09-01&to=2018-09-01&format=ndjson";
    try (var elsewhere = otherDatabase()) {
      elsewhere.setAutoCommit(false);
      try (var statement = elsewhere.createStatement()) {
        // Takes a transaction id and keeps it until the rollback below.
        statement.execute("CREATE TEMP TABLE held (n int)");
      }
      tickets.update(ticket, null, TicketChange.priority(Priority.HIGH, null), agent);

      var full = given().get(september);
      var lines = full.asString().lines().toList();
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0))
          .startsWith("{\"ticket_id\":" + ticket + ",")
          .contains("\"priority\":\"HIGH\"");
      String cursor = full.header("Export-Next-Cursor");
      assertThat(given().get(september + "&cursor=" + cursor).asString()).isEmpty();

      long all = Long.parseLong(rows("SELECT count(*) FROM ticket").get(0).get(0));
      assertThat(given().get("/api/v1/export/tickets").asString().lines().count() - 1)
          .isEqualTo(all);
      elsewhere.rollback();

      assertThat(given().get(september + "&cursor=" + cursor).asString()).isEmpty();
    }
  }

  /** A download broken off after any row resumes from that row's cursor: no row lost or twice. */
  @Test
  void aPullResumesFromTheCursorOfAnyRow() {
    long customer = customer("Resume Customer", "resume-customer@example.com");
    var ids = new java.util.ArrayList<Long>();
    for (int i = 0; i < 4; i++) {
      ids.add(ticket(customer, "iPhone Export-R", "17.5", agent, "2018-10-01T0" + i + ":00"));
    }
    String october = "/api/v1/export/tickets?from=2018-10-01&to=2018-10-01&format=csv";
    var full = given().get(october).asString().lines().skip(1).toList();
    assertThat(full).hasSize(4);
    String afterSecond = full.get(1).substring(full.get(1).lastIndexOf(',') + 1);
    // Written after the broken pull: comes after the rest of it.
    execute("UPDATE ticket SET priority = 'LOW' WHERE id = ?", ids.get(0));

    var resumed = given().get(october + "&cursor=" + afterSecond);
    var lines = resumed.asString().lines().skip(1).toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith(full.get(2).substring(0, full.get(2).indexOf(',') + 1));
    assertThat(lines.get(1)).startsWith(full.get(3).substring(0, full.get(3).indexOf(',') + 1));
    assertThat(lines.get(2)).startsWith(ids.get(0) + ",").contains(",LOW,");
    // Resuming after the rest of the broken pull sends only the later change.
    String afterRest = lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1);
    var rest = given().get(october + "&cursor=" + afterRest).asString().lines().skip(1).toList();
    assertThat(rest).hasSize(1);
    assertThat(rest.get(0)).startsWith(ids.get(0) + ",");
    assertThat(
            given()
                .get(october + "&cursor=" + resumed.header("Export-Next-Cursor"))
                .asString()
                .lines()
                .skip(1))
        .isEmpty();
  }

  /** A cursor from before version 13 (txid-id) means every change up to that row. */
  @Test
  void anOldCursorStillResumesExactly() {
    long customer = customer("Legacy Customer", "legacy-customer@example.com");
    long first = ticket(customer, "iPhone Export-L", "17.5", agent, "2018-11-01T09:00");
    long second = ticket(customer, "iPhone Export-L", "17.5", agent, "2018-11-01T10:00");
    String november = "/api/v1/export/tickets?from=2018-11-01&to=2018-11-01&format=csv";
    String old =
        rows("SELECT change_txid::text || '-' || id FROM ticket WHERE id = ?", first).get(0).get(0);
    var lines = given().get(november + "&cursor=" + old).asString().lines().skip(1).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith(second + ",");
    assertThat(given().get(november + "&cursor=0-0").asString().lines().skip(1)).hasSize(2);
  }

  /** A replica behind the cursor's snapshot (here: a cursor from the future) says so: 503. */
  @Test
  void aDatabaseBehindTheCursorAsksToRetry() {
    given()
        .get("/api/v1/export/tickets?cursor=999999999990:999999999999:")
        .then()
        .statusCode(503)
        .header("Retry-After", "1")
        .contentType("application/problem+json")
        .body("type", org.hamcrest.Matchers.endsWith("behind-cursor"));
  }

  private Connection otherDatabase() throws SQLException {
    try (var connection = primary.getConnection()) {
      var meta = connection.getMetaData();
      String url = meta.getURL().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
      String password =
          ConfigProvider.getConfig()
              .getOptionalValue("quarkus.datasource.password", String.class)
              .orElse("");
      return DriverManager.getConnection(url, meta.getUserName(), password);
    }
  }

  @Test
  void badParametersAreProblems() {
    for (var bad :
        Map.of(
                "from=2018-02-30",
                "from",
                "to=soon",
                "to",
                "from=2018-06-02&to=2018-06-01",
                "from",
                "updated_since=yesterday",
                "updated_since",
                "cursor=abc",
                "cursor",
                "cursor=12-" + "9".repeat(19),
                "cursor",
                "cursor=20:10:",
                "cursor",
                "cursor=0~10:20:15~",
                "cursor",
                "format=xml",
                "format")
            .entrySet()) {
      var response = given().get("/api/v1/export/step-results?" + bad.getKey());
      assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
      response
          .then()
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(bad.getValue()));
    }
  }

  @Test
  @TestSecurity(user = "exp-agent", roles = "agent", authMechanism = "api")
  void agentsMayNotExport() {
    for (var path :
        Arrays.asList("tickets", "diagnoses", "step-results", "timeline", "agents", "playbook")) {
      given().get("/api/v1/export/" + path).then().statusCode(403);
    }
  }
}
