package io.backupdesk.web.order;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.backupdesk.diagnostics.order.LearnedModel;
import io.backupdesk.diagnostics.playbook.StepOrder;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The step order through the API: who may change the settings (admins; every change audited, a
 * stale or out-of-range change refused), training on demand storing a new version, and a diagnosis
 * started with suggestions on recording its policy, model version and propensity, kept across a
 * reload, with the agent's switch to the article's order recorded beside it.
 */
@QuarkusTest
class StepOrderApiTest {

  @BeforeAll
  static void bodylessPostsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @AfterEach
  void suggestionsOffAgain() {
    StepOrderFixture.suggestions(false, 0.1);
  }

  private static Map<String, Object> settingsBody(int version, boolean on, double explore) {
    var body = new HashMap<String, Object>();
    body.put("suggestionsOn", on);
    body.put("exploreShare", explore);
    body.put("lowRiskPrice", 0);
    body.put("mediumRiskPrice", 1);
    body.put("highRiskPrice", 4);
    body.put("paidFixPrice", 10);
    body.put("escalationMinutes", 12);
    body.put("version", version);
    return body;
  }

  private static int settingsVersion() {
    return given()
        .when()
        .get("/api/v1/step-order")
        .then()
        .statusCode(200)
        .extract()
        .path("settings.version");
  }

  @Test
  @TestSecurity(user = "so-lead", roles = "supervisor", authMechanism = "api")
  void aSupervisorReadsTheSettingsButCannotChangeThem() {
    given()
        .when()
        .get("/api/v1/step-order")
        .then()
        .statusCode(200)
        .body("settings.exploreShare", equalTo(0.1f))
        .body("settings.escalationMinutes", equalTo(10.0f));
    given()
        .contentType(JSON)
        .body(settingsBody(settingsVersion(), true, 0.1))
        .when()
        .put("/api/v1/step-order/settings")
        .then()
        .statusCode(403);
  }

  @Test
  @TestSecurity(
      user = "so-admin",
      roles = {"admin", "supervisor", "agent"},
      authMechanism = "api")
  void anAdminChangesTheSettingsAndEveryChangeIsAudited() {
    TestData.agent("so-admin", "admin");
    int version = settingsVersion();
    given()
        .contentType(JSON)
        .body(settingsBody(version, true, 0.25))
        .when()
        .put("/api/v1/step-order/settings")
        .then()
        .statusCode(200)
        .body("suggestionsOn", equalTo(true))
        .body("exploreShare", equalTo(0.25f))
        .body("highRiskPrice", equalTo(4.0f))
        .body("updatedBy", equalTo("so-admin"))
        .body("version", equalTo(version + 1));
    given()
        .when()
        .get("/api/v1/step-order")
        .then()
        .statusCode(200)
        .body("changes[0].actor", equalTo("so-admin"))
        .body("changes[0].before", containsString("suggestions=off"))
        .body("changes[0].after", containsString("suggestions=on, explore=0.250"))
        .body("changes[0].after", containsString("escalation=12"));

    // The version read before the change is stale now: refused, nothing written.
    given()
        .contentType(JSON)
        .body(settingsBody(version, false, 0.1))
        .when()
        .put("/api/v1/step-order/settings")
        .then()
        .statusCode(409)
        .body("type", endsWith("/stale-version"));
    // Out of range, or missing: 400 naming the field.
    given()
        .contentType(JSON)
        .body(settingsBody(version + 1, true, 0.9))
        .when()
        .put("/api/v1/step-order/settings")
        .then()
        .statusCode(400)
        .body("detail", containsString("between 0 and 0.5"));
    var missing = settingsBody(version + 1, true, 0.1);
    missing.remove("paidFixPrice");
    given()
        .contentType(JSON)
        .body(missing)
        .when()
        .put("/api/v1/step-order/settings")
        .then()
        .statusCode(400)
        .body("detail", containsString("paid fix"));
    given()
        .when()
        .get("/api/v1/step-order")
        .then()
        .body("settings.version", equalTo(version + 1))
        .body("settings.exploreShare", equalTo(0.25f));
  }

  @Test
  @TestSecurity(user = "so-lead", roles = "supervisor", authMechanism = "api")
  void learningOnDemandStoresTheNextVersion() {
    TestData.agent("so-lead", "supervisor");
    List<Integer> before =
        given()
            .when()
            .get("/api/v1/step-order/models")
            .then()
            .statusCode(200)
            .extract()
            .path("version");
    int expected = before.isEmpty() ? 1 : before.get(0) + 1;
    given()
        .when()
        .post("/api/v1/step-order/models")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/step-order/models/" + expected))
        .body("version", equalTo(expected))
        .body("trainedBy", equalTo("so-lead"))
        .body("segments", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    given()
        .when()
        .get("/api/v1/step-order")
        .then()
        .statusCode(200)
        .body("model.version", equalTo(expected))
        .body("segments[0].segment", equalTo("all"))
        .body("segments[0].steps.size()", equalTo(9))
        .body("segments[0].learnedOrder.size()", equalTo(9))
        .body("versions.version", hasItem(expected));
    given().when().get("/api/v1/step-order/models/" + expected).then().statusCode(200);
    given().when().get("/api/v1/step-order/models/999999").then().statusCode(404);
  }

  @Test
  @TestSecurity(user = "so-agent", roles = "agent", authMechanism = "api")
  void aDiagnosisStartedWithSuggestionsOnRecordsItsPolicyModelAndPropensity() {
    TestData.agent("so-agent");
    LearnedModel model = StepOrderFixture.storeSimulatedModel();
    StepOrder learned = StepOrderFixture.learnedOrder(model);
    assertThat(learned.stepKeys())
        .as("the simulated model moves some step")
        .isNotEqualTo(
            List.of(
                "backup-switch",
                "wifi",
                "power",
                "storage",
                "apple-status",
                "account-verification",
                "restart",
                "reset-settings",
                "ios-update"));
    StepOrderFixture.suggestions(true, 0);

    long ticket = TestData.ticket().openedBy("so-agent");
    String diagnosis = "/api/v1/tickets/" + ticket + "/diagnosis";
    given()
        .when()
        .post(diagnosis)
        .then()
        .statusCode(201)
        .body("order.policy", equalTo("LEARNED"))
        .body("order.modelVersion", equalTo(model.version()))
        .body("order.propensity", equalTo(1.0f))
        .body("order.chosen", equalTo(learned.stepKeys()))
        .body("currentStep.step.key", equalTo(learned.keyAt(1)));

    // Read back from the database: the order is stored with the diagnosis.
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", learned.keyAt(1), "outcome", "NOTHING_WRONG"))
        .when()
        .post(diagnosis + "/outcomes")
        .then()
        .statusCode(200)
        .body("currentStep.step.key", equalTo(learned.keyAt(2)));
    given()
        .when()
        .get(diagnosis)
        .then()
        .statusCode(200)
        .body("order.policy", equalTo("LEARNED"))
        .body("order.walked", equalTo(learned.stepKeys()))
        .body("currentStep.step.key", equalTo(learned.keyAt(2)));

    // The agent switches to the article's order: recorded beside the original choice.
    given()
        .contentType(JSON)
        .body("{}")
        .when()
        .post(diagnosis + "/article-order")
        .then()
        .statusCode(200)
        .body("order.policy", equalTo("LEARNED"))
        .body("order.chosen", equalTo(learned.stepKeys()))
        .body("order.articleOrderFrom", equalTo(2))
        .body("order.articleOrderBy", equalTo("so-agent"))
        .body("order.walked[0]", equalTo(learned.keyAt(1)));
    given()
        .when()
        .get("/api/v1/tickets/" + ticket + "/timeline")
        .then()
        .statusCode(200)
        .body("events.kind", hasItem("ORDER_CHANGED"));
  }
}
