package io.backupdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agent's first call, in a real browser: sign in through the form, open a ticket for an iPhone
 * 8, walk the diagnosis to a confirmed fix at step 4, and see the ticket resolved. Runs Debian's
 * Chromium headless through Debian's chromedriver; screenshots land in target/screenshots.
 */
@QuarkusTest
class AgentJourneyBrowserTest {

  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final File CHROMIUM = new File("/usr/lib/chromium/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String AGENT = "browser-agent";

  private static ChromeDriver browser;

  @TestHTTPResource("/")
  URL app;

  @Inject TestDiagnoses diagnoses;

  @BeforeAll
  static void startBrowser() {
    if (!CHROMEDRIVER.canExecute() || !CHROMIUM.canExecute()) {
      fail(
          "The browser test needs Debian's Chromium and chromedriver ("
              + CHROMIUM
              + ", "
              + CHROMEDRIVER
              + "). Install them with: apt-get update && apt-get install -y chromium"
              + " chromium-driver (.ci/run does this).");
    }
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,1000");
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAgentResolvesAnIphone8TicketAtStep4() throws IOException {
    TestData.agent(AGENT, "agent");
    long n = TestData.unique();
    String customer = "Iris Eight " + n;
    String email = "iris" + n + "@example.com";

    // Sign in for real through the form.
    open("/login");
    screenshot("sign-in");
    type("j_username", AGENT);
    type("j_password", TestData.PASSWORD);
    click(By.cssSelector("form[action='/j_security_check'] button[type=submit]"));
    assertThat(text(By.cssSelector(".site-header"))).contains("Browser-agent", "Sign out");

    // Open a ticket for an iPhone 8 customer.
    clickLink("New ticket");
    screenshot("new-ticket");
    type("customerName", customer);
    type("customerEmail", email);
    new Select(browser.findElement(By.id("deviceModel"))).selectByVisibleText("iPhone 8");
    type("iosVersion", "16.7");
    type("subject", "No iCloud backup for two weeks");
    clickButton("Open ticket");
    assertThat(browser.getCurrentUrl()).matches(".*/tickets/\\d+$");
    assertThat(text(By.tagName("main"))).contains(customer, "iPhone 8", "iOS 16.7");
    long ticket = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/tickets/", ""));
    screenshot("ticket-new");

    // Step 7 as this customer would get it: Home-button restart only (on a twin ticket walked
    // there).
    long twin = TestData.ticket().device("iPhone 8", "16.7").openedBy(AGENT);
    walkToStep7(twin);
    open("/tickets/" + twin + "/diagnosis");
    String step7 = text(By.cssSelector(".step-card"));
    assertThat(step7)
        .contains(
            "Step 7 · Restart the iPhone",
            "For iPhone 8 and earlier, SE (Home button)",
            "keep the same button pressed until the Apple logo shows")
        .doesNotContain("Face ID", "either volume button");
    screenshot("diagnosis-step-7");

    // Walk the customer's own diagnosis.
    open("/tickets/" + ticket);
    clickButton("Start diagnosis");
    assertThat(text(By.cssSelector(".step-card"))).contains("Step 1 · iCloud Backup switch");
    for (String next :
        List.of("Step 2 · Wi-Fi connection", "Step 3 · Power", "Step 4 · iCloud storage")) {
      clickButton("Nothing wrong here");
      assertThat(text(By.cssSelector(".step-card"))).contains(next);
    }
    assertThat(text(By.cssSelector(".progress-panel"))).contains("3 of 9 steps done");
    assertThat(currentStep()).contains("iCloud storage", "current step");
    screenshot("diagnosis-step-4");

    // Upgrading adds a monthly charge: without the customer's recorded agreement it is refused.
    clickButton("Fixed with “Upgrade the iCloud plan”");
    assertThat(text(By.cssSelector(".step-card")))
        .contains("adds a charge to the customer's bill")
        .doesNotContain("Did Back Up Now complete?");
    browser.findElement(By.cssSelector("input[name=consent][value=upgrade-plan]")).click();
    clickButton("Fixed with “Upgrade the iCloud plan”");
    assertThat(text(By.cssSelector(".step-card"))).contains("Did Back Up Now complete?");
    clickButton("Yes, the backup completed");

    String result = text(By.cssSelector(".result"));
    assertThat(result).contains("Resolved", "Step 4 · iCloud storage", "Upgrade the iCloud plan");
    List<WebElement> steps = browser.findElements(By.cssSelector(".progress-panel li.step"));
    assertThat(steps).hasSize(9);
    assertThat(steps.subList(0, 3))
        .allSatisfy(s -> assertThat(s.getText()).contains("nothing wrong"));
    assertThat(steps.get(3).getText())
        .contains("fixed (Upgrade the iCloud plan), backup completed");
    assertThat(steps.subList(4, 9))
        .allSatisfy(s -> assertThat(s.getText()).contains("not reached"));
    assertThat(text(By.cssSelector(".progress-panel"))).contains("4 of 9 steps done");
    screenshot("diagnosis-resolved");

    clickLink("Back to ticket #" + ticket);
    assertThat(text(By.cssSelector(".page-head"))).contains("Resolved");
    String timeline = text(By.cssSelector(".timeline"));
    assertThat(timeline)
        .contains(
            "Ticket opened by phone: iPhone 8 on iOS 16.7",
            "Browser-agent took the ticket",
            "Diagnosis 1: Diagnosis started",
            "Resolved at Step 4");
    screenshot("ticket-resolved");

    open("/?q=" + email);
    assertThat(text(By.id("ticket-" + ticket)))
        .contains(customer, "Resolved", "resolved at step 4");
    open("/");
    screenshot("queue");

    clickButton("Sign out");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    open("/");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
  }

  private void walkToStep7(long ticket) {
    var view = diagnoses.start(ticket, AGENT);
    for (String step :
        List.of(
            "backup-switch", "wifi", "power", "storage", "apple-status", "account-verification")) {
      view =
          diagnoses.record(
              ticket, view.version(), OutcomeCommand.nothingWrong(step, AGENT, Instant.now()));
    }
  }

  private String currentStep() {
    return text(By.cssSelector(".progress-panel li[aria-current='step']"));
  }

  private void open(String path) {
    browser.get(app.toString().replaceAll("/$", "") + path);
  }

  private void type(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  /**
   * Clicks something that loads a page, and waits until a new, fully loaded document has replaced
   * the old one. The old window is marked first: a new page has a fresh window without the mark.
   * Driver errors while the page is swapped (Chromium reports detached nodes as unknown errors, not
   * as stale elements) only mean "not yet".
   */
  private void click(By by) {
    browser.executeScript("window.__replacedByNextPage = true;");
    browser.findElement(by).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    browser.executeScript(
                        "return window.__replacedByNextPage === undefined"
                            + " && document.readyState === 'complete';")));
  }

  /** By the button's own words; its shortcut hint ({@code <kbd>}) is not part of them. */
  private void clickButton(String words) {
    click(By.xpath("//button[normalize-space(text())='" + words + "']"));
  }

  private void clickLink(String words) {
    click(By.xpath("//a[normalize-space()='" + words + "']"));
  }

  private String text(By by) {
    return browser.findElement(by).getText();
  }

  /** A full-page screenshot for a person to look at; the test does not compare pixels. */
  private void screenshot(String name) throws IOException {
    long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
    browser
        .manage()
        .window()
        .setSize(new Dimension(1366, (int) Math.min(Math.max(height, 800), 4000)));
    Files.createDirectories(SCREENSHOTS);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    browser.manage().window().setSize(new Dimension(1366, 1000));
  }
}
