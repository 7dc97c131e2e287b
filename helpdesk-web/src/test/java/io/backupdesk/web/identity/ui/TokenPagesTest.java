package io.backupdesk.web.identity.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.backupdesk.web.identity.TokenService;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "token-owner", roles = "agent", authMechanism = "form")
class TokenPagesTest {

  private static final String OWNER = "token-owner";
  private static final Pattern SECRET = Pattern.compile("value=\"(bd_[A-Za-z0-9_-]+)\"");

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @Inject TokenService tokens;

  @BeforeEach
  void account() {
    TestData.agent(OWNER);
  }

  /**
   * Posts the create form and follows its redirect as a browser does, with the cookie that leads to
   * the secret kept on the server (REST Assured drops cookies across redirects).
   */
  private static io.restassured.response.Response created(String name, String expiresAt) {
    var post =
        given()
            .redirects()
            .follow(false)
            .formParam("name", name)
            .formParam("expiresAt", expiresAt)
            .when()
            .post("/account/tokens");
    assertThat(post.statusCode()).isEqualTo(303);
    return given()
        .cookie("backupdesk-flash", post.getCookie("backupdesk-flash"))
        .when()
        .get(post.header("Location"));
  }

  private long idOf(String name) {
    return tokens.tokensOf(OWNER).stream()
        .filter(t -> t.name.equals(name))
        .findFirst()
        .orElseThrow()
        .id;
  }

  @Test
  void aNewTokensSecretIsShownOnceUncachedAndWorksUntilRevoked() {
    var name = "warehouse sync " + TestData.unique();
    var response =
        created(name, "")
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .body(containsString("Copy it now; it will not be shown again."))
            .extract()
            .asString();
    var m = SECRET.matcher(response);
    assertThat(m.find()).as("the secret on the page").isTrue();
    var secret = m.group(1);

    var listing = given().when().get("/account/tokens").then().statusCode(200).extract().asString();
    assertThat(listing)
        .contains(name, secret.substring(0, 10) + "…", "active")
        .doesNotContain(secret)
        .doesNotContain("Copy it now");

    given()
        .auth()
        .oauth2(secret)
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("username", equalTo(OWNER));

    long id = idOf(name);
    var location =
        given()
            .redirects()
            .follow(false)
            .when()
            .post("/account/tokens/{id}/revoke", id)
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    given()
        .when()
        .get(location)
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString(
                    "(" + secret.substring(0, 10) + "…) is revoked: it no longer works."),
                not(containsString(secret))));
    given().auth().oauth2(secret).when().get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void creatingATokenRedirectsSoThatReloadCreatesNoSecondOne() {
    var name = "reloaded " + TestData.unique();
    var created =
        given()
            .redirects()
            .follow(false)
            .formParam("name", name)
            .formParam("expiresAt", "")
            .when()
            .post("/account/tokens");
    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(created.header("Location")).endsWith("/account/tokens").doesNotContain("bd_");
    var flash = created.getDetailedCookie("backupdesk-flash");
    assertThat(flash.getValue()).doesNotContain("bd_");
    assertThat(flash.isHttpOnly()).isTrue();

    var shown =
        given()
            .cookie("backupdesk-flash", flash.getValue())
            .when()
            .get("/account/tokens")
            .asString();
    assertThat(shown).contains("Copy it now");
    // Reload: the same GET again, the same cookie; the secret is gone and no token was added.
    var reloaded =
        given()
            .cookie("backupdesk-flash", flash.getValue())
            .when()
            .get("/account/tokens")
            .asString();
    assertThat(reloaded)
        .doesNotContain("Copy it now")
        .doesNotContain(SECRET.matcher(shown).results().findFirst().orElseThrow().group(1));
    assertThat(tokens.tokensOf(OWNER).stream().filter(t -> t.name.equals(name))).hasSize(1);
  }

  @Test
  void aTokenWithALastDayExpiresAfterThatDay() {
    var name = "until friday " + TestData.unique();
    var lastDay = LocalDate.now(ZoneOffset.UTC).plusDays(3);
    created(name, lastDay.toString())
        .then()
        .statusCode(200)
        .body(containsString("It works until " + lastDay.plusDays(1) + " 00:00 UTC."));
    var token = tokens.tokensOf(OWNER).stream().filter(t -> t.name.equals(name)).findFirst();
    assertThat(token.orElseThrow().expiresAt)
        .isEqualTo(lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @Test
  void aRefusedTokenComesBackWithTheMessageAndWhatWasTyped() {
    given()
        .formParam("name", "")
        .formParam("expiresAt", "2031-05-01")
        .when()
        .post("/account/tokens")
        .then()
        .statusCode(400)
        .body(
            allOf(
                containsString("id=\"name-error\""),
                containsString("Give the token a name of 1 to 80 characters"),
                containsString("value=\"2031-05-01\""),
                not(containsString("Copy it now"))));

    given()
        .formParam("name", "old one")
        .formParam("expiresAt", "2001-01-01")
        .when()
        .post("/account/tokens")
        .then()
        .statusCode(400)
        .body(
            allOf(
                containsString("id=\"expiresAt-error\""),
                containsString("Choose an expiry date in the future."),
                containsString("value=\"old one\"")));

    given()
        .formParam("name", "odd date")
        .formParam("expiresAt", "next friday")
        .when()
        .post("/account/tokens")
        .then()
        .statusCode(400)
        .body(
            allOf(
                containsString("Enter the last day as a date such as 2026-12-31"),
                containsString("value=\"next friday\"")));
  }

  @Test
  void someoneElsesTokenCannotBeRevoked() {
    var other = TestData.agent("token-other-" + TestData.unique());
    var issued = tokens.issue(other, "theirs", null);
    given().when().post("/account/tokens/{id}/revoke", issued.token().id).then().statusCode(404);
    given().auth().oauth2(issued.secret()).when().get("/api/v1/me").then().statusCode(200);
  }
}
