package io.backupdesk.web.ticket.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.backupdesk.web.testing.TestTickets;
import io.backupdesk.web.ticket.TicketClocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages in the agent's time zone (UTC on hover), the timeline to the second, the ticket's "Time"
 * box with its follow-up form, the overdue flag in the queue, and the customer page.
 */
@QuarkusTest
@TestSecurity(user = "tz-agent", roles = "agent", authMechanism = "form")
class DeskTimePagesTest {

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @Inject TestDiagnoses diagnoses;
  @Inject TestTickets tickets;
  @Inject TicketClocks clocks;
  @Inject EntityManager em;

  @BeforeEach
  void account() {
    TestData.agent("tz-agent");
    // Every test starts from a known zone, chosen on the profile page.
    String page = given().get("/profile").then().statusCode(200).extract().asString();
    var matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
    assertThat(matcher.find()).isTrue();
    int version = Integer.parseInt(matcher.group(1));
    given()
        .formParam("version", version)
        .formParam("displayName", "Tz Agent")
        .formParam("timeZone", "Asia/Tokyo")
        .redirects()
        .follow(false)
        .post("/profile")
        .then()
        .statusCode(303);
  }

  /** Read in a transaction of its own: the test's session would answer from its cache. */
  private int version(long id) {
    return QuarkusTransaction.requiringNew().call(() -> tickets.get(id).version);
  }

  @Test
  void theTicketPageShowsTimesInTheAgentsZoneWithUtcOnHover() {
    long id = TestData.ticket().priority(Priority.HIGH).openedBy("tz-agent");
    Instant created = QuarkusTransaction.requiringNew().call(() -> tickets.get(id).createdAt);
    String tokyo =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"))
            .format(created);
    String utc =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneId.of("UTC"))
            .format(created);
    String seconds =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Tokyo"))
            .format(created);

    given()
        .get("/tickets/" + id)
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("title=\"" + utc + "\">" + tokyo + " JST</time>"),
                // The timeline orders by the second.
                containsString(">" + seconds + " JST</time>"),
                containsString("First response due"),
                containsString("href=\"/customers/")));
  }

  @Test
  void anOverdueTicketSaysSoInWordsInTheQueueAndOnItsPage() {
    long id =
        TestData.ticket()
            .priority(Priority.URGENT)
            .subject("Late " + TestData.unique())
            .openedBy("tz-agent");
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE ticket SET created_at = created_at - interval '2 hours',"
                            + " status_since = status_since - interval '2 hours' WHERE id = :id")
                    .setParameter("id", id)
                    .executeUpdate());
    clocks.reconcile();
    given()
        .queryParam("q", "#" + id)
        .get("/")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("class=\"needs-attention\""),
                containsString("<strong class=\"flag flag-overdue\">Overdue</strong>")));
    given()
        .get("/tickets/" + id)
        .then()
        .body(
            containsString(
                "<strong class=\"flag flag-overdue\">Overdue</strong> First response due"));
  }

  @Test
  void theFollowUpFormTakesALocalTimeAndRefusesOneInThePast() {
    long id = TestData.ticket().openedBy("tz-agent");
    // Through the page's own status form.
    int version = version(id);
    given()
        .formParam("version", version)
        .formParam("status", "WAITING_ON_CUSTOMER")
        .redirects()
        .follow(false)
        .post("/tickets/" + id + "/status")
        .then()
        .statusCode(303);
    version = version(id);

    given()
        .get("/tickets/" + id)
        .then()
        .body(allOf(containsString("Set follow-up"), containsString("type=\"datetime-local\"")));

    given()
        .formParam("version", version)
        .formParam("followUpAt", "2020-01-01T09:00")
        .post("/tickets/" + id + "/follow-up")
        .then()
        .statusCode(400)
        .body(containsString("Follow-up not saved: Choose a follow-up time in the future."));

    // 09:00 in Tokyo on a day ahead is 00:00 UTC that day.
    var day = java.time.LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(3);
    given()
        .formParam("version", version)
        .formParam("followUpAt", day + "T09:00")
        .redirects()
        .follow(false)
        .post("/tickets/" + id + "/follow-up")
        .then()
        .statusCode(303);
    assertThat(QuarkusTransaction.requiringNew().call(() -> tickets.get(id).followUpAt))
        .isEqualTo(Instant.parse(day + "T00:00:00Z"));
    given()
        .get("/tickets/" + id)
        .then()
        .body(allOf(containsString("Change follow-up"), containsString(day + " 09:00 JST")));
  }

  @Test
  void theCustomerPageListsEveryTicketWithItsDiagnosesAndOutcomes() {
    long n = TestData.unique();
    String email = "history" + n + "@example.com";
    long first =
        TestData.ticket()
            .customer("Hana History " + n, email)
            .subject("First " + n)
            .openedBy("tz-agent");
    var view = diagnoses.start(first, "tz-agent");
    for (String step : new String[] {"backup-switch", "wifi", "power"}) {
      view =
          diagnoses.record(
              first, view.version(), OutcomeCommand.nothingWrong(step, "tz-agent", Instant.now()));
    }
    view =
        diagnoses.record(
            first,
            view.version(),
            OutcomeCommand.fixed("storage", "upgrade-plan", true, "tz-agent", Instant.now()));
    diagnoses.verify(first, view.version(), "storage", true, "tz-agent");
    long second =
        TestData.ticket()
            .customer("Hana History " + n, email)
            .subject("Second " + n)
            .openedBy("tz-agent");
    long customer = QuarkusTransaction.requiringNew().call(() -> tickets.get(second).customer.id);
    long stranger = TestData.ticket().subject("Stranger " + n).openedBy("tz-agent");

    given()
        .get("/customers/" + customer)
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("Hana History " + n),
                containsString("2 tickets · 1 open · 1 resolved"),
                containsString("<a href=\"/tickets/" + first + "\">#" + first + "</a> First " + n),
                containsString(
                    "<a href=\"/tickets/" + second + "\">#" + second + "</a> Second " + n),
                containsString("Diagnosis 1: Resolved"),
                containsString("Resolved at step 4"),
                containsString("No diagnosis."),
                not(containsString("Stranger " + n))));
    // Linked from the queue and the ticket page.
    given()
        .queryParam("q", email)
        .get("/")
        .then()
        .body(containsString("href=\"/customers/" + customer + "\""));
    given().get("/tickets/" + stranger).then().statusCode(200);
    given().get("/customers/999999999").then().statusCode(404);
  }
}
