package io.backupdesk.web.report;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Time targets met, by week": each ticket's verdicts as the core's TicketClock gives them (met,
 * missed, or still running and so not counted), summed over the tickets opened in the period.
 */
@QuarkusTest
@TestSecurity(
    user = "targets-lead",
    roles = {"supervisor", "agent"},
    authMechanism = "api")
class TargetsReportTest {

  @Inject TestDiagnoses diagnoses;
  @Inject EntityManager em;

  private void sql(String statement, long id) {
    QuarkusTransaction.requiringNew()
        .run(() -> em.createNativeQuery(statement).setParameter("id", id).executeUpdate());
  }

  private void assign(long id, String agent, String status) {
    var change =
        status == null ? Map.of("assignee", agent) : Map.of("assignee", agent, "status", status);
    given().contentType(JSON).body(change).patch("/api/v1/tickets/" + id).then().statusCode(200);
  }

  @Test
  void countsMetAndMissedTargetsAndLeavesRunningOnesOut() {
    TestData.agent("targets-lead", "supervisor");
    String agent = TestData.agent("targets-" + TestData.unique());
    // Answered by a diagnosis at once and resolved an hour after opening: both met.
    long quick = TestData.ticket().priority(Priority.NORMAL).openedBy(agent);
    assign(quick, agent, null);
    var view = diagnoses.start(quick, agent);
    view =
        diagnoses.record(
            quick,
            view.version(),
            OutcomeCommand.fixed("backup-switch", "turn-on-backup", false, agent, Instant.now()));
    diagnoses.verify(quick, view.version(), "backup-switch", true, agent);
    sql("UPDATE ticket SET resolved_at = created_at + interval '1 hour' WHERE id = :id", quick);
    // Opened 30 hours ago and never answered: both targets passed, both missed.
    long forgotten = TestData.ticket().priority(Priority.NORMAL).openedBy(agent);
    assign(forgotten, agent, null);
    sql(
        "UPDATE ticket SET created_at = created_at - interval '30 hours' WHERE id = :id",
        forgotten);
    // Still within both targets: counted as opened only.
    long fresh = TestData.ticket().priority(Priority.HIGH).openedBy(agent);
    assign(fresh, agent, null);
    // Closed without a resolution: closing answered the customer, the resolution was missed.
    long closed = TestData.ticket().priority(Priority.LOW).openedBy(agent);
    assign(closed, agent, "CLOSED");

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    given()
        .queryParam("from", today.minusDays(3).toString())
        .queryParam("to", today.toString())
        .queryParam("agent", agent)
        .get("/api/v1/reports/targets-met")
        .then()
        .statusCode(200)
        .body("rows[-1].week", equalTo("total"))
        .body("rows[-1].opened", equalTo(4))
        .body("rows[-1].firstResponseDecided", equalTo(3))
        .body("rows[-1].firstResponseMet", equalTo(2))
        .body("rows[-1].firstResponseMetShare", equalTo(0.6667f))
        .body("rows[-1].resolutionDecided", equalTo(3))
        .body("rows[-1].resolutionMet", equalTo(1))
        .body("rows[-1].resolutionMetShare", equalTo(0.3333f));

    given()
        .queryParam("agent", agent)
        .get("/api/v1/reports/targets-met")
        .then()
        .statusCode(200)
        .body("report", equalTo("targets-met"));
  }

  @Test
  void aBackwardPeriodIsRefusedWithAProblem() {
    TestData.agent("targets-lead", "supervisor");
    given()
        .get("/api/v1/reports/targets-met?from=2020-01-01&to=2019-01-01")
        .then()
        .statusCode(400)
        .body(containsString("swap them"));
  }
}
