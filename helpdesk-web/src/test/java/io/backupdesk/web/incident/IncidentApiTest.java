package io.backupdesk.web.incident;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.diagnostics.incident.Signal;
import io.backupdesk.diagnostics.ticket.TimelineKind;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.backupdesk.web.testing.TestTickets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(
    user = "inc-lead",
    roles = {"agent", "supervisor"},
    authMechanism = "api")
class IncidentApiTest {

  @Inject TestDiagnoses diagnoses;
  @Inject TestTickets tickets;
  @Inject IncidentStore store;
  @Inject OutageWatch watch;

  @BeforeEach
  void people() {
    TestData.agent("inc-lead", "supervisor");
    TestData.agent("inc-agent");
  }

  /** Every test leaves Apple well: one open incident would show on every other test's pages. */
  @AfterEach
  void recoverWhateverIsOpen() {
    var open = QuarkusTransaction.requiringNew().call(() -> store.open().map(i -> i.id));
    open.ifPresent(
        id ->
            given()
                .contentType(JSON)
                .body(Map.of())
                .post("/api/v1/incidents/" + id + "/recovery")
                .then()
                .statusCode(200));
  }

  /** Walks a new ticket's diagnosis to the Apple-status step and records an outage there. */
  long ticketWaitingOnApple() {
    long ticket = TestData.ticket().openedBy("inc-agent");
    var view = diagnoses.start(ticket, "inc-agent");
    while (true) {
      String key = view.diagnosis().currentStep().orElseThrow().key();
      boolean apple = key.equals("apple-status");
      view =
          diagnoses.record(
              ticket,
              null,
              new OutcomeCommand(
                  key,
                  apple ? StepOutcome.OUTAGE : StepOutcome.NOTHING_WRONG,
                  null,
                  null,
                  null,
                  false,
                  "inc-agent",
                  Instant.now()));
      if (apple) {
        return ticket;
      }
    }
  }

  long openIncident(String title) {
    return ((Number)
            given()
                .contentType(JSON)
                .body(Map.of("title", title))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .extract()
                .path("id"))
        .longValue();
  }

  List<TimelineKind> kinds(long ticket) {
    return QuarkusTransaction.requiringNew()
        .call(() -> tickets.timeline(ticket).stream().map(e -> e.kind).toList());
  }

  @Test
  void waitingTicketsJoinTheOpenIncidentAndComeBackAsFollowUpsOnRecovery() {
    long incident = openIncident("iCloud Backup down (status page red)");
    long waiting = ticketWaitingOnApple();
    long inDiagnosis = TestData.ticket().openedBy("inc-agent");
    diagnoses.start(inDiagnosis, "inc-agent");

    given()
        .contentType(JSON)
        .body(Map.of("ticketIds", List.of(inDiagnosis)))
        .post("/api/v1/incidents/" + incident + "/links")
        .then()
        .statusCode(200)
        .body("linkedTickets.ticketId", contains((int) waiting, (int) inDiagnosis));
    assertThat(kinds(waiting)).contains(TimelineKind.INCIDENT_LINKED);
    assertThat(kinds(inDiagnosis)).contains(TimelineKind.INCIDENT_LINKED);

    given()
        .contentType(JSON)
        .body(Map.of())
        .post("/api/v1/incidents/" + incident + "/recovery")
        .then()
        .statusCode(200)
        .body("status", equalTo("RECOVERED"))
        .body("recoveredBy", equalTo("inc-lead"))
        .body("timeline.summary", hasItem(containsString("1 ticket goes back to the queue")));

    given().get("/api/v1/tickets/" + waiting).then().body("status", equalTo("NEW"));
    given().get("/api/v1/tickets/" + inDiagnosis).then().body("status", equalTo("IN_DIAGNOSIS"));
    assertThat(kinds(waiting)).endsWith(TimelineKind.APPLE_RECOVERED);
    assertThat(kinds(inDiagnosis)).doesNotContain(TimelineKind.APPLE_RECOVERED);

    // The follow-up starts from the test backup: completed resolves the ticket.
    given()
        .contentType(JSON)
        .body(Map.of("completed", true))
        .post("/api/v1/tickets/" + waiting + "/backup-after-outage")
        .then()
        .statusCode(204);
    given()
        .get("/api/v1/tickets/" + waiting)
        .then()
        .body("status", equalTo("RESOLVED"))
        .body("resolvedAt", notNullValue());
    // Asked again, it is no follow-up any more.
    given()
        .contentType(JSON)
        .body(Map.of("completed", true))
        .post("/api/v1/tickets/" + waiting + "/backup-after-outage")
        .then()
        .statusCode(409);

    given()
        .get("/api/v1/incidents/report")
        .then()
        .statusCode(200)
        .body("[0].incidents", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
        .body("[0].resolvedWithinADayOfRecovery", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
  }

  @Test
  void aFollowUpStillFailingStartsTheNextDiagnosis() {
    long incident = openIncident("Backups stuck at 'Estimating time remaining'");
    long waiting = ticketWaitingOnApple();
    given().contentType(JSON).body(Map.of()).post("/api/v1/incidents/" + incident + "/recovery");

    given()
        .contentType(JSON)
        .body(Map.of("completed", false))
        .post("/api/v1/tickets/" + waiting + "/backup-after-outage")
        .then()
        .statusCode(204);
    given()
        .get("/api/v1/tickets/" + waiting + "/diagnosis")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"))
        .body("attempt", equalTo(2));
    given().get("/api/v1/tickets/" + waiting).then().body("status", equalTo("IN_DIAGNOSIS"));
  }

  @Test
  void refusalsAreClearAndChangeNothing() {
    long incident = openIncident("Outage one");
    given()
        .contentType(JSON)
        .body(Map.of("title", "Outage two"))
        .post("/api/v1/incidents")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/incident-already-open"));
    given()
        .contentType(JSON)
        .body(Map.of("title", " "))
        .post("/api/v1/incidents")
        .then()
        .statusCode(409);
    given()
        .contentType(JSON)
        .body(Map.of("ticketIds", List.of(999_999_999L)))
        .post("/api/v1/incidents/" + incident + "/links")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("ticketIds"));
    given()
        .contentType(JSON)
        .body(Map.of("ticketIds", List.of()))
        .post("/api/v1/incidents/" + incident + "/links")
        .then()
        .statusCode(400);

    given().contentType(JSON).body(Map.of()).post("/api/v1/incidents/" + incident + "/recovery");
    given()
        .contentType(JSON)
        .body(Map.of())
        .post("/api/v1/incidents/" + incident + "/recovery")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/already-recovered"));
    long ticket = TestData.ticket().openedBy("inc-agent");
    given()
        .contentType(JSON)
        .body(Map.of("ticketIds", List.of(ticket)))
        .post("/api/v1/incidents/" + incident + "/links")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/link-to-recovered"));
    assertThat(kinds(ticket)).doesNotContain(TimelineKind.INCIDENT_LINKED);
    given()
        .contentType(JSON)
        .body(Map.of("title", ""))
        .post("/api/v1/incidents")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/invalid-text"));
    given().get("/api/v1/incidents/987654321").then().statusCode(404);
  }

  @Test
  @TestSecurity(user = "inc-agent", roles = "agent", authMechanism = "api")
  void agentsReadAndWriteNotesButDoNotDecide() {
    given()
        .contentType(JSON)
        .body(Map.of("title", "Not mine to open"))
        .post("/api/v1/incidents")
        .then()
        .statusCode(403);
    given().get("/api/v1/incidents").then().statusCode(200);
    given().get("/api/v1/incidents/suggestions").then().statusCode(403);
  }

  @Test
  void theDeskSuggestsAnIncidentFromABurstOfOutageFindingsOnce() throws Exception {
    for (int i = 0; i < 6; i++) {
      ticketWaitingOnApple();
    }
    var evidence = watch.watch();
    assertThat(evidence)
        .filteredOn(d -> d.signal() == Signal.OUTAGE_FOUND)
        .singleElement()
        .satisfies(d -> assertThat(d.suggestsIncident()).isTrue());
    // The same burst is one suggestion, however often the watch runs.
    watch.watch();
    List<Map<String, Object>> pending =
        given()
            .get("/api/v1/incidents/suggestions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.status == 'PENDING' && it.evidence.signal == 'OUTAGE_FOUND' }");
    assertThat(pending).hasSize(1);
    int id = (Integer) pending.get(0).get("id");

    // Two supervisors confirm at once: one opens the incident, the other is told.
    TestData.agent("inc-lead2", "supervisor");
    Callable<Integer> confirm =
        () ->
            given()
                .contentType(JSON)
                .body(Map.of("title", "Outage found by the desk"))
                .post("/api/v1/incidents/suggestions/" + id + "/confirmation")
                .then()
                .extract()
                .statusCode();
    var pool = Executors.newFixedThreadPool(2);
    var answers = new ArrayList<Integer>();
    for (var f : pool.invokeAll(List.of(confirm, confirm))) {
      answers.add(f.get());
    }
    pool.shutdown();
    assertThat(answers).containsExactlyInAnyOrder(201, 409);
    given()
        .get("/api/v1/incidents")
        .then()
        .body("find { it.status == 'OPEN' }.suggestionId", equalTo(id))
        .body("find { it.status == 'OPEN' }.title", equalTo("Outage found by the desk"));
    // While it is open, nothing more is suggested.
    watch.watch();
    given()
        .contentType(JSON)
        .body(Map.of("reason", "late"))
        .post("/api/v1/incidents/suggestions/" + id + "/dismissal")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/suggestion-already-confirmed"));
  }

  @Test
  void duplicatesOfOneCustomerMergeAndTheMergeRulesHold() {
    String email = "merge" + TestData.unique() + "@example.com";
    long kept = TestData.ticket().customer("Mia Merge", email).openedBy("inc-agent");
    long duplicate = TestData.ticket().customer("Mia Merge", email).openedBy("inc-agent");
    long other = TestData.ticket().openedBy("inc-agent");

    given()
        .contentType(JSON)
        .body(Map.of("into", duplicate))
        .post("/api/v1/tickets/" + duplicate + "/merge")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/merge-into-itself"));
    given()
        .contentType(JSON)
        .body(Map.of("into", other))
        .post("/api/v1/tickets/" + duplicate + "/merge")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/merge-across-customers"));

    given()
        .contentType(JSON)
        .body(Map.of("into", kept))
        .post("/api/v1/tickets/" + duplicate + "/merge")
        .then()
        .statusCode(200)
        .body("alreadyDone", equalTo(false));
    given()
        .get("/api/v1/tickets/" + duplicate)
        .then()
        .body("status", equalTo("CLOSED"))
        .body("mergedInto", equalTo((int) kept));
    assertThat(kinds(duplicate)).endsWith(TimelineKind.MERGED);
    assertThat(kinds(kept)).endsWith(TimelineKind.MERGED);
    given()
        .contentType(JSON)
        .body(Map.of("into", kept))
        .post("/api/v1/tickets/" + duplicate + "/merge")
        .then()
        .statusCode(200)
        .body("alreadyDone", equalTo(true));
    given()
        .contentType(JSON)
        .body(Map.of("into", duplicate))
        .post("/api/v1/tickets/" + kept + "/merge")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/merge-into-merged"));
    given()
        .contentType(JSON)
        .body(Map.of())
        .post("/api/v1/tickets/" + kept + "/merge")
        .then()
        .statusCode(400);
  }
}
