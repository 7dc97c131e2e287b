package io.backupdesk.web.api;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API over real HTTP Basic, as a script would call it. */
@QuarkusTest
class ApiSecurityTest {

  /**
   * REST Assured sends a POST without a body (starting a diagnosis) as a form, which the CSRF check
   * then wants a token for; the filter adds it whichever test class runs first.
   */
  @org.junit.jupiter.api.BeforeAll
  static void bodylessPostsCarryTheCsrfToken() {
    io.backupdesk.web.testing.CsrfForms.enable();
  }

  @Test
  void anAnonymousCallIsA401NotARedirectToTheLoginPage() {
    given()
        .redirects()
        .follow(false)
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(401)
        .header("Location", nullValue());
    given()
        .contentType(JSON)
        .body(Map.of("stepKey", "wifi", "outcome", "NOTHING_WRONG"))
        .when()
        .post("/api/v1/tickets/1/diagnosis/outcomes")
        .then()
        .statusCode(401);
  }

  @Test
  void aWrongPasswordIsA401() {
    var user = TestData.agent("api-basic-wrong");
    given()
        .auth()
        .preemptive()
        .basic(user, "not the password")
        .when()
        .get("/api/v1/playbook/devices")
        .then()
        .statusCode(401);
  }

  @Test
  void anAgentSignsInWithHttpBasicAndActsUnderTheirName() {
    var user = TestData.agent("api-basic-user");
    long ticket = TestData.ticket().openedBy(user);

    given()
        .auth()
        .preemptive()
        .basic(user, TestData.PASSWORD)
        .when()
        .post("/api/v1/tickets/" + ticket + "/diagnosis")
        .then()
        .statusCode(201)
        .body("startedBy", equalTo(user));
    given()
        .auth()
        .preemptive()
        .basic(user, TestData.PASSWORD)
        .when()
        .get("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200)
        .body("assignee", equalTo(user));
  }

  @Test
  void aSupervisorInheritsTheAgentsAccess() {
    var user = TestData.agent("api-basic-supervisor", "supervisor");
    given()
        .auth()
        .preemptive()
        .basic(user, TestData.PASSWORD)
        .when()
        .get("/api/v1/playbook/devices")
        .then()
        .statusCode(200)
        .body("other", equalTo("Other"));
  }
}
