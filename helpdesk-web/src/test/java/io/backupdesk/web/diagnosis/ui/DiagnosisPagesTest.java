package io.backupdesk.web.diagnosis.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.web.diagnosis.DiagnosisView;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "diag-agent", roles = "agent", authMechanism = "form")
class DiagnosisPagesTest {

  @org.junit.jupiter.api.BeforeAll
  static void formsCarryTheCsrfToken() {
    io.backupdesk.web.testing.CsrfForms.enable();
  }

  private static final String AGENT = "diag-agent";

  @Inject TestDiagnoses diagnoses;

  @BeforeEach
  void account() {
    TestData.agent(AGENT);
  }

  @Test
  void anIphone8CustomerGetsTheHomeButtonRestartAtStep7AndNotTheFaceIdOne() {
    long id = TestData.ticket().device("iPhone 8", "16.7").openedBy(AGENT);
    walkToStep(id, 7);

    page(id)
        .statusCode(200)
        .body(
            allOf(
                containsString("Step 7 · Restart the iPhone"),
                containsString("For iPhone 8 and earlier, SE (Home button)"),
                containsString("keep the same button pressed until the Apple logo shows"),
                not(containsString("together with either volume button")),
                not(containsString("Face ID")),
                not(containsString("is not in the list"))));
  }

  @Test
  void anUnlistedPhoneGetsBothRestartsEachLabelled() {
    long id = TestData.ticket().device("Other", "17.2").openedBy(AGENT);
    walkToStep(id, 7);

    page(id)
        .statusCode(200)
        .body(
            allOf(
                containsString("<h4>For iPhone X and later (Face ID)</h4>"),
                containsString("together with either volume button"),
                containsString("<h4>For iPhone 8 and earlier, SE (Home button)</h4>"),
                containsString("keep the same button pressed"),
                containsString("is not in the list")));
  }

  @Test
  void theProgressShowsEachDoneStepsOutcomeAndHighlightsTheCurrentOne() {
    long id = TestData.ticket().openedBy(AGENT);
    post(id, "start", Map.of()).statusCode(303).header("Location", endsWith("/diagnosis"));
    post(id, "outcome", Map.of("step", "backup-switch", "outcome", "NOTHING_WRONG"))
        .statusCode(303);
    post(id, "outcome", Map.of("step", "wifi", "outcome", "NOT_APPLICABLE", "note", "On 5G"))
        .statusCode(303);
    post(
            id,
            "outcome",
            Map.of("step", "power", "outcome", "SKIPPED", "skipReason", "Customer is outside"))
        .statusCode(303);

    page(id)
        .statusCode(200)
        .body(
            allOf(
                containsString("3 of 9 steps done"),
                containsString("<progress value=\"3\" max=\"9\""),
                containsString("<span class=\"step-title\">iCloud Backup switch</span>"),
                containsString("nothing wrong"),
                containsString("not applicable"),
                containsString("skipped: Customer is outside"),
                containsString("class=\"step step-current\" aria-current=\"step\""),
                containsString("Step 4 · iCloud storage"),
                containsString("Fixed with “Upgrade the iCloud plan”"),
                containsString("Fixed with “Delete an app")));
  }

  @Test
  void aFixThatNeedsConsentIsRefusedWithoutItAndNothingIsRecorded() {
    long id = TestData.ticket().openedBy(AGENT);
    walkToStep(id, 4);

    post(
            id,
            "outcome",
            Map.of(
                "step", "storage", "fix", "delete-app-data", "note", "Photos take 4 GB of iCloud"))
        .statusCode(422)
        .body(
            allOf(
                containsString("role=\"alert\""),
                containsString("Ask for their agreement"),
                containsString("Photos take 4 GB of iCloud</textarea>"),
                containsString("Step 4 · iCloud storage")));
    assertThat(latest(id).diagnosis().results()).hasSize(3);

    post(
            id,
            "outcome",
            Map.of("step", "storage", "fix", "delete-app-data", "consent", "delete-app-data"))
        .statusCode(303);
    assertThat(latest(id).diagnosis().status()).isEqualTo(DiagnosisStatus.AWAITING_VERIFICATION);
    page(id)
        .body(
            allOf(
                containsString("Did Back Up Now complete?"),
                containsString("Back Up Now"),
                containsString("Yes, the backup completed"),
                containsString("No, it still fails")));
  }

  @Test
  void aSkipNeedsAReason() {
    long id = TestData.ticket().openedBy(AGENT);
    walkToStep(id, 1);
    post(id, "outcome", Map.of("step", "backup-switch", "outcome", "SKIPPED"))
        .statusCode(422)
        .body(containsString("role=\"alert\""));
    assertThat(latest(id).diagnosis().results()).isEmpty();
  }

  @Test
  void aDoubleClickRecordsOnceAndShowsTheNextStep() {
    long id = TestData.ticket().openedBy(AGENT);
    walkToStep(id, 1);
    int version = latest(id).version();
    var click =
        Map.<String, Object>of(
            "version", version, "step", "backup-switch", "outcome", "NOTHING_WRONG");
    post(id, "outcome", click).statusCode(303);
    post(id, "outcome", click).statusCode(303);

    assertThat(latest(id).diagnosis().results()).hasSize(1);
    page(id).body(containsString("Step 2 · Wi-Fi connection"));
  }

  @Test
  void aStaleVersionShowsTheCurrentStepWithAClearMessage() {
    long id = TestData.ticket().openedBy(AGENT);
    walkToStep(id, 1);
    int seen = latest(id).version();
    post(
            id,
            "outcome",
            Map.of("version", seen, "step", "backup-switch", "outcome", "NOTHING_WRONG"))
        .statusCode(303);

    post(id, "outcome", Map.of("version", seen, "step", "wifi", "outcome", "NOTHING_WRONG"))
        .statusCode(409)
        .body(
            allOf(
                containsString("changed this ticket and its diagnosis at"),
                containsString("Your change was not saved"),
                not(containsString("you had version")),
                containsString("Step 2 · Wi-Fi")));
    assertThat(latest(id).diagnosis().results()).hasSize(1);
  }

  @Test
  void anOverlongNoteIsRefusedWithAMessageAndNothingIsRecorded() {
    long id = TestData.ticket().openedBy(AGENT);
    walkToStep(id, 1);
    post(
            id,
            "outcome",
            Map.of("step", "backup-switch", "outcome", "NOTHING_WRONG", "note", "x".repeat(4001)))
        .statusCode(400)
        .body(allOf(containsString("under 4,000 characters"), containsString("Step 1")));
    assertThat(latest(id).diagnosis().results()).isEmpty();
  }

  @Test
  void aConfirmedFixEndsTheDiagnosisWithItsResult() {
    long id = TestData.ticket().openedBy(AGENT);
    walkToStep(id, 4);
    post(id, "outcome", Map.of("step", "storage", "fix", "upgrade-plan"))
        .statusCode(422)
        .body(containsString("adds a charge to the customer&#39;s bill"));
    post(id, "outcome", Map.of("step", "storage", "fix", "upgrade-plan", "consent", "upgrade-plan"))
        .statusCode(303);
    post(id, "verify", Map.of("step", "storage", "completed", "yes")).statusCode(303);
    post(id, "verify", Map.of("step", "storage", "completed", "yes")).statusCode(303);

    page(id)
        .body(
            allOf(
                containsString(
                    "Resolved by Step 4 · iCloud storage with the fix “Upgrade the iCloud plan”"),
                containsString("4 of 9 steps done"),
                containsString("fixed (Upgrade the iCloud plan), backup completed"),
                containsString("Back to ticket #" + id),
                not(containsString("Escalate</button>"))));
  }

  @Test
  void anOutageAtStep5EndsAsWaitingOnApple() {
    long id = TestData.ticket().openedBy(AGENT);
    walkToStep(id, 5);
    page(id).body(containsString("Apple reports an outage"));
    post(id, "outcome", Map.of("step", "apple-status", "outcome", "OUTAGE")).statusCode(303);
    page(id).body(containsString("Waiting on Apple: Apple reports an iCloud Backup outage"));
  }

  @Test
  void escalatingNeedsAReasonAndThenShowsIt() {
    long id = TestData.ticket().openedBy(AGENT);
    walkToStep(id, 2);
    post(id, "escalate", Map.of("target", "APPLE_SUPPORT", "reason", " "))
        .statusCode(422)
        .body(containsString("role=\"alert\""));
    post(id, "escalate", Map.of("target", "APPLE_SUPPORT", "reason", "Activation lock"))
        .statusCode(303);
    page(id).body(containsString("Escalated to Apple Support. Reason: Activation lock"));
  }

  @Test
  void theCustomerLeavingPausesAndResumeCarriesOnEvenWhenClickedTwice() {
    long id = TestData.ticket().openedBy(AGENT);
    walkToStep(id, 3);
    int version = latest(id).version();
    post(id, "abandon", Map.of("version", version, "reason", "Call dropped")).statusCode(303);
    post(id, "abandon", Map.of("version", version, "reason", "Call dropped")).statusCode(303);
    page(id).body(allOf(containsString("Paused: the customer left"), containsString("Resume")));

    version = latest(id).version();
    post(id, "resume", Map.of("version", version)).statusCode(303);
    post(id, "resume", Map.of("version", version)).statusCode(303);
    page(id).body(containsString("Step 3 · Power"));
  }

  @Test
  void aFailedFixIsShownAsNotFixedAndTheStepOffersItsOtherFixOrMovingOn() {
    long id = TestData.ticket().openedBy(AGENT);
    walkToStep(id, 4);
    post(
            id,
            "outcome",
            Map.of("step", "storage", "fix", "delete-app-data", "consent", "delete-app-data"))
        .statusCode(303);
    page(id).body(containsString("No, it still fails: try another fix here"));
    post(id, "verify", Map.of("step", "storage", "completed", "no-try-another")).statusCode(303);

    page(id)
        .statusCode(200)
        .body(
            allOf(
                containsString("the test backup still fails. Try another fix of this step"),
                containsString("value=\"upgrade-plan\""),
                not(containsString("name=\"fix\" value=\"delete-app-data\"")),
                containsString("No other fix: move on"),
                // The rail: red, a cross, and words that say it did not work.
                containsString("step step-still-failing"),
                containsString("not fixed: "),
                not(containsString("fixed (Delete"))));

    // The paid fix needs consent here too; with it, it waits for its own test backup.
    post(id, "another-fix", Map.of("step", "storage", "fix", "upgrade-plan"))
        .statusCode(422)
        .body(containsString("agree"));
    post(
            id,
            "another-fix",
            Map.of("step", "storage", "fix", "upgrade-plan", "consent", "upgrade-plan"))
        .statusCode(303);
    post(id, "verify", Map.of("step", "storage", "completed", "yes")).statusCode(303);
    var resolved = latest(id).diagnosis();
    assertThat(resolved.status()).isEqualTo(DiagnosisStatus.RESOLVED);
    assertThat(resolved.attempts("storage")).hasSize(2);
    assertThat(resolved.resolution().orElseThrow().fixOptionKey()).isEqualTo("upgrade-plan");
  }

  @Test
  void aCorrectionWithoutAReasonShowsTheFormAgainWithTheMessage() {
    long id = TestData.ticket().openedBy(AGENT);
    walkToStep(id, 1);
    post(id, "outcome", Map.of("step", "backup-switch", "outcome", "NOTHING_WRONG"))
        .statusCode(303);
    page(id).body(containsString("Correct this result"));

    post(
            id,
            "corrections",
            Map.of(
                "step",
                "backup-switch",
                "attempt",
                "1",
                "action",
                "save",
                "outcome",
                "NOT_APPLICABLE"))
        .statusCode(422)
        .body(
            allOf(
                containsString("reason"),
                containsString("<details class=\"correct-result\" open>")));
    post(
            id,
            "corrections",
            Map.of(
                "step",
                "backup-switch",
                "attempt",
                "1",
                "action",
                "withdraw",
                "reason",
                "Clicked before asking"))
        .statusCode(303);
    assertThat(latest(id).diagnosis().results()).isEmpty();
    assertThat(latest(id).diagnosis().corrections()).hasSize(1);
  }

  @Test
  void thePausedScreenSaysWhoPausedWhenAndWhy() {
    TestData.agent("diag-colleague");
    long id = TestData.ticket().openedBy("diag-colleague");
    diagnoses.start(id, "diag-colleague");
    diagnoses.abandon(id, null, "Battery died", "diag-colleague");

    page(id)
        .statusCode(200)
        .body(
            allOf(
                containsString("Paused by <strong>"),
                containsString("Reason: “Battery died”"),
                containsString("the ticket becomes yours")));
  }

  private void walkToStep(long id, int step) {
    DiagnosisView view = diagnoses.start(id, AGENT);
    String[] keys = {
      "backup-switch", "wifi", "power", "storage", "apple-status", "account-verification"
    };
    for (int i = 0; i < step - 1; i++) {
      view =
          diagnoses.record(
              id, view.version(), OutcomeCommand.nothingWrong(keys[i], AGENT, Instant.now()));
    }
  }

  private DiagnosisView latest(long id) {
    // A transaction of its own, so the test's request-scoped session cannot serve a stale row.
    return QuarkusTransaction.requiringNew().call(() -> diagnoses.latest(id).orElseThrow());
  }

  private static ValidatableResponse page(long id) {
    return given().get("/tickets/{id}/diagnosis", id).then();
  }

  private ValidatableResponse post(long id, String action, Map<String, ?> form) {
    var request = given().redirects().follow(false);
    if (!form.containsKey("version") && !action.equals("start")) {
      request.formParam("version", latest(id).version());
    }
    form.forEach(request::formParam);
    return request.post("/tickets/{id}/diagnosis/" + action, id).then();
  }
}
