package io.backupdesk.web.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, for the browser tests: a viewport of an exact size (emulated, so
 * that 1366x768 means a 768 px high page), sign-in through the form, clicks and keys that wait for
 * the next page, full-page screenshots under target/screenshots, and axe-core's accessibility
 * check.
 */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final File CHROMIUM = new File("/usr/lib/chromium/chromium");

  private final ChromeDriver driver;
  private final String base;
  private int width = 1366;
  private int height = 768;

  private Browser(ChromeDriver driver, URL app) {
    this.driver = driver;
    this.base = app.toString().replaceAll("/$", "");
  }

  /** Starts Chromium; {@code javaScript} false switches scripts off, as some users have them. */
  public static Browser start(URL app, boolean javaScript) {
    if (!CHROMEDRIVER.canExecute() || !CHROMIUM.canExecute()) {
      fail(
          "The browser tests need Debian's Chromium and chromedriver ("
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
        "--hide-scrollbars",
        "--window-size=1366,1000");
    if (!javaScript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    var driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    var browser = new Browser(driver, app);
    browser.viewport(1366, 768);
    return browser;
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** The page's viewport, exactly (the window's own size includes nothing else when emulated). */
  public void viewport(int width, int height) {
    this.width = width;
    this.height = height;
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  public void open(String path) {
    driver.get(base + path);
  }

  public void signIn(String username) {
    driver.manage().deleteAllCookies();
    open("/login");
    type("j_username", username);
    type("j_password", TestData.PASSWORD);
    click(By.cssSelector("form[action='/j_security_check'] button[type=submit]"));
  }

  public void signOut() {
    driver.manage().deleteAllCookies();
  }

  public void type(String id, String value) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  /**
   * Runs something that loads a page and waits until a new, fully loaded document replaced the old
   * one. The old window is marked first: a new page has a fresh window without the mark. Driver
   * errors while the page is swapped (Chromium reports detached nodes as unknown errors, not as
   * stale elements) only mean "not yet".
   */
  public void loadingNextPage(Runnable action) {
    driver.executeScript("window.__replacedByNextPage = true;");
    action.run();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    driver.executeScript(
                        "return window.__replacedByNextPage === undefined"
                            + " && document.readyState === 'complete';")));
  }

  public void click(By by) {
    loadingNextPage(() -> driver.findElement(by).click());
  }

  public String text(By by) {
    return driver.findElement(by).getText();
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public boolean flag(String script, Object... args) {
    return Boolean.TRUE.equals(js(script, args));
  }

  /** The focused element's id, or its text when it has none. */
  public String focused() {
    return (String)
        js(
            "const e = document.activeElement;"
                + " return e ? (e.id || e.textContent.replace(/\\s+/g, ' ').trim()) : '';");
  }

  /**
   * The serious and critical axe-core violations of the current page, one line each ("rule
   * (impact): nodes"). axe's source is handed to WebDriver, which evaluates it outside the page's
   * Content-Security-Policy (a script tag would be blocked).
   */
  @SuppressWarnings("unchecked")
  public List<String> seriousAxeViolations() {
    js(AxeSource.SCRIPT);
    Object result =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " axe.run(document, {resultTypes: ['violations']}).then(r => done("
                    + " r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                    + " .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3)"
                    + " .map(n => n.target.join(' ')).join(' | ') + ' – ' + v.help)),"
                    + " e => done(['axe failed: ' + e]));");
    return (List<String>) result;
  }

  /**
   * A picture of the whole page for a person to look at (the test compares no pixels): the viewport
   * is stretched to the page's height for the shot, then set back.
   */
  public void screenshot(String name) {
    long pageHeight = ((Number) js("return document.documentElement.scrollHeight")).longValue();
    int shotHeight = (int) Math.min(Math.max(pageHeight, height), 8000);
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", shotHeight, "deviceScaleFactor", 1, "mobile", false));
    try {
      @SuppressWarnings("unchecked")
      var shot =
          (Map<String, Object>)
              driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
      Files.createDirectories(SCREENSHOTS);
      Files.write(
          SCREENSHOTS.resolve(name + ".png"),
          Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      viewport(width, height);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  /** axe-core's script, read once from Deque's jar on the test classpath. */
  private static final class AxeSource {
    static final String SCRIPT = read();

    private static String read() {
      try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
        if (in == null) {
          throw new IllegalStateException(
              "axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
