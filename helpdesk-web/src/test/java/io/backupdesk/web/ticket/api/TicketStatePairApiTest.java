package io.backupdesk.web.ticket.api;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every status an agent can ask for with {@code PATCH /api/v1/tickets/{id}}, beside every state of
 * the ticket's newest diagnosis, against a table written out here: a ticket is never resolved,
 * escalated, parked or closed by hand while its diagnosis runs, nor moved on while it is paused
 * except back to the queue or closed. A refusal is a 409 problem that names the diagnosis and
 * changes neither the ticket nor the diagnosis.
 */
@QuarkusTest
@TestSecurity(user = "pair-agent", roles = "agent", authMechanism = "api")
class TicketStatePairApiTest {

  /** 200 without a change. */
  private static final String SAME = "=";

  /** 200, and the ticket has the status asked for. */
  private static final String OK = "ok";

  /** 409 illegal-ticket-transition: the status table forbids the move whatever the diagnosis. */
  private static final String TABLE = "table";

  /** 409 diagnosis-running: the move is refused because of the open diagnosis. */
  private static final String DIAGNOSIS = "diagnosis";

  /** A diagnosis state, the ticket status it leaves, and the answer to each status asked for. */
  private record Row(String diagnosis, TicketStatus ticket, List<String> answers) {}

  // Columns: NEW, IN_DIAGNOSIS, WAITING_ON_CUSTOMER, WAITING_ON_APPLE, RESOLVED, ESCALATED, CLOSED.
  private static final List<Row> TABLE_OF_ANSWERS =
      List.of(
          new Row("none", TicketStatus.NEW, List.of(SAME, OK, OK, TABLE, TABLE, TABLE, OK)),
          new Row(
              "IN_PROGRESS",
              TicketStatus.IN_DIAGNOSIS,
              List.of(TABLE, SAME, DIAGNOSIS, DIAGNOSIS, DIAGNOSIS, DIAGNOSIS, DIAGNOSIS)),
          new Row(
              "AWAITING_VERIFICATION",
              TicketStatus.IN_DIAGNOSIS,
              List.of(TABLE, SAME, DIAGNOSIS, DIAGNOSIS, DIAGNOSIS, DIAGNOSIS, DIAGNOSIS)),
          new Row(
              "ABANDONED",
              TicketStatus.WAITING_ON_CUSTOMER,
              List.of(OK, DIAGNOSIS, SAME, TABLE, TABLE, DIAGNOSIS, OK)),
          new Row(
              "RESOLVED", TicketStatus.RESOLVED, List.of(OK, OK, TABLE, TABLE, SAME, TABLE, OK)),
          new Row(
              "ESCALATED", TicketStatus.ESCALATED, List.of(OK, OK, TABLE, TABLE, TABLE, SAME, OK)),
          new Row(
              "WAITING_ON_APPLE",
              TicketStatus.WAITING_ON_APPLE,
              List.of(OK, OK, TABLE, SAME, TABLE, TABLE, OK)));

  @BeforeAll
  static void bodylessPostsCarryTheCsrfToken() {
    io.backupdesk.web.testing.CsrfForms.enable();
  }

  @BeforeEach
  void account() {
    TestData.agent("pair-agent");
  }

  @Test
  void everyStatusAskedForBesideEveryDiagnosisStateGetsTheAnswerOfTheTable() {
    var mismatches = new ArrayList<String>();
    for (Row row : TABLE_OF_ANSWERS) {
      for (TicketStatus asked : TicketStatus.values()) {
        String expected = row.answers().get(asked.ordinal());
        long ticket = ticketWithDiagnosis(row.diagnosis());
        assertThat(status(ticket)).as(row.diagnosis()).isEqualTo(row.ticket().name());
        String diagnosisBefore = diagnosisStatus(ticket);

        var answer =
            given()
                .contentType(JSON)
                .body(Map.of("status", asked.name()))
                .when()
                .patch("/api/v1/tickets/" + ticket)
                .andReturn();

        String what = row.diagnosis() + " / " + row.ticket() + " -> " + asked;
        String got =
            switch (answer.statusCode()) {
              case 200 -> status(ticket).equals(row.ticket().name()) ? SAME : OK;
              case 409 ->
                  answer.jsonPath().getString("type").equals("/problems/diagnosis-running")
                      ? DIAGNOSIS
                      : answer
                              .jsonPath()
                              .getString("type")
                              .equals("/problems/illegal-ticket-transition")
                          ? TABLE
                          : answer.jsonPath().getString("type");
              default -> "HTTP " + answer.statusCode() + " " + answer.asString();
            };
        if (!got.equals(expected)) {
          mismatches.add(what + ": expected " + expected + ", got " + got);
          continue;
        }
        if (got.equals(OK)) {
          assertThat(status(ticket)).as(what).isEqualTo(asked.name());
        }
        if (got.equals(DIAGNOSIS) || got.equals(TABLE)) {
          assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
          assertThat(answer.jsonPath().getString("currentState.status"))
              .as(what)
              .isEqualTo(row.ticket().name());
          assertThat(status(ticket)).as(what).isEqualTo(row.ticket().name());
        }
        if (got.equals(DIAGNOSIS)) {
          assertThat(answer.jsonPath().getString("detail"))
              .as(what)
              .contains("Ticket " + ticket)
              .contains("diagnosis 1");
        }
        assertThat(diagnosisStatus(ticket)).as(what).isEqualTo(diagnosisBefore);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  /** A new ticket whose first diagnosis, if any, was brought to this status through the API. */
  private static long ticketWithDiagnosis(String state) {
    long ticket = TestData.ticket().openedBy("pair-agent");
    if (state.equals("none")) {
      return ticket;
    }
    String diagnosis = "/api/v1/tickets/" + ticket + "/diagnosis";
    given().when().post(diagnosis).then().statusCode(201);
    switch (state) {
      case "IN_PROGRESS" -> {}
      case "AWAITING_VERIFICATION" -> fix(diagnosis);
      case "ABANDONED" ->
          given()
              .contentType(JSON)
              .body(Map.of("reason", "Had to go"))
              .when()
              .post(diagnosis + "/abandonment")
              .then()
              .statusCode(200);
      case "RESOLVED" -> {
        fix(diagnosis);
        given()
            .contentType(JSON)
            .body(Map.of("stepKey", "backup-switch", "backupCompleted", true))
            .when()
            .post(diagnosis + "/verification")
            .then()
            .statusCode(200);
      }
      case "ESCALATED" ->
          given()
              .contentType(JSON)
              .body(Map.of("target", "TIER_2", "reason", "Needs an engineer"))
              .when()
              .post(diagnosis + "/escalation")
              .then()
              .statusCode(200);
      case "WAITING_ON_APPLE" -> {
        for (String step : List.of("backup-switch", "wifi", "power", "storage")) {
          outcome(diagnosis, Map.of("stepKey", step, "outcome", "NOTHING_WRONG"));
        }
        outcome(diagnosis, Map.of("stepKey", "apple-status", "outcome", "OUTAGE"));
      }
      default -> throw new IllegalArgumentException(state);
    }
    assertThat(diagnosisStatus(ticket)).isEqualTo(state);
    return ticket;
  }

  private static void fix(String diagnosis) {
    outcome(
        diagnosis,
        Map.of("stepKey", "backup-switch", "outcome", "FIXED", "fixOption", "turn-on-backup"));
  }

  private static void outcome(String diagnosis, Map<String, Object> body) {
    given()
        .contentType(JSON)
        .body(body)
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(200);
  }

  private static String status(long ticket) {
    return given()
        .when()
        .get("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  private static String diagnosisStatus(long ticket) {
    var answer = given().when().get("/api/v1/tickets/" + ticket + "/diagnosis").andReturn();
    return answer.statusCode() == 404 ? "none" : answer.jsonPath().getString("status");
  }
}
