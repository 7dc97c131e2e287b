package io.backupdesk.web.order.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.backupdesk.web.order.StepOrderFixture;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's "Step order" page: the model's segments with their orders and figures, the
 * settings and cost weights for everyone who may see the page, the settings form for admins only, a
 * refused change shown by its field, and "Learn now".
 */
@QuarkusTest
class StepOrderPagesTest {

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @AfterEach
  void suggestionsOffAgain() {
    StepOrderFixture.suggestions(false, 0.1);
  }

  @Test
  @TestSecurity(user = "sop-lead", roles = "supervisor", authMechanism = "form")
  void aSupervisorSeesTheModelPerSegmentAndTheWeightsButNoSettingsForm() {
    StepOrderFixture.storeSimulatedModel();
    given()
        .when()
        .get("/step-order")
        .then()
        .statusCode(200)
        .body(containsString("<h1>Step order</h1>"))
        .body(containsString("Suggestions are <strong id=\"suggestions-state\">off</strong>"))
        .body(containsString("high-risk 3.0"))
        .body(containsString("All phones"))
        .body(containsString("Home-button phones on iOS 16"))
        .body(containsString("Resolves when reached"))
        .body(containsString("Learn now"))
        .body(not(containsString("Save settings")));
    given()
        .formParam("suggestions", "on")
        .formParam("explorePercent", "10")
        .when()
        .post("/step-order/settings")
        .then()
        .statusCode(403);
  }

  @Test
  @TestSecurity(user = "sop-lead", roles = "supervisor", authMechanism = "form")
  void learnNowStoresAVersionAndShowsIt() {
    TestData.agent("sop-lead", "supervisor");
    given()
        .redirects()
        .follow(false)
        .when()
        .post("/step-order/models")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/step-order?done=trained"));
    given()
        .when()
        .get("/step-order?done=trained")
        .then()
        .statusCode(200)
        .body(containsString("A new model version was trained and stored."))
        .body(containsString("by sop-lead"));
  }

  @Test
  @TestSecurity(
      user = "sop-admin",
      roles = {"admin", "supervisor", "agent"},
      authMechanism = "form")
  void anAdminChangesTheSettingsOnThePageAndABadValueIsShownByItsField() {
    TestData.agent("sop-admin", "admin");
    String page = given().when().get("/step-order").then().statusCode(200).extract().asString();
    String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
    given()
        .formParam("version", version)
        .formParam("suggestions", "on")
        .formParam("explorePercent", "abc")
        .formParam("lowRiskPrice", "0")
        .formParam("mediumRiskPrice", "1")
        .formParam("highRiskPrice", "3")
        .formParam("paidFixPrice", "10")
        .formParam("escalationMinutes", "10")
        .when()
        .post("/step-order/settings")
        .then()
        .statusCode(400)
        .body(containsString("id=\"exploreShare-error\""))
        .body(containsString("The exploration share is a number"));
    given()
        .redirects()
        .follow(false)
        .formParam("version", version)
        .formParam("suggestions", "on")
        .formParam("explorePercent", "20")
        .formParam("lowRiskPrice", "0")
        .formParam("mediumRiskPrice", "1")
        .formParam("highRiskPrice", "3")
        .formParam("paidFixPrice", "10")
        .formParam("escalationMinutes", "10")
        .when()
        .post("/step-order/settings")
        .then()
        .statusCode(303);
    given()
        .when()
        .get("/step-order")
        .then()
        .statusCode(200)
        .body(containsString("Suggestions are <strong id=\"suggestions-state\">on</strong>"))
        .body(containsString("20% walk an order drawn near it"))
        .body(containsString("sop-admin: suggestions=off"));
  }
}
