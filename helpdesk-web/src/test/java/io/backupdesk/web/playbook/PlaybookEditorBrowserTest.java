package io.backupdesk.web.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.web.testing.Browser;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Apple moved "Reset" again: an admin corrects step 8's menu path in the editor, previews it for an
 * iPhone 15 on iOS 17, publishes the next version; a new diagnosis shows the new text while one
 * already running keeps its version's, and the version comparison shows both versions.
 */
@QuarkusTest
@TestProfile(PlaybookEditing.class)
class PlaybookEditorBrowserTest {

  private static final String ADMIN = "playbook-admin";
  private static final String AGENT = "playbook-agent";
  private static final String NEW_PATH =
      "Open Settings > General > Transfer or Reset iPhone, at the very bottom of the list.";

  @TestHTTPResource("/")
  URL app;

  @Inject TestDiagnoses diagnoses;
  @Inject PlaybookVersions versions;
  @Inject PlaybookEditor editor;

  @Test
  void anAdminFixesStep8sMenuPathAndOnlyNewDiagnosesSeeIt() {
    TestData.agent(ADMIN, "admin");
    TestData.agent(AGENT, "agent");
    // Whatever another test left in the draft is not this admin's change.
    editor.discard(editor.draft().revision(), ADMIN);
    int before = versions.latest().version();
    String oldPath =
        versions
            .latest()
            .step("reset-settings")
            .orElseThrow()
            .instructions()
            .cases()
            .get(0)
            .lines()
            .get(0);

    // A diagnosis already at step 8 before the change.
    long running = TestData.ticket().device("iPhone 15", "17.4").openedBy(AGENT);
    walkToStep8(running);

    try (Browser browser = Browser.start(app, true)) {
      browser.signIn(ADMIN);
      browser.open("/admin/playbook");
      browser.click(By.linkText("Reset all settings"));
      assertThat(browser.text(By.tagName("h2"))).contains("reset-settings");
      WebElement lines = browser.driver().findElement(By.id("ins-0-lines"));
      assertThat(lines.getAttribute("value")).startsWith(oldPath);
      String edited = lines.getAttribute("value").replace(oldPath, NEW_PATH);
      lines.clear();
      lines.sendKeys(edited);
      browser.click(By.id("save-step"));
      assertThat(browser.text(By.tagName("main"))).contains("Saved.");
      browser.screenshot("playbook-step-8-edited");

      // Preview for an iPhone 15 on iOS 17.
      browser.open("/admin/playbook");
      new Select(browser.driver().findElement(By.id("preview-model")))
          .selectByVisibleText("iPhone 15");
      browser.type("preview-ios", "17");
      browser.click(By.cssSelector("form[action='/admin/playbook/preview'] button"));
      String preview = browser.text(By.id("preview-reset-settings"));
      assertThat(preview).contains(NEW_PATH).doesNotContain("Open Settings > General > Reset.");
      browser.screenshot("playbook-preview-iphone-15");

      // Publish.
      browser.open("/admin/playbook");
      browser.click(By.id("publish"));
      assertThat(browser.text(By.tagName("main"))).contains("Published as v" + (before + 1));
      browser.screenshot("playbook-published");

      // The diff between the versions names the change.
      browser.open("/admin/playbook/diff?from=" + before + "&to=" + (before + 1));
      assertThat(browser.text(By.id("diff-reset-settings"))).contains(oldPath, NEW_PATH);

      // A new diagnosis starts on the new version; the running one keeps its own.
      // (Through the pages: each request sees the versions as published at its start.)
      long fresh = TestData.ticket().device("iPhone 15", "17.4").openedBy(AGENT);
      browser.signIn(AGENT);
      browser.open("/tickets/" + fresh);
      browser.click(By.xpath("//button[normalize-space()='Start diagnosis']"));
      for (int step = 1; step <= 7; step++) {
        browser.click(By.cssSelector("button[name='outcome'][value='NOTHING_WRONG']"));
      }
      assertThat(browser.text(By.cssSelector(".step-card")))
          .contains("Step 8 · Reset all settings", NEW_PATH)
          .doesNotContain(oldPath);
      assertThat(browser.text(By.cssSelector(".customer-message")))
          .contains("Tell the customer", "Transfer or Reset iPhone");
      browser.open("/tickets/" + running + "/diagnosis");
      assertThat(browser.text(By.cssSelector(".step-card")))
          .contains("Step 8 · Reset all settings", oldPath)
          .doesNotContain(NEW_PATH);
      browser.screenshot("playbook-running-diagnosis-keeps-its-version");

      // The comparison report shows both versions side by side.
      browser.signIn(ADMIN);
      browser.open("/reports/playbook-versions?a=" + before + "&b=" + (before + 1));
      String totals = browser.text(By.cssSelector(".comparison-totals"));
      assertThat(totals).contains("v" + before, "v" + (before + 1));
      assertThat(browser.text(By.cssSelector(".comparison-funnel")))
          .contains("Reset all settings", "v" + before, "v" + (before + 1));
      browser.screenshot("playbook-version-comparison");
    }
  }

  private void walkToStep8(long ticket) {
    var view = diagnoses.start(ticket, AGENT);
    for (String step :
        List.of(
            "backup-switch",
            "wifi",
            "power",
            "storage",
            "apple-status",
            "account-verification",
            "restart")) {
      view =
          diagnoses.record(
              ticket, view.version(), OutcomeCommand.nothingWrong(step, AGENT, Instant.now()));
    }
  }
}
