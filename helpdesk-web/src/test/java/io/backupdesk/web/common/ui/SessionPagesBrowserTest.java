package io.backupdesk.web.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.web.testing.Browser;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person sees in a real browser around sessions and refusals: Back after signing out never
 * shows the customer's data again (signed-in pages are no-store), and a refusal (a page of the
 * wrong role, a form whose CSRF token is wrong, a form over the size limit, an address that leads
 * nowhere) is a page of the app, with its header and a sentence to act on, not the browser's own.
 */
@QuarkusTest
class SessionPagesBrowserTest {

  private static Browser browser;

  @TestHTTPResource("/")
  URL app;

  @BeforeEach
  void start() {
    if (browser == null) {
      browser = Browser.start(app, true);
    }
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void backAfterSigningOutDoesNotShowTheCustomerAgain() {
    var agent = TestData.agent("back-" + TestData.unique());
    var customer = "Quinn Private " + TestData.unique();
    long ticket =
        TestData.ticket()
            .customer(customer, "quinn" + TestData.unique() + "@example.com")
            .openedBy(agent);
    browser.signIn(agent);
    browser.open("/tickets/" + ticket);
    assertThat(browser.driver().getPageSource()).contains(customer);

    browser.click(By.cssSelector("form.sign-out button[type=submit]"));
    assertThat(browser.driver().getCurrentUrl()).contains("/login");

    browser.driver().navigate().back();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .ignoring(WebDriverException.class)
        .until(d -> "complete".equals(browser.js("return document.readyState")));
    assertThat(browser.driver().getPageSource())
        .as("the page Back shows after signing out")
        .doesNotContain(customer);
    assertThat(browser.driver().getCurrentUrl()).contains("/login");
  }

  @Test
  void aPageOfAnotherRoleIsRefusedInTheAppsLayout() {
    var lead = TestData.agent("lead-" + TestData.unique(), "supervisor");
    browser.signIn(lead);
    browser.open("/admin/accounts");
    assertLayoutWith("Not for your role", "ask an administrator");
  }

  @Test
  void aFormWithAWrongTokenIsRefusedInTheAppsLayoutAndSavesNothing() {
    var agent = TestData.agent("csrf-page-" + TestData.unique());
    long ticket = TestData.ticket().openedBy(agent);
    browser.signIn(agent);
    browser.open("/tickets/" + ticket);
    browser.loadingNextPage(
        () ->
            browser.js(
                "const f = document.querySelector('form[action$=\"/notes\"]');"
                    + " f.querySelector('[name=csrf-token]').value = 'forged';"
                    + " f.querySelector('textarea[name=body]').value = 'A forged note';"
                    + " f.submit();"));
    assertLayoutWith("The form could not be checked", "reload the page and send the form again");
    browser.open("/tickets/" + ticket);
    assertThat(browser.driver().getPageSource()).doesNotContain("A forged note");
  }

  @Test
  void aFormOverTheSizeLimitIsRefusedInTheAppsLayout() {
    var agent = TestData.agent("big-" + TestData.unique());
    long ticket = TestData.ticket().openedBy(agent);
    browser.signIn(agent);
    browser.open("/tickets/" + ticket);
    browser.loadingNextPage(
        () ->
            browser.js(
                "const f = document.querySelector('form[action$=\"/notes\"]');"
                    + " f.querySelector('textarea[name=body]').value = 'x'.repeat(1100000);"
                    + " f.submit();"));
    assertLayoutWith("Request body too large", "shorten the text");
  }

  @Test
  void anAddressThatLeadsNowhereIsAPageOfTheApp() {
    var agent = TestData.agent("lost-" + TestData.unique());
    browser.signIn(agent);
    browser.open("/tickets/999999999");
    assertLayoutWith("Not found", "Back to the queue");
  }

  private static void assertLayoutWith(String heading, String sentence) {
    assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo(heading);
    assertThat(browser.text(By.cssSelector("main"))).containsIgnoringCase(sentence);
    assertThat(browser.driver().findElements(By.cssSelector("header.site-header a.brand")))
        .as("the app's header")
        .hasSize(1);
  }
}
