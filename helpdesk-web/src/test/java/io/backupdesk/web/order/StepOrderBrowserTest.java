package io.backupdesk.web.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.order.LearnedModel;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.playbook.StepOrder;
import io.backupdesk.web.testing.Browser;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A diagnosis in a learned order, in a real browser, from start to end: suggestions on, the agent
 * starts the diagnosis, the rail lists the steps in the learned order, the step screen says why its
 * step comes now, the agent walks two steps, switches to the article's order for the rest, and
 * walks on until the diagnosis is escalated after the last step.
 */
@QuarkusTest
class StepOrderBrowserTest {
  private static final String AGENT = "order-agent";
  private static Browser browser;

  @TestHTTPResource("/")
  URL app;

  @Inject Playbooks playbooks;

  @AfterEach
  void suggestionsOffAgain() {
    StepOrderFixture.suggestions(false, 0.1);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void anAgentWalksALearnedOrderSeesWhyAndSwitchesToTheArticle() {
    Playbook playbook = playbooks.current();
    LearnedModel model = StepOrderFixture.storeSimulatedModel();
    StepOrder learned = StepOrderFixture.learnedOrder(model);
    StepOrderFixture.suggestions(true, 0);
    TestData.agent(AGENT, "agent");
    long ticket = TestData.ticket().openedBy(AGENT);

    browser = Browser.start(app, true);
    browser.signIn(AGENT);
    browser.open("/tickets/" + ticket + "/diagnosis");
    browser.click(By.cssSelector("form[action$='/diagnosis/start'] button[type=submit]"));

    assertThat(stepTitle()).isEqualTo(title(playbook, learned.keyAt(1)));
    assertThat(railTitles()).isEqualTo(titles(playbook, learned.stepKeys()));
    assertThat(browser.text(By.id("order-policy"))).isEqualTo("Learned order");
    assertThat(browser.text(By.id("order-reason")))
        .matches(
            "Why now: Resolves \\d+% of iPhone 8 on iOS 16 cases that reach it, in about \\d+"
                + " minutes \\(learned order, model v"
                + model.version()
                + "\\)\\.");

    nothingWrong();
    assertThat(stepTitle()).isEqualTo(title(playbook, learned.keyAt(2)));
    nothingWrong();
    assertThat(stepTitle()).isEqualTo(title(playbook, learned.keyAt(3)));

    browser.click(By.id("follow-article-order"));
    assertThat(browser.text(By.id("order-policy"))).isEqualTo("Learned order, then the article's");
    assertThat(browser.driver().findElements(By.id("follow-article-order"))).isEmpty();
    List<String> walked = learned.stepKeys().subList(0, 2);
    List<String> rest =
        StepOrder.article(playbook).stepKeys().stream().filter(k -> !walked.contains(k)).toList();
    assertThat(stepTitle()).isEqualTo(title(playbook, rest.get(0)));
    assertThat(railTitles().subList(2, 9)).isEqualTo(titles(playbook, rest));

    for (int i = 0; i < rest.size(); i++) {
      assertThat(stepTitle()).isEqualTo(title(playbook, rest.get(i)));
      nothingWrong();
    }
    assertThat(browser.text(By.cssSelector(".result"))).contains("Escalated");
    browser.screenshot("step-order-learned-walk");
  }

  private void nothingWrong() {
    browser.click(By.cssSelector("button[value=NOTHING_WRONG]"));
  }

  private String stepTitle() {
    return browser.text(By.id("step-title"));
  }

  private List<String> railTitles() {
    return browser.driver().findElements(By.cssSelector(".steps .step-title")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static String title(Playbook playbook, String key) {
    return playbook.step(key).orElseThrow().numberedTitle();
  }

  private static List<String> titles(Playbook playbook, List<String> keys) {
    return keys.stream().map(k -> playbook.step(k).orElseThrow().title()).toList();
  }
}
