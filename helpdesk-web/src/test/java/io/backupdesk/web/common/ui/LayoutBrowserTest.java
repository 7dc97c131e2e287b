package io.backupdesk.web.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.web.testing.Browser;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every page, signed in with each role, at a laptop's 1366x768 and a phone's 414x896: the page
 * never scrolls sideways (wide tables scroll in their own box), the queue keeps one line per ticket
 * at 1366, the current step's outcome buttons are on the first screen at 1366x768, and axe-core
 * finds no serious or critical accessibility problem. Screenshots of every page at both sizes land
 * in target/screenshots/{page}-{size}.png.
 */
@QuarkusTest
class LayoutBrowserTest {

  private static final String AGENT = "layout-agent";
  private static final String LEAD = "layout-lead";
  private static final String ADMIN = "layout-admin";
  private static final List<Size> SIZES = List.of(new Size(1366, 768), new Size(414, 896));

  private static Browser browser;
  private static Tickets tickets;

  @TestHTTPResource("/")
  URL app;

  @Inject TestDiagnoses diagnoses;

  record Size(int width, int height) {
    boolean laptop() {
      return width >= 1366;
    }

    @Override
    public String toString() {
      return width + "x" + height;
    }
  }

  /** The tickets the pages show, one in each state of a diagnosis. */
  record Tickets(
      long longSubject,
      long atStep4,
      long atStep6,
      long unknownModel,
      long verifying,
      long paused,
      long resolved,
      long escalated,
      long notStarted) {}

  /** The app's URL is only known to instances: the browser starts with the first test. */
  @BeforeEach
  void prepare() {
    if (browser == null) {
      browser = Browser.start(app, true);
    }
    if (tickets == null) {
      tickets = makeTickets();
    }
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void anAgentsPagesFitBothScreens() {
    browser.signIn(AGENT);
    var soft = new SoftAssertions();
    check(soft, "queue", "/", this::queueKeepsOneLinePerTicket);
    check(soft, "new-ticket", "/tickets/new", none());
    check(soft, "ticket", "/tickets/" + tickets.longSubject(), none());
    check(soft, "ticket-resolved", "/tickets/" + tickets.resolved(), none());
    check(soft, "diagnosis-not-started", "/tickets/" + tickets.notStarted() + "/diagnosis", none());
    check(
        soft,
        "diagnosis-step-4",
        "/tickets/" + tickets.atStep4() + "/diagnosis",
        outcomeButtonsOnFirstScreen(".outcome-row button", ".head-actions summary"));
    check(
        soft,
        "diagnosis-step-6",
        "/tickets/" + tickets.atStep6() + "/diagnosis",
        outcomeButtonsOnFirstScreen(".outcome-row button", ".head-actions summary"));
    check(
        soft,
        "diagnosis-step-7-unknown-model",
        "/tickets/" + tickets.unknownModel() + "/diagnosis",
        outcomeButtonsOnFirstScreen(".outcome-row button", ".head-actions summary"));
    check(
        soft,
        "diagnosis-verify",
        "/tickets/" + tickets.verifying() + "/diagnosis",
        outcomeButtonsOnFirstScreen(".verify button[name=completed]"));
    check(
        soft,
        "diagnosis-paused",
        "/tickets/" + tickets.paused() + "/diagnosis",
        outcomeButtonsOnFirstScreen(".paused button"));
    check(soft, "diagnosis-resolved", "/tickets/" + tickets.resolved() + "/diagnosis", none());
    check(soft, "diagnosis-escalated", "/tickets/" + tickets.escalated() + "/diagnosis", none());
    check(soft, "tokens", "/account/tokens", none());
    check(soft, "profile", "/profile", none());
    check(soft, "customer", "/customers/" + customerOf(tickets.resolved()), none());
    check(soft, "error-not-found", "/tickets/999999999", none());
    soft.assertAll();
  }

  @Test
  void aSupervisorsPagesFitBothScreens() {
    browser.signIn(LEAD);
    var soft = new SoftAssertions();
    check(soft, "reports", "/reports", none());
    check(soft, "reports-by-device", "/reports?split=device_model", none());
    check(soft, "reports-invalid-filter", "/reports?from=yesterday", none());
    check(soft, "reports-playbook-versions", "/reports/playbook-versions", none());
    check(soft, "incidents", "/incidents", none());
    check(soft, "step-order", "/step-order", none());
    soft.assertAll();
  }

  @Test
  void anAdministratorsPagesFitBothScreens() {
    browser.signIn(ADMIN);
    var soft = new SoftAssertions();
    check(
        soft,
        "admin-accounts",
        "/admin/accounts",
        (s, size) -> {
          // The opened panel gets the row's whole width, not a squeezed last column.
          browser.js("document.querySelector('#account-" + ADMIN + " details').open = true;");
          Number panel =
              (Number)
                  browser.js(
                      "return document.querySelector('#account-"
                          + ADMIN
                          + " .account-forms').getBoundingClientRect().width;");
          s.assertThat(panel.doubleValue())
              .as("width of the opened Change panel at %s", size)
              .isGreaterThan(size.width() * 0.6);
        });
    check(soft, "admin-audit", "/admin/audit", none());
    check(soft, "admin-tokens", "/account/tokens", none());
    check(
        soft,
        "admin-playbook",
        "/admin/playbook",
        (s, size) -> {
          // The device list and every model's edit form open, so the width check covers them.
          browser.js(
              "document.querySelectorAll('#devices-heading ~ details, .device-edit')"
                  + ".forEach(d => d.open = true);");
          Number forms =
              (Number)
                  browser.js(
                      "return [...document.querySelectorAll('.device-edit-form')]"
                          + ".filter(f => f.getBoundingClientRect().width > 0).length;");
          s.assertThat(forms.intValue())
              .as("visible device edit forms at %s", size)
              .isGreaterThan(40);
        });
    check(soft, "admin-playbook-step", "/admin/playbook/steps/storage", none());
    check(
        soft, "admin-playbook-preview", "/admin/playbook/preview?model=iPhone+12&ios=17.5", none());
    check(soft, "admin-playbook-diff", "/admin/playbook/diff", none());
    soft.assertAll();
  }

  @Test
  void theSignInPageFitsBothScreens() {
    browser.signOut();
    var soft = new SoftAssertions();
    check(soft, "login", "/login", none());
    check(soft, "login-failed", "/login?error=true", none());
    soft.assertAll();
  }

  /** A page-specific check, given the size it runs at. */
  interface PageCheck {
    void check(SoftAssertions soft, Size size);
  }

  private static PageCheck none() {
    return (soft, size) -> {};
  }

  private void check(SoftAssertions soft, String name, String path, PageCheck extra) {
    for (Size size : SIZES) {
      browser.viewport(size.width(), size.height());
      browser.open(path);
      String where = name + " at " + size;
      soft.assertThat(browser.text(By.tagName("main"))).as("content of %s", where).isNotBlank();
      extra.check(soft, size);
      Number scrollWidth = (Number) browser.js("return document.documentElement.scrollWidth;");
      soft.assertThat(scrollWidth.intValue())
          .as("page width of %s (no sideways scrolling)", where)
          .isLessThanOrEqualTo(size.width());
      soft.assertThat(browser.seriousAxeViolations())
          .as("serious or critical axe-core violations on %s", where)
          .isEmpty();
      browser.screenshot(name + "-" + size);
    }
  }

  private void queueKeepsOneLinePerTicket(SoftAssertions soft, Size size) {
    assertThat(browser.driver().findElements(By.cssSelector("table.queue tbody tr"))).isNotEmpty();
    if (!size.laptop()) {
      return;
    }
    @SuppressWarnings("unchecked")
    var tall =
        (List<String>)
            browser.js(
                "const rows = [...document.querySelectorAll('table.queue tbody tr')];"
                    + " return rows.filter(r => {"
                    + "   const cs = getComputedStyle(r.cells[1]);"
                    + "   const oneLine = parseFloat(cs.lineHeight) + parseFloat(cs.paddingTop)"
                    + "     + parseFloat(cs.paddingBottom);"
                    + "   return r.getBoundingClientRect().height > oneLine * 1.5;"
                    + " }).map(r => r.id + ': ' + Math.round(r.getBoundingClientRect().height)"
                    + "   + ' px');");
    soft.assertThat(tall).as("queue rows taller than one line at %s", size).isEmpty();
    soft.assertThat(
            browser.flag(
                "const box = document.querySelector('table.queue').parentElement"
                    + "  .getBoundingClientRect();"
                    + " const last = document.querySelector('table.queue th.col-diagnosis')"
                    + "  .getBoundingClientRect();"
                    + " return last.right <= box.right + 1 && box.right <= innerWidth;"))
        .as("the queue's Diagnosis column is on screen at %s", size)
        .isTrue();
    String subject =
        browser
            .driver()
            .findElement(By.cssSelector("#ticket-" + tickets.longSubject() + " td.clip"))
            .getDomAttribute("title");
    soft.assertThat(subject).as("full subject as a tooltip").startsWith("A very long subject");
  }

  private PageCheck outcomeButtonsOnFirstScreen(String... selectors) {
    return (soft, size) -> {
      if (!size.laptop()) {
        return;
      }
      for (String selector : selectors) {
        @SuppressWarnings("unchecked")
        var offScreen =
            (List<String>)
                browser.js(
                    "return [...document.querySelectorAll(arguments[0])]"
                        + ".filter(b => { const r = b.getBoundingClientRect();"
                        + " return r.width === 0 || r.top < 0 || r.bottom > innerHeight"
                        + " || r.right > innerWidth; })"
                        + ".map(b => b.textContent.trim() + ' at ' "
                        + "+ Math.round(b.getBoundingClientRect().bottom) + ' px');",
                    selector);
        soft.assertThat(
                browser.driver().findElements(By.cssSelector(selector)).size() - offScreen.size())
            .as("%s on the first screen at %s", selector, size)
            .isPositive();
        soft.assertThat(offScreen).as("%s below the fold at %s", selector, size).isEmpty();
      }
    };
  }

  /** The customer of a ticket, for the customer page. */
  private static long customerOf(long ticket) {
    return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .call(
            () ->
                io.quarkus.arc.Arc.container()
                    .instance(io.backupdesk.web.testing.TestTickets.class)
                    .get()
                    .get(ticket)
                    .customer
                    .id);
  }

  private Tickets makeTickets() {
    TestData.agent(AGENT, "agent");
    TestData.agent(LEAD, "supervisor");
    TestData.agent(ADMIN, "admin");
    long longSubject =
        TestData.ticket()
            .subject(
                "A very long subject that an agent typed while the customer kept talking about"
                    + " photos, messages and the backup that has not run since the spring")
            .openedBy(AGENT);
    long atStep4 = walk(TestData.ticket().device("iPhone 12", "17.5").openedBy(AGENT), 3);
    long atStep6 = walk(TestData.ticket().device("iPhone 15 Pro", "18.1").openedBy(AGENT), 5);
    long unknownModel = walk(TestData.ticket().device("Other", "17.2").openedBy(AGENT), 6);
    long verifying = TestData.ticket().openedBy(AGENT);
    var view = diagnoses.start(verifying, AGENT);
    diagnoses.record(
        verifying,
        view.version(),
        OutcomeCommand.fixed("backup-switch", "turn-on-backup", false, AGENT, Instant.now()));
    long paused = walk(TestData.ticket().openedBy(AGENT), 2);
    diagnoses.abandon(paused, latestVersion(paused), "Customer had to go", AGENT);
    long resolved = TestData.ticket().device("iPhone SE (2nd generation)", "16.7").openedBy(AGENT);
    view = diagnoses.start(resolved, AGENT);
    view =
        diagnoses.record(
            resolved,
            view.version(),
            OutcomeCommand.fixed("backup-switch", "turn-on-backup", false, AGENT, Instant.now()));
    diagnoses.verify(resolved, view.version(), "backup-switch", true, AGENT);
    long escalated = walk(TestData.ticket().openedBy(AGENT), 1);
    diagnoses.escalate(
        escalated,
        latestVersion(escalated),
        EscalationTarget.values()[0],
        "Activation lock needs Apple",
        AGENT);
    long notStarted = TestData.ticket().openedBy(AGENT);
    // Enough rows for a full queue page, so that one-line rows are measured on many tickets.
    for (int i = 0; i < 12; i++) {
      TestData.ticket().openedBy(AGENT);
    }
    return new Tickets(
        longSubject,
        atStep4,
        atStep6,
        unknownModel,
        verifying,
        paused,
        resolved,
        escalated,
        notStarted);
  }

  private static final List<String> STEPS =
      List.of(
          "backup-switch",
          "wifi",
          "power",
          "storage",
          "apple-status",
          "account-verification",
          "restart",
          "reset-settings");

  /** Starts a diagnosis and answers "nothing wrong" to the first {@code steps} steps. */
  private long walk(long ticket, int steps) {
    var view = diagnoses.start(ticket, AGENT);
    for (String step : STEPS.subList(0, steps)) {
      view =
          diagnoses.record(
              ticket, view.version(), OutcomeCommand.nothingWrong(step, AGENT, Instant.now()));
    }
    return ticket;
  }

  private int latestVersion(long ticket) {
    return diagnoses.latest(ticket).orElseThrow().version();
  }
}
