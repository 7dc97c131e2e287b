package io.backupdesk.web.ticket.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.backupdesk.web.ticket.TicketClocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "queue-agent", roles = "agent", authMechanism = "form")
class QueuePagesTest {

  @org.junit.jupiter.api.BeforeAll
  static void formsCarryTheCsrfToken() {
    io.backupdesk.web.testing.CsrfForms.enable();
  }

  @Inject TestDiagnoses diagnoses;
  @Inject EntityManager em;
  @Inject TicketClocks clocks;

  @BeforeEach
  void account() {
    TestData.agent("queue-agent");
  }

  @Test
  void theQueueShowsATicketWithItsDiagnosisProgress() {
    long n = TestData.unique();
    String email = "queue" + n + "@example.com";
    long id = TestData.ticket().customer("Quinn Queue " + n, email).openedBy("queue-agent");
    var view = diagnoses.start(id, "queue-agent");
    for (String step : new String[] {"backup-switch", "wifi", "power"}) {
      view =
          diagnoses.record(
              id, view.version(), OutcomeCommand.nothingWrong(step, "queue-agent", Instant.now()));
    }

    given()
        .queryParam("q", email)
        .get("/")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("<a href=\"/tickets/" + id + "\"><strong>#" + id + "</strong></a>"),
                containsString("Quinn Queue " + n),
                containsString("iPhone 8"),
                containsString("In diagnosis"),
                containsString("Queue-agent"),
                containsString("just now"),
                containsString("step 4 of 9")));
  }

  @Test
  void aRowShowsItsDueAndWaitingTimesWithTheExactTimeOnHover() {
    long n = TestData.unique();
    String email = "timed" + n + "@example.com";
    long id =
        TestData.ticket()
            .priority(io.backupdesk.diagnostics.ticket.Priority.LOW)
            .customer("Tess Timed " + n, email)
            .openedBy("queue-agent");
    var opened = Instant.now().minus(java.time.Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE ticket SET created_at = :at, status_since = :at WHERE id = :id")
                    .setParameter("at", java.time.OffsetDateTime.ofInstant(opened, ZoneOffset.UTC))
                    .setParameter("id", id)
                    .executeUpdate());
    clocks.reconcile();
    // A low-priority ticket's first response is due 8 h after it was opened
    // (application.properties).
    var due = opened.plus(java.time.Duration.ofHours(8));
    var minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    String page =
        given().queryParam("q", email).get("/").then().statusCode(200).extract().asString();

    assertThat(page)
        .contains(
            "<time datetime=\""
                + due
                + "\" title=\"First response due "
                + minute.format(due)
                + " UTC\">in 4 h</time>",
            "<time datetime=\""
                + opened
                + "\" title=\"New since "
                + minute.format(opened)
                + " UTC; opened "
                + minute.format(opened)
                + " UTC\">3 h</time>")
        .doesNotContain("flag-overdue", "needs-attention");
  }

  @Test
  void aResolvedTicketSaysAtWhichStepAndTicketsIsTheQueueToo() {
    long n = TestData.unique();
    String email = "resolved" + n + "@example.com";
    long id = TestData.ticket().customer("Rae Resolved " + n, email).openedBy("queue-agent");
    var view = diagnoses.start(id, "queue-agent");
    for (String step : new String[] {"backup-switch", "wifi", "power"}) {
      view =
          diagnoses.record(
              id, view.version(), OutcomeCommand.nothingWrong(step, "queue-agent", Instant.now()));
    }
    view =
        diagnoses.record(
            id,
            view.version(),
            OutcomeCommand.fixed("storage", "upgrade-plan", true, "queue-agent", Instant.now()));
    diagnoses.verify(id, view.version(), "storage", true, "queue-agent");

    given()
        .queryParam("q", email)
        .get("/tickets")
        .then()
        .statusCode(200)
        .body(allOf(containsString("Rae Resolved " + n), containsString("resolved at step 4")));
  }

  @Test
  void filtersStayInTheUrlAndTabsCountPerStatus() {
    long n = TestData.unique();
    TestData.ticket().subject("Zebracorn backup " + n).openedBy("queue-agent");

    String page =
        given()
            .queryParam("q", "zebracorn " + n)
            .queryParam("status", "NEW")
            .queryParam("assignee", "unassigned")
            .get("/")
            .then()
            .statusCode(200)
            .body(
                allOf(
                    containsString("Zebracorn backup " + n),
                    containsString("value=\"zebracorn " + n + "\""),
                    containsString("<option value=\"unassigned\" selected>"),
                    containsString("<input type=\"hidden\" name=\"status\" value=\"NEW\">")))
            .extract()
            .asString();
    assertThat(page).containsPattern("aria-current=\"page\">New <span class=\"count\">\\d+</span>");
    // The other tabs keep the text and assignee filters.
    assertThat(page).contains("/?status=RESOLVED&amp;assignee=unassigned&amp;q=zebracorn+" + n);

    given()
        .queryParam("q", "zebracorn " + n)
        .queryParam("assignee", "mine")
        .get("/")
        .then()
        .statusCode(200)
        .body(
            allOf(
                not(containsString("Zebracorn backup " + n)),
                containsString("No tickets match these filters.")));
  }

  @Test
  void nextPageFollowsTheKeysetCursorAndFirstPageGoesBack() {
    long n = TestData.unique();
    String word = "pagination" + n;
    for (int i = 0; i < 27; i++) {
      TestData.ticket().subject(word + " ticket " + i).openedBy("queue-agent");
    }
    String first =
        given().queryParam("q", word).get("/").then().statusCode(200).extract().asString();
    // Each row shows its subject once (the tooltip repeats it in an attribute: not counted).
    assertThat(count(first, ">" + word + " ticket ")).isEqualTo(25);
    var next = Pattern.compile("href=\"(/\\?[^\"]*after=[^\"]+)\"[^>]*>Next page").matcher(first);
    assertThat(next.find()).as("a Next page link").isTrue();

    String second =
        given()
            .urlEncodingEnabled(false)
            .get(next.group(1).replace("&amp;", "&"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(count(second, ">" + word + " ticket ")).isEqualTo(2);
    assertThat(second).contains("First page").doesNotContain("Next page");
  }

  private static int count(String haystack, String needle) {
    int count = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      count++;
    }
    return count;
  }
}
