package io.backupdesk.web.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(
    user = "incp-lead",
    roles = {"agent", "supervisor"},
    authMechanism = "form")
class IncidentPagesTest {

  @Inject TestDiagnoses diagnoses;
  @Inject IncidentStore store;
  @Inject IncidentCommands commands;

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    io.backupdesk.web.testing.CsrfForms.enable();
  }

  @BeforeEach
  void people() {
    TestData.agent("incp-lead", "supervisor");
    TestData.agent("incp-agent");
  }

  @AfterEach
  void appleIsWellAgain() {
    QuarkusTransaction.requiringNew()
        .call(() -> store.open().map(i -> i.id))
        .ifPresent(id -> commands.recover(id, null, "incp-lead"));
  }

  long waitingOnApple() {
    long ticket = TestData.ticket().openedBy("incp-agent");
    var view = diagnoses.start(ticket, "incp-agent");
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
                  "incp-agent",
                  Instant.now()));
      if (apple) {
        return ticket;
      }
    }
  }

  @Test
  void aSupervisorOpensAnIncidentEveryPageShowsItAndRecoverySendsTicketsBack() {
    given()
        .get("/incidents")
        .then()
        .statusCode(200)
        .body(containsString("Open an incident by hand"));
    String location =
        given()
            .redirects()
            .follow(false)
            .formParam("title", "iCloud Backup down <b>red</b>")
            .formParam("startedAt", "")
            .post("/incidents")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    assertThat(location).contains("/incidents/").contains("done=opened");

    // The banner is on every agent page, the title escaped.
    given()
        .get("/")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("data-notice=\"incident\""),
                containsString("iCloud Backup down &lt;b&gt;red&lt;/b&gt;")));

    long waiting = waitingOnApple();
    long other = TestData.ticket().openedBy("incp-agent");
    long id = QuarkusTransaction.requiringNew().call(() -> store.open().orElseThrow().id);
    given().get("/incidents/" + id).then().body(containsString("#" + waiting));

    // Bulk link by number: a word that is no number comes back beside the field.
    given()
        .formParam("ticketIds", other + ", twelve")
        .post("/incidents/" + id + "/links")
        .then()
        .statusCode(400)
        .body(allOf(containsString("is not a ticket number"), containsString("twelve")));
    given()
        .redirects()
        .follow(false)
        .formParam("ticketIds", "#" + other)
        .post("/incidents/" + id + "/links")
        .then()
        .statusCode(303);
    given().get("/tickets/" + other).then().body(containsString("/incidents/" + id));

    given()
        .redirects()
        .follow(false)
        .formParam("version", "0")
        .post("/incidents/" + id + "/recover")
        .then()
        .statusCode(409)
        .body(containsString("changed since you opened it"));
    // Read in a transaction of its own: outside one, the entity loaded earlier is served stale.
    int version = QuarkusTransaction.requiringNew().call(() -> store.byId(id).version);
    given()
        .redirects()
        .follow(false)
        .formParam("version", Integer.toString(version))
        .post("/incidents/" + id + "/recover")
        .then()
        .statusCode(303);
    given().get("/").then().body(not(containsString("data-notice=\"incident\"")));

    // The follow-up starts from the test backup.
    given()
        .get("/tickets/" + waiting)
        .then()
        .body(
            allOf(
                containsString("Apple recovered: ask the customer to run Back Up Now"),
                containsString("Backup completed: resolve"),
                not(containsString("Start a new diagnosis"))));
    given()
        .get("/tickets/" + waiting + "/diagnosis")
        .then()
        .body(containsString("<strong>Apple recovered: ask the customer to run Back Up Now."));
    given()
        .redirects()
        .follow(false)
        .formParam("completed", "true")
        .post("/tickets/" + waiting + "/backup-after-outage")
        .then()
        .statusCode(303);
    given()
        .get("/tickets/" + waiting)
        .then()
        .body(allOf(not(containsString("Backup completed: resolve")), containsString("Resolved")));
  }

  @Test
  void aMergeRefusedByTheRulesSaysWhyOnTheTicketPage() {
    long mine = TestData.ticket().openedBy("incp-agent");
    long theirs = TestData.ticket().openedBy("incp-agent");
    String location =
        given()
            .redirects()
            .follow(false)
            .formParam("into", Long.toString(theirs))
            .post("/tickets/" + mine + "/merge")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    given().get(location).then().body(containsString("belong to different customers"));
    for (String junk : List.of("", "abc", "١٢")) {
      String again =
          given()
              .redirects()
              .follow(false)
              .formParam("into", junk)
              .post("/tickets/" + mine + "/merge")
              .then()
              .statusCode(303)
              .extract()
              .header("Location");
      given().get(again).then().body(containsString("Type the number of the ticket"));
    }
    // A crafted link cannot put its own words on the page.
    given()
        .queryParam("incidentProblem", "Call 555-0100 now")
        .get("/tickets/" + mine)
        .then()
        .body(not(containsString("Call 555-0100 now")));
  }
}
