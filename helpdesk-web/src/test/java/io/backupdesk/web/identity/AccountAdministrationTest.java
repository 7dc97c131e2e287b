package io.backupdesk.web.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountAdministrationTest {

  String admin;

  @BeforeEach
  void signInAsAdmin() {
    admin = TestData.agent("adm-" + TestData.unique(), "admin");
  }

  private io.restassured.specification.RequestSpecification asAdmin() {
    return given()
        .auth()
        .preemptive()
        .basic(admin, TestData.PASSWORD)
        .contentType(ContentType.JSON);
  }

  @Test
  void anAdminCreatesAnAccountThatCanThenSignIn() {
    var name = "new-" + TestData.unique();
    asAdmin()
        .body(
            Map.of(
                "username",
                name,
                "displayName",
                "New Person",
                "role",
                "agent",
                "password",
                "a long enough password"))
        .when()
        .post("/api/v1/admin/accounts")
        .then()
        .statusCode(201)
        .header("Location", containsString(name))
        .body("role", equalTo("agent"))
        .body("enabled", equalTo(true));

    given()
        .auth()
        .preemptive()
        .basic(name, "a long enough password")
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200);
    asAdmin()
        .when()
        .get("/api/v1/admin/audit?action=ACCOUNT_CREATED&actor=" + admin)
        .then()
        .statusCode(200)
        .body("target", hasItem(name));
  }

  @Test
  void aShortPasswordOrUnknownRoleIsRefusedWithAProblem() {
    asAdmin()
        .body(
            Map.of(
                "username",
                "short-" + TestData.unique(),
                "displayName",
                "X",
                "role",
                "agent",
                "password",
                "short"))
        .when()
        .post("/api/v1/admin/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("at least 12 characters"));
    asAdmin()
        .body(
            Map.of(
                "username",
                "role-" + TestData.unique(),
                "displayName",
                "X",
                "role",
                "root",
                "password",
                "a long enough password"))
        .when()
        .post("/api/v1/admin/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("role"));
  }

  @Test
  void disablingAnAccountEndsItsTokensAndItCannotBeUndoneWithAStaleVersion() {
    var user = TestData.agent("dis-" + TestData.unique());
    var secret =
        given()
            .auth()
            .preemptive()
            .basic(user, TestData.PASSWORD)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "nightly"))
            .when()
            .post("/api/v1/me/tokens")
            .then()
            .statusCode(201)
            .body("secret", startsWith("bd_"))
            .extract()
            .<String>path("secret");
    given().auth().oauth2(secret).when().get("/api/v1/me").then().statusCode(200);

    int version =
        asAdmin()
            .body(Map.of("enabled", false))
            .when()
            .patch("/api/v1/admin/accounts/" + user)
            .then()
            .statusCode(200)
            .body("enabled", equalTo(false))
            .extract()
            .path("version");

    given().auth().oauth2(secret).when().get("/api/v1/me").then().statusCode(401);
    asAdmin()
        .body(Map.of("enabled", true, "version", version - 1))
        .when()
        .patch("/api/v1/admin/accounts/" + user)
        .then()
        .statusCode(409)
        .body("detail", containsString("changed by someone else"));
  }

  @Test
  void anAgentCannotAdministerAccounts() {
    var user = TestData.agent("plain-" + TestData.unique());
    given()
        .auth()
        .preemptive()
        .basic(user, TestData.PASSWORD)
        .when()
        .get("/api/v1/admin/accounts")
        .then()
        .statusCode(403);
  }

  @Test
  void tokensAreListedWithoutTheirSecretAndCanBeRevoked() {
    var user = TestData.agent("tok-" + TestData.unique());
    var spec =
        given().auth().preemptive().basic(user, TestData.PASSWORD).contentType(ContentType.JSON);
    int id =
        spec.body(Map.of("name", "bi export"))
            .when()
            .post("/api/v1/me/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token.id");
    given()
        .auth()
        .preemptive()
        .basic(user, TestData.PASSWORD)
        .when()
        .get("/api/v1/me/tokens")
        .then()
        .statusCode(200)
        .body("[0].name", equalTo("bi export"))
        .body("[0].prefix", startsWith("bd_"))
        .body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));
    given()
        .auth()
        .preemptive()
        .basic(user, TestData.PASSWORD)
        .when()
        .delete("/api/v1/me/tokens/" + id)
        .then()
        .statusCode(204);
    given()
        .auth()
        .preemptive()
        .basic(user, TestData.PASSWORD)
        .when()
        .get("/api/v1/me/tokens")
        .then()
        .body("[0].revokedAt", notNullValue());
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .header("X-Content-Type-Options", equalTo("nosniff"))
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .header("Referrer-Policy", equalTo("same-origin"));
  }
}
