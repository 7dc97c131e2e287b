package io.backupdesk.web.hardening;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.backupdesk.web.testing.TestTickets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command that fails in the database after it has already written part of its work leaves no
 * trace: the whole transaction rolls back. And the API refuses such input up front with a 400 that
 * names the field, instead of letting the database fail with a 500.
 */
@QuarkusTest
@TestSecurity(user = "atomic-agent", roles = "agent", authMechanism = "api")
class NothingHalfWrittenTest {

  /**
   * REST Assured sends a POST without a body (starting a diagnosis) as a form, which the CSRF check
   * then wants a token for; the filter adds it whichever test class runs first.
   */
  @org.junit.jupiter.api.BeforeAll
  static void bodylessPostsCarryTheCsrfToken() {
    io.backupdesk.web.testing.CsrfForms.enable();
  }

  /** The widths of the columns that hold what agents type (see the V1 migration). */
  private static final int NOTE_COLUMN = 4000;

  private static final int REASON_COLUMN = 2000;

  /**
   * Text that a test-only trigger refuses when it reaches step_result or diagnosis: a failure
   * inside the database after the command's earlier inserts (the timeline event) went through. The
   * service checks lengths before it writes, so over-long text no longer gets that far.
   */
  private static final String FAIL_MARKER = "refused by the test trigger";

  @BeforeAll
  static void installFailingTrigger() {
    StoredState.execute(
        """
        CREATE OR REPLACE FUNCTION test_fail_on_marker() RETURNS trigger AS $$
        BEGIN
          IF to_jsonb(NEW)::text LIKE '%refused by the test trigger%' THEN
            RAISE EXCEPTION 'test trigger refused the row';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql""");
    StoredState.execute(
        "CREATE TRIGGER test_fail_step_result BEFORE INSERT OR UPDATE ON step_result"
            + " FOR EACH ROW EXECUTE FUNCTION test_fail_on_marker()");
    StoredState.execute(
        "CREATE TRIGGER test_fail_diagnosis BEFORE UPDATE ON diagnosis"
            + " FOR EACH ROW EXECUTE FUNCTION test_fail_on_marker()");
  }

  @AfterAll
  static void removeFailingTrigger() {
    StoredState.execute("DROP TRIGGER IF EXISTS test_fail_step_result ON step_result");
    StoredState.execute("DROP TRIGGER IF EXISTS test_fail_diagnosis ON diagnosis");
    StoredState.execute("DROP FUNCTION IF EXISTS test_fail_on_marker()");
  }

  @Inject TestDiagnoses diagnoses;
  @Inject TestTickets tickets;

  String agent;
  long ticket;
  String diagnosis;

  @BeforeEach
  void openTicketWithDiagnosis() {
    agent = TestData.agent("atomic-agent");
    ticket = TestData.ticket().openedBy(agent);
    diagnosis = "/api/v1/tickets/" + ticket + "/diagnosis";
    given().when().post(diagnosis).then().statusCode(201);
  }

  @Test
  void anOutcomeThatFailsInTheDatabaseAfterItsEventWasWrittenLeavesNothingBehind() {
    var before = StoredState.of(ticket);
    long eventIds = lastEventId();
    var refusedByTheDatabase = FAIL_MARKER;

    assertThatThrownBy(
            () ->
                diagnoses.record(
                    ticket,
                    null,
                    new OutcomeCommand(
                        "backup-switch",
                        StepOutcome.NOTHING_WRONG,
                        null,
                        null,
                        refusedByTheDatabase,
                        false,
                        agent,
                        Instant.now())))
        .isNotNull();

    // The STEP_RECORDED event was inserted before the step result failed: its id was used ...
    assertThat(lastEventId()).isGreaterThan(eventIds);
    // ... and rolled back with everything else.
    assertThat(StoredState.of(ticket)).isEqualTo(before);
  }

  @Test
  void anEscalationThatFailsInTheDatabaseLeavesTicketAndDiagnosisAsTheyWere() {
    var before = StoredState.of(ticket);
    long eventIds = lastEventId();

    assertThatThrownBy(
            () -> diagnoses.escalate(ticket, null, EscalationTarget.TIER_2, FAIL_MARKER, agent))
        .isNotNull();

    assertThat(lastEventId()).isGreaterThan(eventIds);
    var after = StoredState.of(ticket);
    assertThat(after).isEqualTo(before);
    assertThat(after.ticket()).contains("\"status\":\"IN_DIAGNOSIS\"");
  }

  @Test
  void aTicketThatFailsInTheDatabaseLeavesNoCustomerBehind() {
    var email = "half-" + TestData.unique() + "@example.com";
    var form = TestData.ticket().customer("Half Written", email).subject("s".repeat(201)).form();

    assertThatThrownBy(() -> tickets.create(form, agent)).isNotNull();

    assertThat(StoredState.number("select count(*) from customer where lower(email) = ?1", email))
        .isZero();
  }

  @Test
  void anOverLongNoteIsA400NamingTheFieldAndChangesNothing() {
    var before = StoredState.of(ticket);
    refused(
        "/outcomes",
        Map.of(
            "stepKey",
            "backup-switch",
            "outcome",
            "NOTHING_WRONG",
            "note",
            "n".repeat(NOTE_COLUMN + 1)),
        "note");
    refused(
        "/outcomes",
        Map.of(
            "stepKey",
            "backup-switch",
            "outcome",
            "SKIPPED",
            "skipReason",
            "r".repeat(REASON_COLUMN + 1)),
        "skipReason");
    refused(
        "/escalation",
        Map.of("target", "TIER_2", "reason", "r".repeat(REASON_COLUMN + 1)),
        "reason");
    refused("/abandonment", Map.of("reason", "r".repeat(REASON_COLUMN + 1)), "reason");
    assertThat(StoredState.of(ticket)).isEqualTo(before);

    // A note exactly as long as the column is stored whole.
    given()
        .contentType(JSON)
        .body(
            Map.of(
                "stepKey",
                "backup-switch",
                "outcome",
                "NOTHING_WRONG",
                "note",
                "n".repeat(NOTE_COLUMN)))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(200)
        .body("results[0].note.length()", equalTo(NOTE_COLUMN));
  }

  @Test
  void overLongTicketNoteAndFieldsAreA400NamingTheField() {
    var before = StoredState.of(ticket);
    given()
        .contentType(JSON)
        .body(Map.of("body", "b".repeat(10_001)))
        .when()
        .post("/api/v1/tickets/" + ticket + "/notes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("body"));
    var form = new HashMap<String, Object>();
    form.put("customerName", "Long Subject");
    form.put("customerEmail", "long-" + TestData.unique() + "@example.com");
    form.put("deviceModel", "iPhone 8");
    form.put("iosVersion", "16.7");
    form.put("channel", "PHONE");
    form.put("subject", "s".repeat(201));
    given()
        .contentType(JSON)
        .body(form)
        .when()
        .post("/api/v1/tickets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("subject"))
        .body("detail", containsString("subject"));
    assertThat(StoredState.of(ticket)).isEqualTo(before);
  }

  private void refused(String command, Map<String, Object> body, String field) {
    given()
        .contentType(JSON)
        .body(body)
        .when()
        .post(diagnosis + command)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-input"))
        .body("detail", not(emptyOrNullString()))
        .body("errors.field", hasItem(field));
  }

  private static long lastEventId() {
    return StoredState.number("select last_value from ticket_event_id_seq");
  }
}
