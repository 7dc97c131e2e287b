package io.backupdesk.web.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.web.testing.Browser;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The desk from the keyboard, in a real browser: one key per outcome on the step (shown on its
 * button), "?" for the list of keys in a modal dialog, keys that do nothing while the agent types,
 * a fix that needs the customer's agreement never recorded by a key without it, j/k/Enter and "/"
 * in the queue, a skip link to the step, a focus ring that meets WCAG 2.2, and the same pages
 * working with JavaScript switched off.
 */
@QuarkusTest
class ShortcutsBrowserTest {

  private static final String AGENT = "keys-agent";
  private static Browser browser;

  @TestHTTPResource("/")
  URL app;

  @Inject TestDiagnoses diagnoses;

  @BeforeEach
  void startBrowser() {
    TestData.agent(AGENT, "agent");
    if (browser == null) {
      browser = Browser.start(app, true);
    }
    browser.viewport(1366, 768);
    browser.signIn(AGENT);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void oneKeyPerOutcomeWalksTheDiagnosis() {
    long ticket = TestData.ticket().device("iPhone 13", "17.5").openedBy(AGENT);
    diagnoses.start(ticket, AGENT);
    browser.open("/tickets/" + ticket + "/diagnosis");
    assertThat(stepTitle()).isEqualTo("Step 1 · iCloud Backup switch");
    assertThat(browser.text(By.cssSelector("button[value=NOTHING_WRONG] kbd"))).isEqualTo("N");

    press("n");
    assertThat(stepTitle()).isEqualTo("Step 2 · Wi-Fi connection");

    // Typing in a field is typing: an "n" in the note records nothing.
    browser.driver().findElement(By.id("note")).sendKeys("n");
    assertThat(stepTitle()).isEqualTo("Step 2 · Wi-Fi connection");
    assertThat(browser.driver().findElement(By.id("note")).getDomProperty("value")).isEqualTo("n");

    // S goes to the reason; Enter there skips (the form's default button is "skip").
    browser.driver().findElement(By.tagName("h1")).click();
    keys("s");
    assertThat(browser.focused()).isEqualTo("skipReason");
    browser.loadingNextPage(
        () -> browser.driver().switchTo().activeElement().sendKeys("No Wi-Fi here", Keys.ENTER));
    assertThat(stepTitle()).isEqualTo("Step 3 · Power");
    assertThat(browser.text(By.cssSelector(".progress-panel")))
        .contains("skipped: No Wi-Fi here", "nothing wrong");

    // Several fixes: their keys are 1 and 2.
    press("a");
    assertThat(stepTitle()).isEqualTo("Step 4 · iCloud storage");
    assertThat(browser.text(By.cssSelector("button[value=upgrade-plan] kbd"))).isEqualTo("2");

    // "Upgrade the iCloud plan" costs money: without the ticked agreement a key records nothing.
    keys("2");
    assertThat(stepTitle()).isEqualTo("Step 4 · iCloud storage");
    assertThat(browser.text(By.cssSelector(".fix .consent-needed")))
        .contains("needs the customer’s agreement");
    assertThat(browser.flag("return document.activeElement.value === 'upgrade-plan';")).isTrue();
    keys(" "); // ticks the focused box
    press("2");
    assertThat(browser.text(By.cssSelector(".step-card"))).contains("Did Back Up Now complete?");
    assertThat(browser.text(By.cssSelector("button[value=yes] kbd"))).isEqualTo("Y");

    press("y");
    assertThat(browser.text(By.cssSelector(".result")))
        .contains("Resolved", "Upgrade the iCloud plan");
  }

  @Test
  void escalationAndPauseOpenFromTheKeyboard() {
    long ticket = TestData.ticket().openedBy(AGENT);
    diagnoses.start(ticket, AGENT);
    browser.open("/tickets/" + ticket + "/diagnosis");

    keys("e");
    assertThat(browser.flag("return document.getElementById('escalate-action').open;")).isTrue();
    assertThat(browser.focused()).isEqualTo("target");
    keys(Keys.ESCAPE);
    assertThat(browser.flag("return document.getElementById('escalate-action').open;")).isFalse();

    keys("l");
    assertThat(browser.focused()).isEqualTo("abandon-reason");
    browser.loadingNextPage(
        () -> browser.driver().switchTo().activeElement().sendKeys("Train", Keys.ENTER));
    assertThat(browser.text(By.cssSelector(".step-card"))).contains("Paused: the customer left");

    press("r");
    assertThat(stepTitle()).isEqualTo("Step 1 · iCloud Backup switch");
  }

  @Test
  void questionMarkListsTheKeysInAModalDialog() {
    long ticket = TestData.ticket().openedBy(AGENT);
    diagnoses.start(ticket, AGENT);
    browser.open("/tickets/" + ticket + "/diagnosis");

    keys("?");
    assertThat(browser.flag("return document.querySelector('dialog.shortcuts').open;")).isTrue();
    String list = browser.text(By.cssSelector("dialog.shortcuts"));
    assertThat(list)
        .contains(
            "Keyboard shortcuts",
            "N\nNothing wrong here",
            "A\nNot applicable",
            "F\nFixed with “Turn on iCloud Backup”",
            "S\nSkip this step",
            "E\nEscalate",
            "L\nCustomer left");
    assertThat(
            browser.flag(
                "return document.querySelector('dialog.shortcuts').contains("
                    + "document.activeElement);"))
        .isTrue();
    // Focus stays in the dialog, and keys do not act on the page behind it.
    keys(Keys.TAB);
    keys(Keys.TAB);
    keys("n");
    assertThat(
            browser.flag(
                "return document.querySelector('dialog.shortcuts').contains("
                    + "document.activeElement);"))
        .isTrue();
    assertThat(stepTitle()).isEqualTo("Step 1 · iCloud Backup switch");
    keys(Keys.ESCAPE);
    assertThat(browser.flag("return document.querySelector('dialog.shortcuts').open;")).isFalse();
    assertThat(stepTitle()).isEqualTo("Step 1 · iCloud Backup switch");
  }

  @Test
  void theQueueMovesWithJAndKAndOpensWithEnter() {
    String word = "Jaykay" + TestData.unique();
    for (int i = 0; i < 3; i++) {
      TestData.ticket().subject(word + " backup " + i).openedBy(AGENT);
    }
    browser.open("/?q=" + word);
    List<String> rows =
        browser.driver().findElements(By.cssSelector("table.queue tbody tr")).stream()
            .map(r -> r.getDomAttribute("id"))
            .toList();
    assertThat(rows).hasSize(3);

    keys("j");
    assertThat(selectedRow()).isEqualTo(rows.get(0));
    keys("j");
    keys("j");
    assertThat(selectedRow()).isEqualTo(rows.get(2));
    assertThat(
            browser.flag(
                "return document.getElementById(arguments[0]).getAttribute('aria-current')"
                    + " === 'true';",
                rows.get(2)))
        .isTrue();
    keys("k");
    assertThat(selectedRow()).isEqualTo(rows.get(1));
    browser.loadingNextPage(() -> keys(Keys.ENTER));
    assertThat(browser.driver().getCurrentUrl())
        .endsWith("/tickets/" + rows.get(1).replace("ticket-", ""));

    browser.open("/");
    keys("/");
    assertThat(browser.focused()).isEqualTo("q");
  }

  @Test
  void theFirstOutcomeIsTwoTabsAwayAndItsFocusRingIsSolid() {
    long ticket = TestData.ticket().openedBy(AGENT);
    diagnoses.start(ticket, AGENT);
    browser.open("/tickets/" + ticket + "/diagnosis");

    keys(Keys.TAB);
    assertThat(browser.focused()).isEqualTo("Skip to the step");
    keys(Keys.ENTER);
    keys(Keys.TAB);
    assertThat(browser.focused()).isEqualTo("Nothing wrong here N");

    // WCAG 2.2 focus appearance: a solid outline of at least 2 px, with 3:1 contrast to what
    // surrounds it (the offset puts the page background next to it).
    String style =
        (String)
            browser.js(
                "const s = getComputedStyle(document.activeElement);"
                    + " return [s.outlineStyle, s.outlineWidth, s.outlineOffset, s.outlineColor,"
                    + " getComputedStyle(document.documentElement).backgroundColor,"
                    + " s.backgroundColor].join(';');");
    String[] parts = style.split(";");
    assertThat(parts[0]).isEqualTo("solid");
    assertThat(px(parts[1])).isGreaterThanOrEqualTo(2);
    assertThat(px(parts[2])).isGreaterThanOrEqualTo(1);
    assertThat(contrast(parts[3], parts[4])).as("outline against the page").isGreaterThan(3);
    assertThat(contrast(parts[3], parts[5])).as("outline against the button").isGreaterThan(1);
  }

  @Test
  void everythingStillWorksWithoutJavaScript() {
    long ticket = TestData.ticket().openedBy(AGENT);
    diagnoses.start(ticket, AGENT);
    try (Browser plain = Browser.start(app, false)) {
      plain.signIn(AGENT);
      plain.open("/tickets/" + ticket + "/diagnosis");
      // No keys without the script, so no key hints either.
      assertThat(
              plain
                  .driver()
                  .findElement(By.cssSelector("button[value=NOTHING_WRONG] kbd"))
                  .isDisplayed())
          .isFalse();
      plain.click(By.cssSelector("button[value=NOTHING_WRONG]"));
      assertThat(plain.text(By.cssSelector(".step-card h2")))
          .isEqualTo("Step 2 · Wi-Fi connection");
      // The escalation form opens as a plain disclosure.
      plain.driver().findElement(By.cssSelector("#escalate-action summary")).click();
      plain.type("reason", "Needs Apple");
      plain.click(By.cssSelector("#escalate-action button[type=submit]"));
      assertThat(plain.text(By.cssSelector(".result"))).contains("Escalated", "Needs Apple");
    }
    assertThat(diagnoses.latest(ticket).orElseThrow().diagnosis().status().name())
        .isEqualTo("ESCALATED");
  }

  private String stepTitle() {
    return browser.text(By.cssSelector(".step-card h2, .result h2"));
  }

  private String selectedRow() {
    return (String) browser.js("return document.activeElement.closest('tr').id;");
  }

  /** A key that loads the next page. */
  private void press(String key) {
    browser.loadingNextPage(() -> keys(key));
  }

  private void keys(CharSequence key) {
    new Actions(browser.driver()).sendKeys(key).perform();
  }

  private static double px(String value) {
    return Double.parseDouble(value.replace("px", ""));
  }

  /** WCAG contrast ratio of two computed colours ("rgb(r, g, b)" or "rgba(...)"). */
  private static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String colour) {
    String[] c = colour.replaceAll("[^0-9.,]", "").split(",");
    double[] rgb = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Double.parseDouble(c[i]) / 255;
      rgb[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  }
}
