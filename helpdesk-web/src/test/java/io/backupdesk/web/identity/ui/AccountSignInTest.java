package io.backupdesk.web.identity.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.backupdesk.web.identity.AgentRepository;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookies;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the administration pages do to real sign-ins: no test identity here, the admin and the
 * people they manage sign in through the login form and carry their session cookies.
 */
@QuarkusTest
class AccountSignInTest {

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @Inject AgentRepository agents;

  Cookies admin;

  @BeforeEach
  void adminSignsIn() {
    admin = signIn(TestData.agent("real-admin-" + TestData.unique(), "admin"), TestData.PASSWORD);
    assertThat(admin).as("the admin's session").isNotNull();
  }

  /** The session cookies of a sign-in through the login form, or null when it was refused. */
  private static Cookies signIn(String username, String password) {
    var response =
        given()
            .redirects()
            .follow(false)
            .formParam("j_username", username)
            .formParam("j_password", password)
            .when()
            .post("/j_security_check")
            .then()
            .statusCode(302)
            .extract();
    return response.header("Location").contains("error") ? null : response.detailedCookies();
  }

  private int version(String username) {
    return QuarkusTransaction.requiringNew()
        .call(() -> agents.findByUsername(username).orElseThrow().version);
  }

  @Test
  void anAccountCreatedOnThePageCanSignIn() {
    var name = "fresh-" + TestData.unique();
    given()
        .cookies(admin)
        .redirects()
        .follow(false)
        .formParam("username", name)
        .formParam("displayName", "Fresh Person")
        .formParam("email", "")
        .formParam("role", "agent")
        .formParam("password", "a long first password")
        .when()
        .post("/admin/accounts")
        .then()
        .statusCode(303);

    var session = signIn(name, "a long first password");
    assertThat(session).as("the new account signs in").isNotNull();
    given()
        .cookies(session)
        .when()
        .get("/")
        .then()
        .statusCode(200)
        .body(containsString("Fresh Person"));
    assertThat(signIn(name, "not the first password")).isNull();
  }

  @Test
  void aPasswordResetEndsTheirSessionAndOnlyTheNewPasswordSignsIn() {
    var name = TestData.agent("resetee-" + TestData.unique());
    var theirs = signIn(name, TestData.PASSWORD);
    given().cookies(theirs).redirects().follow(false).get("/").then().statusCode(200);

    given()
        .cookies(admin)
        .redirects()
        .follow(false)
        .formParam("version", version(name))
        .formParam("password", "a brand new password")
        .when()
        .post("/admin/accounts/{u}/password", name)
        .then()
        .statusCode(303);

    given()
        .cookies(theirs)
        .redirects()
        .follow(false)
        .get("/")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/login"));
    assertThat(signIn(name, TestData.PASSWORD)).isNull();
    assertThat(signIn(name, "a brand new password")).isNotNull();
  }

  @Test
  void disablingEndsTheirSessionAndRefusesTheirSignIn() {
    var name = TestData.agent("leaver-" + TestData.unique());
    var theirs = signIn(name, TestData.PASSWORD);

    given()
        .cookies(admin)
        .redirects()
        .follow(false)
        .formParam("version", version(name))
        .formParam("enabled", "false")
        .when()
        .post("/admin/accounts/{u}/enabled", name)
        .then()
        .statusCode(303);

    given()
        .cookies(theirs)
        .redirects()
        .follow(false)
        .get("/")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/login"));
    assertThat(signIn(name, TestData.PASSWORD)).isNull();
  }
}
