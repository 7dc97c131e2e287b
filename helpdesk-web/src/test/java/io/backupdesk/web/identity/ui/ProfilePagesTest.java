package io.backupdesk.web.identity.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.backupdesk.web.identity.AgentRepository;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "profile-agent", roles = "agent", authMechanism = "form")
class ProfilePagesTest {

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @Inject AgentRepository agents;

  @BeforeEach
  void freshAccountWithoutAZone() {
    TestData.agent("profile-agent");
    QuarkusTransaction.requiringNew()
        .run(() -> agents.findByUsername("profile-agent").orElseThrow().timeZone = null);
  }

  private int version() {
    return QuarkusTransaction.requiringNew()
        .call(() -> agents.findByUsername("profile-agent").orElseThrow().version);
  }

  private String zone() {
    return QuarkusTransaction.requiringNew()
        .call(() -> agents.findByUsername("profile-agent").orElseThrow().timeZone);
  }

  @Test
  void theBrowsersZoneIsTakenOnceAndNeverOverridesAChoice() {
    // No zone yet: the layout asks the script to report the browser's.
    given()
        .get("/")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("<meta name=\"backupdesk-zone\" content=\"unset\">"),
                containsString("<script src=\"/js/timezone.js\" defer></script>")));

    given()
        .formParam("timeZone", "America/New_York")
        .post("/profile/time-zone")
        .then()
        .statusCode(204);
    assertThat(zone()).isEqualTo("America/New_York");
    given().get("/").then().body(not(containsString("backupdesk-zone")));

    // A second report (another browser) keeps the zone the agent has.
    given()
        .formParam("timeZone", "Europe/Berlin")
        .post("/profile/time-zone")
        .then()
        .statusCode(204);
    assertThat(zone()).isEqualTo("America/New_York");

    given()
        .formParam("timeZone", "Mars/Olympus_Mons")
        .post("/profile/time-zone")
        .then()
        .statusCode(400);
  }

  @Test
  void theProfileSavesNameAndZoneAndShowsMistakesByTheirField() {
    given()
        .get("/profile")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("<option value=\"Europe/Berlin\" >"),
                containsString("Choose your time zone"),
                containsString("href=\"/profile\" class=\"signed-in\"")));

    given()
        .formParam("version", version())
        .formParam("displayName", "Pat Profile")
        .formParam("timeZone", "EST")
        .post("/profile")
        .then()
        .statusCode(400)
        .body(
            allOf(
                containsString("id=\"timeZone-error\""),
                containsString("Choose a time zone from the list"),
                containsString("value=\"Pat Profile\"")));
    given()
        .formParam("version", version())
        .formParam("displayName", "  ")
        .formParam("timeZone", "Europe/Berlin")
        .post("/profile")
        .then()
        .statusCode(400)
        .body(containsString("id=\"displayName-error\""));

    int seen = version();
    given()
        .formParam("version", seen)
        .formParam("displayName", "Pat Profile")
        .formParam("timeZone", "Europe/Berlin")
        .redirects()
        .follow(false)
        .post("/profile")
        .then()
        .statusCode(303);
    assertThat(zone()).isEqualTo("Europe/Berlin");
    given()
        .get("/profile?saved=true")
        .then()
        .body(
            allOf(
                containsString("<option value=\"Europe/Berlin\" selected>"),
                containsString("Pat Profile"),
                containsString("Saved.")));

    // The same form again, from a tab opened before the save: 409, nothing overwritten.
    given()
        .formParam("version", seen)
        .formParam("displayName", "Someone Else")
        .formParam("timeZone", "Asia/Tokyo")
        .post("/profile")
        .then()
        .statusCode(409)
        .body(containsString("Your profile changed meanwhile"));
    assertThat(zone()).isEqualTo("Europe/Berlin");
  }
}
