package io.backupdesk.web.diagnosis.api;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "api-agent", roles = "agent", authMechanism = "api")
class DiagnosisApiTest {

  /**
   * REST Assured sends a POST without a body (starting a diagnosis) as a form, which the CSRF check
   * then wants a token for; the filter adds it whichever test class runs first.
   */
  @org.junit.jupiter.api.BeforeAll
  static void bodylessPostsCarryTheCsrfToken() {
    io.backupdesk.web.testing.CsrfForms.enable();
  }

  private static final String ISO_INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

  long ticket;
  String diagnosis;

  @BeforeEach
  void openTicket() {
    TestData.agent("api-agent");
    ticket = TestData.ticket().openedBy("api-agent");
    diagnosis = "/api/v1/tickets/" + ticket + "/diagnosis";
  }

  private int start() {
    return given().when().post(diagnosis).then().statusCode(201).extract().path("version");
  }

  private int record(String stepKey, String outcome) {
    return given()
        .contentType(JSON)
        .body(Map.of("stepKey", stepKey, "outcome", outcome))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(200)
        .extract()
        .path("version");
  }

  private void nothingWrongAt(String... stepKeys) {
    for (String key : stepKeys) {
      record(key, "NOTHING_WRONG");
    }
  }

  private void ticketIs(String status) {
    given()
        .when()
        .get("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200)
        .body("status", equalTo(status));
  }

  @Test
  void startingPutsTheFirstStepWithDeviceInstructionsInFront() {
    given()
        .when()
        .post(diagnosis)
        .then()
        .statusCode(201)
        .header("Location", endsWith(diagnosis))
        .header("ETag", matchesPattern("\"\\d+\""))
        .body("ticketId", equalTo((int) ticket))
        .body("attempt", equalTo(1))
        .body("status", equalTo("IN_PROGRESS"))
        .body("playbookVersion", equalTo(1))
        .body("device.model", equalTo("iPhone 8"))
        .body("device.variants.key", contains("HOME_BUTTON"))
        .body("startedBy", equalTo("api-agent"))
        .body("startedAt", matchesPattern(ISO_INSTANT))
        .body("endedAt", nullValue())
        .body("currentStep.startedAt", matchesPattern(ISO_INSTANT))
        .body("currentStep.step.key", equalTo("backup-switch"))
        .body("currentStep.step.number", equalTo(1))
        .body("currentStep.step.instructions[0].lines.size()", greaterThanOrEqualTo(1))
        .body("currentStep.step.fixOptions.key", contains("turn-on-backup"))
        .body("progress.done", equalTo(0))
        .body("progress.total", equalTo(9))
        .body("progress.steps", hasSize(9))
        .body("progress.steps[0].current", equalTo(true))
        .body("progress.steps.outcome", everyItem(nullValue()))
        .body("results", hasSize(0))
        .body("pendingVerification", nullValue())
        .body("resolution", nullValue())
        .body("escalation", nullValue());

    given()
        .when()
        .get(diagnosis)
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"))
        .body("currentStep.step.title", equalTo("iCloud Backup switch"));
    given()
        .when()
        .get("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_DIAGNOSIS"))
        .body("assignee", equalTo("api-agent"));
  }

  @Test
  void readingADiagnosisNeverStartedIsA404() {
    given()
        .when()
        .get(diagnosis)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("A diagnosis of ticket " + ticket + " does not exist."));
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "wifi", "outcome", "NOTHING_WRONG"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(404)
        .body("detail", equalTo("A diagnosis of ticket " + ticket + " does not exist."));
  }

  @Test
  void anUnknownTicketIsA404Everywhere() {
    var missing = "/api/v1/tickets/999999998/diagnosis";
    given()
        .when()
        .get(missing)
        .then()
        .statusCode(404)
        .body("detail", equalTo("Ticket 999999998 does not exist."));
    given()
        .when()
        .post(missing)
        .then()
        .statusCode(404)
        .body("detail", equalTo("Ticket 999999998 does not exist."));
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "wifi", "backupCompleted", true))
        .when()
        .post(missing + "/verification")
        .then()
        .statusCode(404)
        .body("detail", equalTo("Ticket 999999998 does not exist."));
  }

  @Test
  void startingTwiceIsA409ThatShowsTheOpenDiagnosis() {
    start();
    given()
        .when()
        .post(diagnosis)
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/diagnosis-open"))
        .body("detail", containsString("already has a diagnosis that has not ended"))
        .body("currentState.status", equalTo("IN_PROGRESS"))
        .body("currentState.currentStep.step.key", equalTo("backup-switch"));
  }

  @Test
  void aConfirmedUpgradeAtStep4ResolvesTheTicket() {
    start();
    nothingWrongAt("backup-switch", "wifi", "power");
    given()
        .contentType(JSON)
        .body(
            Map.of(
                "stepKey", "storage",
                "outcome", "FIXED",
                "fixOption", "upgrade-plan",
                "consent", true,
                "note", "Customer chose 50 GB"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(200)
        .body("status", equalTo("AWAITING_VERIFICATION"))
        .body("currentStep.step.key", equalTo("storage"))
        .body("pendingVerification.stepKey", equalTo("storage"))
        .body("pendingVerification.fixOption", equalTo("upgrade-plan"))
        .body("pendingVerification.prompt", containsString("Back Up Now"))
        .body("progress.steps[3].verification", equalTo("PENDING"));

    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "storage", "backupCompleted", true))
        .when()
        .post(diagnosis + "/verification")
        .then()
        .statusCode(200)
        .body("status", equalTo("RESOLVED"))
        .body("currentStep", nullValue())
        .body("pendingVerification", nullValue())
        .body("endedAt", matchesPattern(ISO_INSTANT))
        .body("resolution.stepNumber", equalTo(4))
        .body("resolution.stepKey", equalTo("storage"))
        .body("resolution.fixOption", equalTo("upgrade-plan"))
        .body("progress.done", equalTo(4))
        .body("progress.steps[3].outcome", equalTo("FIXED"))
        .body("progress.steps[3].fixOption", equalTo("upgrade-plan"))
        .body("progress.steps[3].verification", equalTo("BACKUP_COMPLETED"))
        .body("progress.steps[4].outcome", nullValue())
        .body("results", hasSize(4))
        .body("results[3].note", equalTo("Customer chose 50 GB"))
        .body("results[3].recordedBy", equalTo("api-agent"))
        .body("results[3].verifiedBy", equalTo("api-agent"))
        .body("results[3].startedAt", matchesPattern(ISO_INSTANT))
        .body("results[3].endedAt", matchesPattern(ISO_INSTANT))
        .body("results[3].verifiedAt", matchesPattern(ISO_INSTANT))
        .body("results[3].timeSpentSeconds", greaterThanOrEqualTo(0));
    ticketIs("RESOLVED");
  }

  @Test
  void aStillFailingBackupMovesOnToTheNextStep() {
    start();
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "backup-switch", "outcome", "FIXED", "fixOption", "turn-on-backup"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(200);
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "backup-switch", "backupCompleted", false))
        .when()
        .post(diagnosis + "/verification")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"))
        .body("currentStep.step.key", equalTo("wifi"))
        .body("results[0].verification", equalTo("STILL_FAILING"));
    ticketIs("IN_DIAGNOSIS");
  }

  @Test
  void anOutageAtStep5LeavesTheTicketWaitingOnApple() {
    start();
    nothingWrongAt("backup-switch", "wifi", "power", "storage");
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "apple-status", "outcome", "OUTAGE"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(200)
        .body("status", equalTo("WAITING_ON_APPLE"))
        .body("currentStep", nullValue())
        .body("progress.steps[4].outcome", equalTo("OUTAGE"))
        .body("resolution", nullValue());
    ticketIs("WAITING_ON_APPLE");
  }

  @Test
  void anOutageAnywhereElseIsRefused() {
    start();
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "backup-switch", "outcome", "OUTAGE"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/outcome-not-allowed"))
        .body("detail", containsString("does not check Apple's service"));
  }

  @Test
  void escalatingEndsTheDiagnosisAndTheTicketIsEscalated() {
    start();
    nothingWrongAt("backup-switch");
    given()
        .contentType(JSON)
        .body(Map.of("target", "APPLE_SUPPORT", "reason", "Account locked by Apple"))
        .when()
        .post(diagnosis + "/escalation")
        .then()
        .statusCode(200)
        .body("status", equalTo("ESCALATED"))
        .body("escalation.target", equalTo("APPLE_SUPPORT"))
        .body("escalation.reason", equalTo("Account locked by Apple"))
        .body("escalation.automatic", equalTo(false))
        .body("currentStep", nullValue());
    ticketIs("ESCALATED");

    given()
        .contentType(JSON)
        .body(Map.of("target", "TIER_2"))
        .when()
        .post(diagnosis + "/escalation")
        .then()
        .statusCode(400)
        .body("errors.field", contains("reason"))
        .body("detail", equalTo("reason: Say why the diagnosis is escalated"));
    given()
        .contentType(JSON)
        .body(Map.of("target", "TIER_2", "reason", "Another try"))
        .when()
        .post(diagnosis + "/escalation")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/illegal-transition"))
        .body("detail", containsString("has already ended"));
  }

  @Test
  void abandonAndResumeReturnToTheSameStep() {
    start();
    nothingWrongAt("backup-switch", "wifi");
    given()
        .contentType(JSON)
        .body(Map.of("reason", "Customer had to leave"))
        .when()
        .post(diagnosis + "/abandonment")
        .then()
        .statusCode(200)
        .body("status", equalTo("ABANDONED"))
        .body("currentStep.step.key", equalTo("power"));
    ticketIs("WAITING_ON_CUSTOMER");

    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "power", "outcome", "NOTHING_WRONG"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(409)
        .body("detail", containsString("paused because the customer left"));

    given()
        .contentType(JSON)
        .when()
        .post(diagnosis + "/resumption")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"))
        .body("currentStep.step.key", equalTo("power"))
        .body("progress.done", equalTo(2));
    ticketIs("IN_DIAGNOSIS");

    given()
        .contentType(JSON)
        .body("{}")
        .when()
        .post(diagnosis + "/resumption")
        .then()
        .statusCode(409)
        .body("detail", containsString("Only a paused (abandoned) diagnosis can be resumed"));
    given()
        .when()
        .get("/api/v1/tickets/" + ticket + "/timeline")
        .then()
        .statusCode(200)
        .body(
            "events.kind",
            contains(
                "CREATED",
                "DIAGNOSIS_STARTED",
                "ASSIGNED",
                "STEP_RECORDED",
                "STEP_RECORDED",
                "ABANDONED",
                "RESUMED"));
  }

  @Test
  void theSameOutcomeSentTwiceIsRecordedOnce() {
    int version = start();
    var body = Map.of("stepKey", "backup-switch", "outcome", "NOTHING_WRONG", "version", version);
    int after =
        given()
            .contentType(JSON)
            .body(body)
            .when()
            .post(diagnosis + "/outcomes")
            .then()
            .statusCode(200)
            .extract()
            .path("version");

    given()
        .contentType(JSON)
        .body(body)
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"" + after + "\""))
        .body("version", equalTo(after))
        .body("results", hasSize(1))
        .body("currentStep.step.key", equalTo("wifi"));

    given()
        .when()
        .get("/api/v1/tickets/" + ticket + "/timeline")
        .then()
        .statusCode(200)
        .body("events.findAll { it.kind == 'STEP_RECORDED' }", hasSize(1));
  }

  @Test
  void aStaleVersionIsA409WithTheCurrentDiagnosis() {
    int version = start();
    int current = record("backup-switch", "NOTHING_WRONG");

    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "wifi", "outcome", "NOTHING_WRONG", "version", version))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/stale-version"))
        .body("currentState.version", equalTo(current))
        .body("currentState.currentStep.step.key", equalTo("wifi"))
        .body("currentState.results", hasSize(1));

    given()
        .contentType(JSON)
        .header("If-Match", "\"" + version + "\"")
        .body(Map.of("stepKey", "wifi", "outcome", "NOTHING_WRONG"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(409)
        .body("currentState.version", equalTo(current));

    given()
        .contentType(JSON)
        .header("If-Match", "\"" + current + "\"")
        .body(Map.of("stepKey", "wifi", "outcome", "NOTHING_WRONG"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(200)
        .body("currentStep.step.key", equalTo("power"));
  }

  @Test
  void verifyingWithNothingToVerifyIsAnIllegalTransition() {
    start();
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "backup-switch", "backupCompleted", true))
        .when()
        .post(diagnosis + "/verification")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/illegal-transition"))
        .body("title", equalTo("Not allowed now"))
        .body("detail", containsString("There is no fix to verify"))
        .body("currentState.status", equalTo("IN_PROGRESS"));
  }

  @Test
  void anUnknownStepIsA422ListingTheKnownOnes() {
    start();
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "teleport", "outcome", "NOTHING_WRONG"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/unknown-step"))
        .body("detail", containsString("has no step 'teleport'. Use one of: backup-switch, wifi"))
        .body("currentState.status", equalTo("IN_PROGRESS"));
  }

  @Test
  void aStepOutOfOrderIsA422() {
    start();
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "restart", "outcome", "NOTHING_WRONG"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/step-out-of-order"))
        .body("detail", containsString("is not due yet"));
  }

  @Test
  void anUnknownFixOptionIsA422ListingTheOffers() {
    start();
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "backup-switch", "outcome", "FIXED", "fixOption", "magic"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/unknown-fix-option"))
        .body("detail", containsString("offers no fix 'magic'. Choose one of: turn-on-backup."));
  }

  @Test
  void aFixThatDeletesDataNeedsConsent() {
    start();
    nothingWrongAt("backup-switch", "wifi", "power");
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "storage", "outcome", "FIXED", "fixOption", "delete-app-data"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/consent-required"))
        .body("title", equalTo("Rule of the playbook broken"))
        .body("detail", containsString("Ask for their agreement"));

    given()
        .contentType(JSON)
        .body(
            Map.of(
                "stepKey",
                "storage",
                "outcome",
                "FIXED",
                "fixOption",
                "delete-app-data",
                "consent",
                true))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(200)
        .body("results[3].consentGiven", equalTo(true))
        .body("status", equalTo("AWAITING_VERIFICATION"));
  }

  @Test
  void aSkipNeedsAReason() {
    start();
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "backup-switch", "outcome", "SKIPPED"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/skip-reason-required"))
        .body("detail", containsString("A skip needs a reason"));

    given()
        .contentType(JSON)
        .body(
            Map.of(
                "stepKey", "backup-switch", "outcome", "SKIPPED", "skipReason", "Phone is locked"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(200)
        .body("results[0].skipReason", equalTo("Phone is locked"))
        .body("currentStep.step.key", equalTo("wifi"));
  }

  @Test
  void fieldsThatDoNotGoWithTheOutcomeAreA400() {
    start();
    given()
        .contentType(JSON)
        .body(
            Map.of("stepKey", "backup-switch", "outcome", "NOTHING_WRONG", "fixOption", "restart"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("fixOption"))
        .body(
            "detail", equalTo("A fix option only goes with the outcome FIXED, not NOTHING_WRONG."));
  }

  @Test
  void aMissingOutcomeIsA400NamingTheField() {
    start();
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "backup-switch"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("outcome"))
        .body("detail", equalTo("outcome: Say what the step found"));
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "backup-switch"))
        .when()
        .post(diagnosis + "/verification")
        .then()
        .statusCode(400)
        .body("errors.field", contains("backupCompleted"));
  }

  @Test
  void anUnknownOutcomeIsA400() {
    start();
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "backup-switch", "outcome", "BROKEN"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed-json"))
        .body("detail", containsString("'BROKEN' is not one of [NOTHING_WRONG, FIXED"))
        .body("detail", containsString("for outcome."));
  }

  @Test
  void malformedJsonAndTheWrongMediaTypeAreRefused() {
    start();
    given()
        .contentType(JSON)
        .body("{\"stepKey\": \"backup-switch\", \"outcome\": ")
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed-json"))
        .body("detail", containsString("not valid JSON"));
    given()
        .contentType(JSON)
        .body("[1, 2]")
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType("application/xml")
        .body("<outcome/>")
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("detail", equalTo("Send the body as application/json."));
  }

  @Test
  void theRestartStepShowsOnlyTheHomeButtonWayForAnIphone8() {
    start();
    nothingWrongAt(
        "backup-switch", "wifi", "power", "storage", "apple-status", "account-verification");
    given()
        .when()
        .get(diagnosis)
        .then()
        .statusCode(200)
        .body("currentStep.step.key", equalTo("restart"))
        .body("currentStep.step.instructions", hasSize(1))
        .body("currentStep.step.instructions[0].heading", containsString("Home button"));
  }

  @Test
  void theQueueShowsHowFarTheDiagnosisGot() {
    start();
    nothingWrongAt("backup-switch", "wifi");
    given()
        .when()
        .get("/api/v1/tickets?q=" + ticket)
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].progress.diagnosisStatus", equalTo("IN_PROGRESS"))
        .body("items[0].progress.stepsDone", equalTo(2))
        .body("items[0].progress.currentStep", equalTo(3))
        .body("items[0].progress.total", equalTo(9));
  }

  @Test
  void nineStepsWithNothingFoundEscalateByThemselves() {
    start();
    nothingWrongAt(
        "backup-switch",
        "wifi",
        "power",
        "storage",
        "apple-status",
        "account-verification",
        "restart",
        "reset-settings");
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "ios-update", "outcome", "NOT_APPLICABLE"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(200)
        .body("status", equalTo("ESCALATED"))
        .body("escalation.target", equalTo("TIER_2"))
        .body("escalation.automatic", equalTo(true))
        .body("progress.done", equalTo(9))
        .body("progress.percent", equalTo(100));
    ticketIs("ESCALATED");
  }

  @Test
  void aClosedTicketCannotStartADiagnosis() {
    given()
        .contentType(JSON)
        .body(Map.of("status", "CLOSED"))
        .when()
        .patch("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200);
    given()
        .when()
        .post(diagnosis)
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/ticket-closed"))
        .body("detail", containsString("reopen it before starting a diagnosis"));
  }

  @Test
  void anEndedDiagnosisCanBeFollowedByASecondAttempt() {
    start();
    given()
        .contentType(JSON)
        .body(Map.of("target", "TIER_2", "reason", "Needs a specialist"))
        .when()
        .post(diagnosis + "/escalation")
        .then()
        .statusCode(200);
    given()
        .when()
        .post(diagnosis)
        .then()
        .statusCode(201)
        .body("attempt", equalTo(2))
        .body("status", equalTo("IN_PROGRESS"));
    ticketIs("IN_DIAGNOSIS");
  }
}
