package io.backupdesk.web.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.backupdesk.web.testing.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookies;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountSecurityTest {

  @Inject TokenService tokens;
  @Inject ApiTokenRepository tokenRows;
  @Inject SessionRegistry sessions;
  @Inject AgentRepository agents;
  @Inject AuditLog audit;

  @Test
  void anonymousApiCallsGet401WithAChallenge() {
    given()
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("Bearer"));
  }

  @Test
  void basicAuthWithTheRightPasswordWorksAndRolesIncludeTheNarrowerOnes() {
    var user = TestData.agent("sec-super-" + TestData.unique(), "supervisor");
    given()
        .auth()
        .preemptive()
        .basic(user, TestData.PASSWORD)
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("username", equalTo(user))
        .body("roles", hasItems("agent", "supervisor"));
  }

  @Test
  void aTokenWorksUntilItIsRevoked() {
    var user = TestData.agent("sec-token-" + TestData.unique());
    var issued = tokens.issue(user, "warehouse sync", null);
    assertThat(issued.secret()).startsWith("bd_");

    given()
        .auth()
        .oauth2(issued.secret())
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("username", equalTo(user));

    tokens.revoke(user, issued.token().id, user);
    given().auth().oauth2(issued.secret()).when().get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void aTokenNotesItsLastUseAtMostOnceAMinute() {
    var user = TestData.agent("sec-used-" + TestData.unique());
    var issued = tokens.issue(user, "busy script", null);
    long id = issued.token().id;
    assertThat(lastUsed(id)).isNull();

    given().auth().oauth2(issued.secret()).when().get("/api/v1/me").then().statusCode(200);
    Instant first = lastUsed(id);
    assertThat(first).isCloseTo(Instant.now(), within(30, ChronoUnit.SECONDS));

    // Used again within the minute: the stored time stays, so reads do not turn into writes.
    Instant recent = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MICROS);
    setLastUsed(id, recent);
    given().auth().oauth2(issued.secret()).when().get("/api/v1/me").then().statusCode(200);
    assertThat(lastUsed(id)).isEqualTo(recent);

    Instant stale = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MICROS);
    setLastUsed(id, stale);
    given().auth().oauth2(issued.secret()).when().get("/api/v1/me").then().statusCode(200);
    assertThat(lastUsed(id)).isAfter(recent);
  }

  private Instant lastUsed(long id) {
    return QuarkusTransaction.requiringNew().call(() -> tokenRows.findById(id).lastUsedAt);
  }

  private void setLastUsed(long id, Instant at) {
    QuarkusTransaction.requiringNew()
        .run(() -> tokenRows.update("lastUsedAt = ?1 where id = ?2", at, id));
  }

  @Test
  void anExpiredOrUnknownTokenIsRefused() {
    var user = TestData.agent("sec-expiry-" + TestData.unique());
    var issued = tokens.issue(user, "short lived", Instant.now().plus(1, ChronoUnit.SECONDS));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                tokenRows.update(
                    "createdAt = ?1, expiresAt = ?2 where id = ?3",
                    Instant.now().minusSeconds(3600),
                    Instant.now().minusSeconds(5),
                    issued.token().id));

    given().auth().oauth2(issued.secret()).when().get("/api/v1/me").then().statusCode(401);
    given().auth().oauth2("bd_not-a-real-token").when().get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void afterFiveFailuresEvenTheRightPasswordIsRefusedWith429() {
    var user = TestData.agent("sec-throttle-" + TestData.unique());
    for (int i = 0; i < 5; i++) {
      given()
          .auth()
          .preemptive()
          .basic(user, "wrong " + i)
          .when()
          .get("/api/v1/me")
          .then()
          .statusCode(401);
    }
    given()
        .auth()
        .preemptive()
        .basic(user, TestData.PASSWORD)
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"));
    assertThat(audit.newest(20, user, AuditEntry.Action.LOGIN_FAILED)).hasSize(5);
    assertThat(audit.newest(20, user, AuditEntry.Action.LOGIN_THROTTLED)).isNotEmpty();
  }

  @Test
  void aDisabledAccountLosesPasswordAndTokenAccessAtOnce() {
    var user = TestData.agent("sec-disabled-" + TestData.unique());
    var issued = tokens.issue(user, "cron", null);
    QuarkusTransaction.requiringNew()
        .run(() -> agents.findByUsername(user).orElseThrow().enabled = false);

    given()
        .auth()
        .preemptive()
        .basic(user, TestData.PASSWORD)
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(401);
    given().auth().oauth2(issued.secret()).when().get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void aCopiedSessionCookieStopsWorkingOnceTheSessionIsRevoked() {
    var user = TestData.agent("sec-session-" + TestData.unique());
    Cookies cookies =
        given()
            .redirects()
            .follow(false)
            .formParam("j_username", user)
            .formParam("j_password", TestData.PASSWORD)
            .when()
            .post("/j_security_check")
            .then()
            .statusCode(302)
            .extract()
            .detailedCookies();
    assertThat(cookies.hasCookieWithName("backupdesk-session")).isTrue();
    assertThat(cookies.get(SessionRegistry.COOKIE).isHttpOnly()).isTrue();
    assertThat(audit.newest(5, user, AuditEntry.Action.LOGIN)).hasSize(1);

    given()
        .redirects()
        .follow(false)
        .cookies(cookies)
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200);

    sessions.closeAll(user);
    given()
        .redirects()
        .follow(false)
        .cookies(cookies)
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(302)
        .header("Location", containsString("/login"));
  }

  @Test
  void aWrongFormPasswordSendsBackToTheLoginPageWithAnError() {
    var user = TestData.agent("sec-form-" + TestData.unique());
    given()
        .redirects()
        .follow(false)
        .formParam("j_username", user)
        .formParam("j_password", "nope")
        .when()
        .post("/j_security_check")
        .then()
        .statusCode(302)
        .header("Location", containsString("/login?error"));
  }
}
