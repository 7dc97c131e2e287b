package io.backupdesk.web.diagnosis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.diagnostics.diagnosis.StepResult;
import io.backupdesk.web.diagnosis.DiagnosisView;
import io.backupdesk.web.testing.Browser;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Enter in every text field of the diagnosis page, in a real browser, and what it recorded: a field
 * never submits an action other than its own. Enter in the skip reason skips (with the reason and
 * the note), in a note or the escalation reason it is a new line, in an empty required field it
 * records nothing, in a correction's fields it saves the correction (never withdraws), and in the
 * pause reason it pauses with that reason.
 */
@QuarkusTest
class EnterKeyBrowserTest {

  private static final String AGENT = "enter-agent";
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
    browser.viewport(1366, 900);
    browser.signIn(AGENT);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  /** As stored now: read in a transaction of its own, never from an earlier read's cache. */
  private DiagnosisView stored(long ticket) {
    return QuarkusTransaction.requiringNew().call(() -> diagnoses.latest(ticket).orElseThrow());
  }

  private List<StepResult> results(long ticket) {
    return stored(ticket).diagnosis().results();
  }

  private WebElement field(String id) {
    return browser.driver().findElement(By.id(id));
  }

  /** Enter in a field that must not submit: the page stays, nothing is recorded. */
  private void enterStaysOnPage(String id, String text) {
    browser.driver().executeScript("window.__samePage = true;");
    field(id).sendKeys(text, Keys.ENTER);
    try {
      Thread.sleep(500); // time for a submission, had there been one, to replace the page
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(browser.flag("return window.__samePage === true;")).as(id).isTrue();
  }

  @Test
  void enterInEachFieldOfTheStepDoesOnlyWhatThatFieldIsFor() {
    long ticket = TestData.ticket().openedBy(AGENT);
    diagnoses.start(ticket, AGENT);
    browser.open("/tickets/" + ticket + "/diagnosis");

    // The note is a textarea: Enter starts a new line and records nothing.
    enterStaysOnPage("note", "Switch looked on");
    assertThat(field("note").getDomProperty("value")).isEqualTo("Switch looked on\n");
    // An empty skip reason: the browser asks for it; nothing is recorded ("nothing wrong" least).
    enterStaysOnPage("skipReason", "");
    assertThat(results(ticket)).isEmpty();

    // With a reason, Enter skips the step with that reason and keeps the note.
    browser.loadingNextPage(() -> field("skipReason").sendKeys("Customer in a hurry", Keys.ENTER));
    assertThat(results(ticket))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.stepKey()).isEqualTo("backup-switch");
              assertThat(r.outcome()).isEqualTo(StepOutcome.SKIPPED);
              assertThat(r.skipReason()).isEqualTo("Customer in a hurry");
              assertThat(r.note()).isEqualTo("Switch looked on");
            });

    // The correction form of that result: Enter in its reason saves the chosen answer.
    browser.driver().findElement(By.cssSelector("#result-backup-switch-1 summary")).click();
    new Select(field("c-outcome-backup-switch-1")).selectByValue("NOT_APPLICABLE");
    browser.loadingNextPage(
        () -> field("c-reason-backup-switch-1").sendKeys("Pressed skip by mistake", Keys.ENTER));
    assertThat(results(ticket))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(StepOutcome.NOT_APPLICABLE);
              assertThat(r.corrections()).isEqualTo(1);
            });

    // Enter in its skip reason saves too, never withdraws (withdraw is not the default).
    browser.driver().findElement(By.cssSelector("#result-backup-switch-1 summary")).click();
    new Select(field("c-outcome-backup-switch-1")).selectByValue("SKIPPED");
    field("c-reason-backup-switch-1").sendKeys("It was a skip after all");
    browser.loadingNextPage(
        () -> field("c-skip-backup-switch-1").sendKeys("Customer in a hurry", Keys.ENTER));
    assertThat(results(ticket))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(StepOutcome.SKIPPED);
              assertThat(r.skipReason()).isEqualTo("Customer in a hurry");
              assertThat(r.corrections()).isEqualTo(2);
            });
    assertThat(stored(ticket).diagnosis().corrections()).hasSize(2);
  }

  @Test
  void enterInTheEscalationReasonIsANewLineAndInThePauseReasonItPauses() {
    long ticket = TestData.ticket().openedBy(AGENT);
    diagnoses.start(ticket, AGENT);
    browser.open("/tickets/" + ticket + "/diagnosis");

    browser.driver().findElement(By.cssSelector("#escalate-action summary")).click();
    enterStaysOnPage("reason", "Account locked");
    assertThat(stored(ticket).diagnosis().status()).isEqualTo(DiagnosisStatus.IN_PROGRESS);
    browser.driver().findElement(By.cssSelector("#escalate-action summary")).click();

    browser.driver().findElement(By.cssSelector("#abandon-action summary")).click();
    browser.loadingNextPage(
        () -> field("abandon-reason").sendKeys("Had to leave for work", Keys.ENTER));
    var paused = stored(ticket);
    assertThat(paused.diagnosis().status()).isEqualTo(DiagnosisStatus.ABANDONED);
    assertThat(paused.pause().reason()).isEqualTo("Had to leave for work");
    assertThat(browser.text(By.cssSelector(".paused-by")))
        .contains("Paused by", "Had to leave for work");
    assertThat(paused.diagnosis().results()).isEmpty();
  }
}
