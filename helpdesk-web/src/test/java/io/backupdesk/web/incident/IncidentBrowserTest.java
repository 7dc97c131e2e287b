package io.backupdesk.web.incident;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.web.testing.Browser;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An Apple outage as the desk's people see it, in two real browsers: a supervisor opens an incident
 * through the API and both signed-in agents get the banner without reloading; one agent records the
 * outage at the Apple-status step with one click and the ticket joins the incident; a supervisor
 * ticks another ticket in the queue and links it; the incident is marked recovered, the banner
 * goes, and the waiting ticket is back in the queue as a follow-up that starts from the customer's
 * test backup, not from step 1.
 */
@QuarkusTest
class IncidentBrowserTest {

  private static final String FIRST = "incb-agent-a";
  private static final String SECOND = "incb-agent-b";
  private static final String LEAD = "incb-lead";
  private static final Duration LIVE = Duration.ofSeconds(5);
  private static Browser first;
  private static Browser second;

  @TestHTTPResource("/")
  URL app;

  @Inject TestDiagnoses diagnoses;
  @Inject IncidentStore store;
  @Inject IncidentCommands commands;

  @BeforeEach
  @AfterEach
  void appleIsWell() {
    QuarkusTransaction.requiringNew()
        .call(() -> store.open().map(i -> i.id))
        .ifPresent(id -> commands.recover(id, null, LEAD));
  }

  @AfterAll
  static void stopBrowsers() {
    for (Browser b : new Browser[] {first, second}) {
      if (b != null) {
        b.close();
      }
    }
    first = null;
    second = null;
  }

  @Test
  void anOutageFromTheBannerToTheFollowUp() {
    TestData.agent(FIRST);
    TestData.agent(SECOND);
    TestData.agent(LEAD, "supervisor");
    String word = "incb" + TestData.unique();
    long waiting = atAppleStatus(word);
    long other = TestData.ticket().subject("Backup fails again " + word).openedBy(SECOND);
    String title = "iCloud Backup down " + word;

    first = Browser.start(app, true);
    second = Browser.start(app, true);
    first.signIn(FIRST);
    second.signIn(SECOND);
    first.open("/tickets/" + waiting + "/diagnosis");
    second.open("/");
    waitUntilLive(first);
    waitUntilLive(second);
    assertThat(first.driver().findElements(By.id("incident-step-heading"))).isEmpty();
    second.js("window.__sameDocument = true;");

    long incident =
        ((Number)
                given()
                    .auth()
                    .preemptive()
                    .basic(LEAD, TestData.PASSWORD)
                    .contentType(JSON)
                    .body(Map.of("title", title))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"))
            .longValue();

    // The second agent's queue gets the banner in place, without a reload.
    waitFor(second, "#live-notices [data-notice='incident']");
    assertThat(second.text(By.cssSelector("#live-notices [data-notice='incident']")))
        .startsWith("Apple outage: " + title + ", open since ")
        .endsWith("Open");
    assertThat(second.flag("return window.__sameDocument === true")).isTrue();
    waitFor(first, "#live-notices [data-notice='incident']");

    // The first agent, at the Apple-status step, records the outage with one click.
    first.open("/tickets/" + waiting + "/diagnosis");
    assertThat(first.text(By.id("incident-step-heading"))).matches("An incident is open since .+");
    assertThat(first.text(By.cssSelector(".incident-step a"))).isEqualTo(title);
    assertThat(first.seriousAxeViolations()).as("axe on the Apple-status step").isEmpty();
    first.screenshot("incident-apple-status-step-1366");
    first.click(By.cssSelector(".incident-outage-form button[value=OUTAGE]"));
    assertThat(first.text(By.id("step"))).contains("Waiting on Apple");
    first.open("/tickets/" + waiting);
    assertThat(first.text(By.cssSelector(".incident-links")))
        .isEqualTo("Incidents: #" + incident + " " + title + " (Open)");

    // A supervisor ticks the other ticket in the queue and links it.
    second.signIn(LEAD);
    second.open("/?q=" + word);
    assertThat(second.text(By.cssSelector("#incident-links"))).contains("Link selected");
    queueRowsOnOneLineWithoutSidewaysScrolling(second);
    assertThat(second.seriousAxeViolations()).as("axe on the queue with checkboxes").isEmpty();
    second.screenshot("incident-queue-bulk-1366");
    second
        .driver()
        .findElement(By.cssSelector("input[name=ticketId][value='" + other + "']"))
        .click();
    second.click(By.cssSelector("#incident-links button[type=submit]:not([formaction])"));
    assertThat(second.text(By.cssSelector("#incident-links [role=status]")))
        .isEqualTo("Linked the selected ticket to the incident; each ticket's timeline says so.");

    // Apple recovered: the supervisor says so, and the first agent's banner goes without reload.
    first.open("/?q=" + word);
    waitUntilLive(first);
    first.js("window.__sameDocument = true;");
    second.open("/incidents/" + incident);
    second.click(By.cssSelector("form.recover button"));
    assertThat(second.text(By.tagName("main")))
        .contains("Recovered: the tickets that were waiting on Apple are back in the queue");
    waitFor(first, "#live-notices:not(:has([data-notice='incident']))");
    assertThat(first.flag("return window.__sameDocument === true")).isTrue();

    // The waiting ticket is back in the queue as a follow-up; the other one never waited.
    first.open("/?q=" + word);
    var row = first.driver().findElement(By.id("ticket-" + waiting));
    assertThat(row.getText()).contains("New");
    assertThat(row.findElement(By.cssSelector(".progress-cell")).getAttribute("title"))
        .isEqualTo(TicketCase.FOLLOW_UP);
    assertThat(
            first
                .driver()
                .findElement(By.cssSelector("#ticket-" + other + " .progress-cell"))
                .getAttribute("title"))
        .isEqualTo("not started");

    // Opening it starts from the customer's test backup, not from step 1.
    first.click(By.cssSelector("#ticket-" + waiting + " a[href='/tickets/" + waiting + "']"));
    assertThat(first.text(By.id("follow-up-heading"))).isEqualTo(TicketCase.FOLLOW_UP);
    assertThat(
            first.flag(
                "return document.getElementById('follow-up-heading')"
                    + ".getBoundingClientRect().bottom <= innerHeight;"))
        .as("the follow-up is on screen without scrolling")
        .isTrue();
    assertThat(first.text(By.tagName("main")))
        .doesNotContain("Start a new diagnosis")
        .doesNotContain("Start diagnosis");
    first.screenshot("incident-follow-up-1366");
    first.click(By.xpath("//button[normalize-space()='Backup completed: resolve']"));
    assertThat(first.text(By.cssSelector("h1"))).isEqualTo("Ticket #" + waiting + " Resolved");
  }

  /** A ticket of the first agent whose diagnosis stands at the Apple-status step. */
  private long atAppleStatus(String word) {
    long ticket = TestData.ticket().subject("Backup stopped " + word).openedBy(FIRST);
    var view = diagnoses.start(ticket, FIRST);
    while (true) {
      String key = view.diagnosis().currentStep().orElseThrow().key();
      if (key.equals("apple-status")) {
        return ticket;
      }
      view =
          diagnoses.record(
              ticket,
              null,
              new OutcomeCommand(
                  key, StepOutcome.NOTHING_WRONG, null, null, null, false, FIRST, Instant.now()));
    }
  }

  private static void queueRowsOnOneLineWithoutSidewaysScrolling(Browser browser) {
    @SuppressWarnings("unchecked")
    var tall =
        (List<String>)
            browser.js(
                "const rows = [...document.querySelectorAll('table.queue tbody tr')];"
                    + " return rows.filter(r => {"
                    + "   const cs = getComputedStyle(r.cells[2]);"
                    + "   const oneLine = parseFloat(cs.lineHeight) + parseFloat(cs.paddingTop)"
                    + "     + parseFloat(cs.paddingBottom);"
                    + "   return r.getBoundingClientRect().height > oneLine * 1.5;"
                    + " }).map(r => r.id);");
    assertThat(tall).as("queue rows taller than one line").isEmpty();
    assertThat(((Number) browser.js("return document.documentElement.scrollWidth;")).intValue())
        .as("page width (no sideways scrolling)")
        .isLessThanOrEqualTo(1366);
    assertThat(
            browser.flag(
                "const box = document.querySelector('table.queue').parentElement"
                    + "  .getBoundingClientRect();"
                    + " const last = document.querySelector('table.queue th.col-diagnosis')"
                    + "  .getBoundingClientRect();"
                    + " return last.right <= box.right + 1 && box.right <= innerWidth;"))
        .as("the queue's Diagnosis column is on screen")
        .isTrue();
  }

  private static void waitUntilLive(Browser browser) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(d -> browser.flag("return document.documentElement.dataset.live === 'on'"));
  }

  private static void waitFor(Browser browser, String css) {
    new WebDriverWait(browser.driver(), LIVE)
        .pollingEvery(Duration.ofMillis(50))
        .ignoring(WebDriverException.class)
        .until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
  }
}
