package io.backupdesk.web.diagnosis.api;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.web.diagnosis.AbandonDiagnosis;
import io.backupdesk.web.diagnosis.DiagnosisRequests;
import io.backupdesk.web.diagnosis.RecordOutcome;
import io.backupdesk.web.diagnosis.StartDiagnosis;
import io.backupdesk.web.diagnosis.VerifyBackup;
import io.backupdesk.web.identity.AuditEntry;
import io.backupdesk.web.identity.AuditLog;
import io.backupdesk.web.report.ReportFixture;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second fix at the same step, corrections (who may, the reason, the history, the audit, the
 * reports and the export), and who resumes a paused diagnosis. Work by a colleague is done through
 * the handlers under the colleague's name; the signed-in person acts over HTTP.
 */
@QuarkusTest
class OutcomeCorrectionApiTest {

  @BeforeAll
  static void bodylessPostsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @Inject StartDiagnosis startDiagnosis;
  @Inject RecordOutcome recordOutcome;
  @Inject VerifyBackup verifyBackup;
  @Inject AbandonDiagnosis abandonDiagnosis;
  @Inject AuditLog audit;

  private static String diagnosisOf(long ticket) {
    return "/api/v1/tickets/" + ticket + "/diagnosis";
  }

  private static JsonPath post(long ticket, String path, Map<String, Object> body, int status) {
    return given()
        .contentType(JSON)
        .body(body)
        .when()
        .post(diagnosisOf(ticket) + path)
        .then()
        .statusCode(status)
        .extract()
        .jsonPath();
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    var map = new HashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A colleague walks steps 1 to {@code until} finding nothing wrong. */
  private void colleagueFindsNothingUntil(long ticket, String colleague, String... keys) {
    for (String key : keys) {
      recordOutcome.handle(
          ticket,
          null,
          new DiagnosisRequests.Outcome(
              key, StepOutcome.NOTHING_WRONG, null, null, null, null, null),
          colleague);
    }
  }

  private static String todayQuery() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
  }

  // A supervisor works tickets too, and reads the report afterwards.
  @Test
  @TestSecurity(
      user = "oc-lead",
      roles = {"supervisor", "agent"},
      authMechanism = "api")
  void atStepFourASecondFixIsTriedAndTheOneThatResolvedIsWhatReportsCount() {
    TestData.agent("oc-lead", "supervisor");
    // The report is narrowed to this test's diagnoses by their agent.
    long ticket = TestData.ticket().device("iPhone 8", "16.7").openedBy("oc-lead");
    given().post(diagnosisOf(ticket)).then().statusCode(201);
    for (String key : new String[] {"backup-switch", "wifi", "power"}) {
      post(ticket, "/outcomes", map("stepKey", key, "outcome", "NOTHING_WRONG"), 200);
    }
    post(
        ticket,
        "/outcomes",
        map(
            "stepKey",
            "storage",
            "outcome",
            "FIXED",
            "fixOption",
            "delete-app-data",
            "consent",
            true),
        200);

    // Still failing, but the agent stays: the step offers its other fix.
    var staying =
        post(
            ticket,
            "/verification",
            map("stepKey", "storage", "backupCompleted", false, "ifStillFailing", "STAY_AT_STEP"),
            200);
    assertThat(staying.getString("status")).isEqualTo("IN_PROGRESS");
    assertThat(staying.getString("anotherFix.stepKey")).isEqualTo("storage");
    assertThat(staying.getList("anotherFix.untriedFixOptions.key")).containsExactly("upgrade-plan");
    assertThat(staying.getBoolean("anotherFix.untriedFixOptions[0].requiresConsent")).isTrue();

    // The first fix again is refused; the paid one needs consent.
    assertThat(
            post(
                    ticket,
                    "/another-fix",
                    map("stepKey", "storage", "fixOption", "delete-app-data", "consent", true),
                    422)
                .getString("type"))
        .endsWith("/problems/fix-already-tried");
    assertThat(
            post(
                    ticket,
                    "/another-fix",
                    map("stepKey", "storage", "fixOption", "upgrade-plan"),
                    422)
                .getString("type"))
        .endsWith("/problems/consent-required");

    var second =
        post(
            ticket,
            "/another-fix",
            map("stepKey", "storage", "fixOption", "upgrade-plan", "consent", true),
            200);
    assertThat(second.getString("status")).isEqualTo("AWAITING_VERIFICATION");
    var resolved =
        post(ticket, "/verification", map("stepKey", "storage", "backupCompleted", true), 200);

    assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
    assertThat(resolved.getString("resolution.fixOption")).isEqualTo("upgrade-plan");
    assertThat(resolved.getList("results.stepKey"))
        .containsExactly("backup-switch", "wifi", "power", "storage", "storage");
    assertThat(resolved.getList("results.attempt")).containsExactly(1, 1, 1, 1, 2);
    assertThat(resolved.getList("results.verification"))
        .containsExactly(null, null, null, "STILL_FAILING", "BACKUP_COMPLETED");
    assertThat(resolved.getString("order.policy")).isEqualTo("ARTICLE");

    // What was stored reads back the same (every row persisted, matched by step and attempt).
    given()
        .get(diagnosisOf(ticket))
        .then()
        .statusCode(200)
        .body("results.fixOption", contains(null, null, null, "delete-app-data", "upgrade-plan"));

    ReportFixture.refreshSummaries();
    String csv =
        given()
            .get("/api/v1/reports/resolutions-by-fix?format=csv&" + todayQuery() + "&agent=oc-lead")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv.split("\r\n"))
        .contains(
            "overall,all,4,storage,iCloud storage,upgrade-plan,Upgrade the iCloud plan,1,1.0000")
        .noneMatch(line -> line.contains("delete-app-data"));
  }

  @Test
  @TestSecurity(user = "oc-agent", roles = "agent", authMechanism = "api")
  void movingOnAfterAFailedFixGoesToTheNextStep() {
    TestData.agent("oc-agent");
    long ticket = TestData.ticket().openedBy("oc-agent");
    given().post(diagnosisOf(ticket)).then().statusCode(201);
    for (String key : new String[] {"backup-switch", "wifi", "power"}) {
      post(ticket, "/outcomes", map("stepKey", key, "outcome", "NOTHING_WRONG"), 200);
    }
    post(
        ticket,
        "/outcomes",
        map(
            "stepKey",
            "storage",
            "outcome",
            "FIXED",
            "fixOption",
            "delete-app-data",
            "consent",
            true),
        200);
    post(
        ticket,
        "/verification",
        map("stepKey", "storage", "backupCompleted", false, "ifStillFailing", "STAY_AT_STEP"),
        200);

    var movedOn = post(ticket, "/move-on", map("stepKey", "storage"), 200);

    assertThat(movedOn.getString("currentStep.step.key")).isEqualTo("apple-status");
    assertThat(movedOn.getString("anotherFix")).isNull();
    // Moving on again changes nothing; another fix is no longer possible.
    post(ticket, "/move-on", map("stepKey", "storage"), 200);
    assertThat(
            post(
                    ticket,
                    "/another-fix",
                    map("stepKey", "storage", "fixOption", "upgrade-plan", "consent", true),
                    409)
                .getString("type"))
        .endsWith("/problems/illegal-transition");
    given()
        .get("/api/v1/tickets/" + ticket + "/timeline")
        .then()
        .statusCode(200)
        .body("events.kind", hasItem("BACKUP_STILL_FAILING"))
        .body("events.kind", hasItem("MOVED_ON"));
  }

  @Test
  @TestSecurity(user = "oc-agent", roles = "agent", authMechanism = "api")
  void anAgentCorrectsOwnResultsWhileOpenAndNeitherAColleaguesNorAfterTheEnd() {
    TestData.agent("oc-agent");
    TestData.agent("oc-colleague");
    long ticket = TestData.ticket().openedBy("oc-colleague");
    startDiagnosis.handle(ticket, "oc-colleague");
    colleagueFindsNothingUntil(ticket, "oc-colleague", "backup-switch");

    var notMine =
        post(
            ticket,
            "/corrections",
            map("stepKey", "backup-switch", "outcome", "NOT_APPLICABLE", "reason", "Wrong button"),
            403);
    assertThat(notMine.getString("type")).endsWith("/problems/correction-not-permitted");

    post(ticket, "/outcomes", map("stepKey", "wifi", "outcome", "NOTHING_WRONG"), 200);
    // Without a reason: refused, nothing changes.
    var noReason =
        post(ticket, "/corrections", map("stepKey", "wifi", "outcome", "NOT_APPLICABLE"), 422);
    assertThat(noReason.getString("type")).endsWith("/problems/correction-reason-required");
    var corrected =
        post(
            ticket,
            "/corrections",
            map(
                "stepKey",
                "wifi",
                "outcome",
                "NOT_APPLICABLE",
                "reason",
                "The phone is on cellular"),
            200);

    assertThat(corrected.getString("results[1].outcome")).isEqualTo("NOT_APPLICABLE");
    assertThat(corrected.getInt("results[1].corrections")).isEqualTo(1);
    assertThat(corrected.getList("corrections")).hasSize(1);
    assertThat(corrected.getString("corrections[0].before.outcome")).isEqualTo("NOTHING_WRONG");
    assertThat(corrected.getString("corrections[0].after.outcome")).isEqualTo("NOT_APPLICABLE");
    assertThat(corrected.getString("corrections[0].correctedBy")).isEqualTo("oc-agent");

    // Withdrawn as recorded by mistake: the walk is back at Wi-Fi, the original kept.
    var withdrawn =
        post(
            ticket,
            "/corrections",
            map("stepKey", "wifi", "withdraw", true, "reason", "Asked the wrong question"),
            200);
    assertThat(withdrawn.getString("currentStep.step.key")).isEqualTo("wifi");
    assertThat(withdrawn.getList("results.stepKey")).containsExactly("backup-switch");
    assertThat(withdrawn.getList("corrections")).hasSize(2);
    assertThat(withdrawn.getString("corrections[1].after")).isNull();
    given()
        .get(diagnosisOf(ticket))
        .then()
        .body("results", hasSize(1))
        .body("corrections", hasSize(2));
  }

  @Test
  @TestSecurity(
      user = "oc-lead",
      roles = {"supervisor", "agent"},
      authMechanism = "api")
  void aSupervisorCorrectsAnEndedDiagnosisAndTheTimelineAuditReportAndExportFollow() {
    TestData.agent("oc-lead", "supervisor");
    String walker = TestData.agent("oc-walker-" + TestData.unique());
    long ticket = TestData.ticket().device("iPhone 8", "16.7").openedBy(walker);
    startDiagnosis.handle(ticket, walker);
    colleagueFindsNothingUntil(ticket, walker, "backup-switch");
    recordOutcome.handle(
        ticket,
        null,
        new DiagnosisRequests.Outcome(
            "wifi", StepOutcome.FIXED, "join-network", null, null, null, null),
        walker);
    verifyBackup.handle(
        ticket, null, new DiagnosisRequests.Verification("wifi", true, null), walker);

    // The export before the correction: its cursor is where an incremental pull resumes.
    String cursor =
        given()
            .get("/api/v1/export/step-results?format=ndjson&" + todayQuery())
            .then()
            .statusCode(200)
            .extract()
            .header("Export-Next-Cursor");

    assertThat(
            post(
                    ticket,
                    "/corrections",
                    map("stepKey", "wifi", "outcome", "FIXED", "fixOption", "move-closer"),
                    422)
                .getString("type"))
        .endsWith("/problems/correction-reason-required");
    var corrected =
        post(
            ticket,
            "/corrections",
            map(
                "stepKey",
                "wifi",
                "outcome",
                "FIXED",
                "fixOption",
                "move-closer",
                "reason",
                "The agent clicked the wrong fix; the customer moved closer to the router"),
            200);

    assertThat(corrected.getString("status")).isEqualTo("RESOLVED");
    assertThat(corrected.getString("resolution.fixOption")).isEqualTo("move-closer");
    assertThat(corrected.getString("corrections[0].before.fixOption")).isEqualTo("join-network");

    given()
        .get("/api/v1/tickets/" + ticket + "/timeline")
        .then()
        .statusCode(200)
        .body("events.findAll { it.kind == 'CORRECTED' }.actor", contains("oc-lead"))
        .body(
            "events.findAll { it.kind == 'CORRECTED' }.body",
            contains("The agent clicked the wrong fix; the customer moved closer to the router"));
    assertThat(audit.newest(20, "oc-lead", AuditEntry.Action.RESULT_CORRECTED))
        .anySatisfy(
            entry -> {
              assertThat(entry.target).isEqualTo("ticket " + ticket);
              assertThat(entry.detail).contains("corrected from");
            });

    ReportFixture.refreshSummaries();
    String report =
        given()
            .get(
                "/api/v1/reports/resolutions-by-fix?format=csv&"
                    + todayQuery()
                    + "&agent="
                    + walker)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(report).contains(",move-closer,").doesNotContain("join-network");

    // The incremental pull delivers the corrected row, with the corrected value and its count.
    String pulled =
        given()
            .get("/api/v1/export/step-results?format=ndjson&cursor=" + cursor)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    var wifiRow =
        pulled
            .lines()
            .filter(line -> line.contains("\"step_key\":\"wifi\""))
            .filter(line -> line.contains("\"ticket_id\":" + ticket + ","))
            .findFirst();
    assertThat(wifiRow)
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .contains("\"fix_option\":\"move-closer\"")
                    .contains("\"attempt\":1")
                    .contains("\"corrections\":1"));
    String diagnoses =
        given()
            .get("/api/v1/export/diagnoses?format=ndjson&" + todayQuery())
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(diagnoses.lines().filter(l -> l.contains("\"ticket_id\":" + ticket + ",")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("\"resolved_fix_option\":\"move-closer\"")
                    .contains("\"order_policy\":\"ARTICLE\"")
                    .contains("\"order_propensity\":1"));
  }

  @Test
  @TestSecurity(user = "oc-agent", roles = "agent", authMechanism = "api")
  void thePauseSaysWhoWhenAndWhyAndWhoeverResumesTakesTheTicket() {
    TestData.agent("oc-agent");
    TestData.agent("oc-colleague");
    long ticket = TestData.ticket().openedBy("oc-colleague");
    startDiagnosis.handle(ticket, "oc-colleague");
    abandonDiagnosis.handle(
        ticket,
        null,
        new DiagnosisRequests.Abandonment("Customer had to pick up a child", null),
        "oc-colleague");

    given()
        .get(diagnosisOf(ticket))
        .then()
        .statusCode(200)
        .body("status", equalTo("ABANDONED"))
        .body("pause.by", equalTo("oc-colleague"))
        .body("pause.reason", equalTo("Customer had to pick up a child"));

    given()
        .contentType(JSON)
        .body("{}")
        .post(diagnosisOf(ticket) + "/resumption")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"))
        .body("pause", nullValue());

    given().get("/api/v1/tickets/" + ticket).then().body("assignee", equalTo("oc-agent"));
    var timeline =
        given().get("/api/v1/tickets/" + ticket + "/timeline").then().extract().jsonPath();
    var kinds = timeline.getList("events.kind", String.class);
    int resumed = kinds.lastIndexOf("RESUMED");
    assertThat(kinds.get(resumed + 1)).isEqualTo("ASSIGNED");
    assertThat(timeline.getString("events[" + (resumed + 1) + "].actor")).isEqualTo("oc-agent");
  }
}
