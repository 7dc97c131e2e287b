package io.backupdesk.web.identity.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.http.Cookies;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignInPagesTest {

  @org.junit.jupiter.api.BeforeAll
  static void formsCarryTheCsrfToken() {
    io.backupdesk.web.testing.CsrfForms.enable();
  }

  private static final String COOKIE = "backupdesk-session";

  @Test
  void aVisitorIsSentToTheSignInForm() {
    given()
        .redirects()
        .follow(false)
        .get("/")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/login"));
    given()
        .get("/login")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("action=\"/j_security_check\""),
                containsString("name=\"j_username\""),
                containsString("name=\"j_password\""),
                not(containsString("Sign out")),
                not(containsString("is not right"))));
  }

  @Test
  void aWrongPasswordComesBackWithAMessage() {
    TestData.agent("signin-wrong");
    given()
        .redirects()
        .follow(false)
        .formParam("j_username", "signin-wrong")
        .formParam("j_password", "not the password")
        .post("/j_security_check")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/login?error=true"));
    given()
        .get("/login?error=true")
        .then()
        .body(containsString("The user name or password is not right"));
  }

  @Test
  void signingInShowsTheAgentsNameAndSigningOutEndsTheSessionForGood() {
    TestData.agent("signin-ok");
    Cookies cookies =
        given()
            .redirects()
            .follow(false)
            .formParam("j_username", "signin-ok")
            .formParam("j_password", TestData.PASSWORD)
            .post("/j_security_check")
            .then()
            .statusCode(302)
            .extract()
            .detailedCookies();
    assertThat(cookies.get(COOKIE)).isNotNull();

    given()
        .cookies(cookies)
        .get("/")
        .then()
        .statusCode(200)
        .body(allOf(containsString("Signin-ok"), containsString("Sign out")));

    Cookie cleared =
        given()
            .redirects()
            .follow(false)
            .cookies(cookies)
            .post("/logout")
            .then()
            .statusCode(303)
            .header("Location", endsWith("/login"))
            .extract()
            .detailedCookie(COOKIE);
    assertThat(cleared.getValue()).isEmpty();
    assertThat(cleared.getMaxAge()).isZero();

    // Someone who copied the cookies before sign-out gets nothing with them afterwards.
    given()
        .redirects()
        .follow(false)
        .cookies(cookies)
        .get("/")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/login"));
  }

  @Test
  void aLockedAccountIsToldWhyAndForHowLong() {
    var user = TestData.agent("signin-locked-" + TestData.unique());
    for (int i = 0; i < 5; i++) {
      given()
          .redirects()
          .follow(false)
          .formParam("j_username", user)
          .formParam("j_password", "guess " + i)
          .post("/j_security_check")
          .then()
          .statusCode(302);
    }
    var locked =
        given()
            .redirects()
            .follow(false)
            .formParam("j_username", user)
            .formParam("j_password", TestData.PASSWORD)
            .post("/j_security_check")
            .then()
            .statusCode(302)
            .header("Location", endsWith("/login?error=true"))
            .extract()
            .detailedCookie("backupdesk-locked");
    assertThat(locked).isNotNull();
    given()
        .cookie("backupdesk-locked", locked.getValue())
        .get("/login?error=true")
        .then()
        .statusCode(200)
        .body(containsString("Too many failed sign-ins"), containsString("minute"));
  }
}
