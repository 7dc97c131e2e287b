package io.backupdesk.web.live;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.web.testing.Browser;
import io.backupdesk.web.testing.LiveStream;
import io.backupdesk.web.testing.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Collision detection in a real browser: agent A has a ticket open, agent B changes its priority
 * through the API, and within two seconds A's page says who changed what and offers a refresh; B
 * opening the ticket shows "B is viewing this ticket" on A's page; the queue's rows and counts
 * follow changes without a reload; a feature's banner (an incident) shows on every page.
 */
@QuarkusTest
class LiveBrowserTest {

  private static final String A = "live-browser-a";
  private static final String B = "live-browser-b";
  private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
  private static Browser browser;

  @TestHTTPResource("/")
  URL app;

  @Inject LiveEvents live;

  @BeforeEach
  void signIn() {
    TestData.agent(A, "agent");
    TestData.agent(B, "agent");
    if (browser == null) {
      browser = Browser.start(app, true);
    }
    browser.viewport(1366, 768);
    browser.signIn(A);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void aChangeByAColleagueShowsWithinTwoSecondsAndSoDoesTheColleague() throws Exception {
    long ticket = TestData.ticket().openedBy(B);
    browser.open("/tickets/" + ticket);
    waitUntilLive();

    // Within two seconds of the change's response (its commit).
    patch(ticket, Map.of("priority", "URGENT"));
    waitFor("#live-changed:not([hidden])", TWO_SECONDS);
    assertThat(browser.text(By.id("live-changed")))
        .contains("Live-browser-b changed the priority")
        .contains("Refresh");

    URI base = app.toURI();
    try (var colleague =
        LiveStream.open(base, LiveStream.signIn(base, B, TestData.PASSWORD), "ticket:" + ticket)) {
      waitFor("#live-viewers:not([hidden])", TWO_SECONDS);
      assertThat(browser.text(By.id("live-viewers")))
          .isEqualTo("Live-browser-b is viewing this ticket");
      browser.screenshot("live-ticket-banner-1366");
    }
    waitFor("#live-viewers[hidden]", Duration.ofSeconds(5));

    browser.click(By.id("live-refresh"));
    assertThat(browser.text(By.cssSelector("main"))).contains("Urgent");
    assertThat(browser.flag("return document.getElementById('live-changed') === null")).isTrue();
  }

  @Test
  void ownChangesRaiseNoBanner() {
    long ticket = TestData.ticket().openedBy(A);
    browser.open("/tickets/" + ticket);
    waitUntilLive();
    given()
        .auth()
        .preemptive()
        .basic(A, TestData.PASSWORD)
        .contentType(JSON)
        .body(Map.of("priority", "LOW"))
        .when()
        .patch("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200);
    // A colleague's change right after shows; A's own did not.
    patch(ticket, Map.of("priority", "HIGH"));
    waitFor("#live-changed:not([hidden])", TWO_SECONDS);
    assertThat(browser.text(By.id("live-changed")))
        .startsWith("Live-browser-b changed the priority (");
  }

  @Test
  void theQueueFollowsChangesInPlace() {
    long ticket = TestData.ticket().openedBy(B);
    browser.open("/");
    waitUntilLive();
    browser.js("window.__sameDocument = true;");
    String before = browser.text(By.id("ticket-" + ticket));
    assertThat(before).contains("Normal");

    patch(ticket, Map.of("priority", "URGENT"));
    new WebDriverWait(browser.driver(), TWO_SECONDS.plusMillis(1500))
        .ignoring(WebDriverException.class)
        .until(d -> browser.text(By.id("ticket-" + ticket)).contains("Urgent"));
    assertThat(browser.flag("return window.__sameDocument === true")).isTrue();

    long opened = TestData.ticket().openedBy(B);
    new WebDriverWait(browser.driver(), TWO_SECONDS.plusMillis(1500))
        .ignoring(WebDriverException.class)
        .until(d -> !d.findElements(By.id("ticket-" + opened)).isEmpty());
    assertThat(browser.flag("return window.__sameDocument === true")).isTrue();
  }

  @Test
  void aFeaturesNoticeShowsOnEveryPageLiveAndOnLoad() {
    browser.open("/tickets/new");
    waitUntilLive();
    long incident = TestData.unique();
    String text = "iCloud Backup outage: incident " + incident + " open since 14:05";
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                live.publish(
                    "incident",
                    Map.of(
                        "incident",
                        incident,
                        "kind",
                        "OPENED",
                        "notice",
                        Map.of(
                            "key", "incident",
                            "level", "warning",
                            "text", text,
                            "href", "/"))));
    waitFor("#live-notices [data-notice='incident'].live-warning", TWO_SECONDS);
    assertThat(browser.text(By.cssSelector("#live-notices [data-notice='incident']")))
        .isEqualTo(text + " Open");

    // A page loaded later gets the banner from the feature's LiveNoticeSource.
    TestNotices.current = List.of(new LiveNotice("incident", text, "/", "warning"));
    try {
      browser.open("/");
      assertThat(browser.text(By.cssSelector("#live-notices [data-notice='incident']")))
          .isEqualTo(text + " Open");
      waitUntilLive();
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  live.publish(
                      "incident",
                      Map.of(
                          "incident", incident, "kind", "RECOVERED", "clearNotice", "incident")));
      waitFor("#live-notices:not(:has([data-notice='incident']))", TWO_SECONDS);
    } finally {
      TestNotices.current = List.of();
    }
  }

  private void patch(long ticket, Map<String, Object> change) {
    given()
        .auth()
        .preemptive()
        .basic(B, TestData.PASSWORD)
        .contentType(JSON)
        .body(change)
        .when()
        .patch("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200);
  }

  private void waitUntilLive() {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(d -> browser.flag("return document.documentElement.dataset.live === 'on'"));
  }

  private void waitFor(String css, Duration within) {
    new WebDriverWait(browser.driver(), within)
        .pollingEvery(Duration.ofMillis(50))
        .ignoring(WebDriverException.class)
        .until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
  }
}
