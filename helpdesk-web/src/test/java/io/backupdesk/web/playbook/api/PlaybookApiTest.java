package io.backupdesk.web.playbook.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "api-agent", roles = "agent", authMechanism = "api")
class PlaybookApiTest {

  @BeforeEach
  void agent() {
    TestData.agent("api-agent");
  }

  @Test
  void theNineStepsInOrderWithTheirFixes() {
    given()
        .queryParam("deviceModel", "iPhone 15 Pro")
        .queryParam("iosVersion", "17.5")
        .when()
        .get("/api/v1/playbook")
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("verifyPrompt", containsString("Back Up Now"))
        .body("device.knownModel", equalTo(true))
        .body("device.variants.key", contains("FACE_ID"))
        .body(
            "steps.key",
            contains(
                "backup-switch",
                "wifi",
                "power",
                "storage",
                "apple-status",
                "account-verification",
                "restart",
                "reset-settings",
                "ios-update"))
        .body("steps.number", contains(1, 2, 3, 4, 5, 6, 7, 8, 9))
        .body("steps[3].fixOptions.key", contains("delete-app-data", "upgrade-plan"))
        .body("steps[3].fixOptions[0].requiresConsent", equalTo(true))
        .body("steps[3].fixOptions[1].requiresConsent", equalTo(true))
        .body("steps[3].fixOptions[1].costsMoney", equalTo(true))
        .body("steps[3].fixOptions[0].changesData", equalTo(true))
        .body("steps[3].cost", equalTo("MEDIUM"))
        .body("steps[4].detectsOutage", equalTo(true))
        .body("steps[4].fixOptions", hasSize(0))
        .body("steps.findAll { it.detectsOutage }", hasSize(1))
        .body("steps[0].whyItMatters", not(nullValue()))
        .body("steps[0].check", not(nullValue()))
        .body("steps[0].riskNote", not(nullValue()))
        .body("steps[0].version", equalTo(1))
        .body("steps[6].instructions", hasSize(1))
        .body("steps[6].instructions[0].heading", containsString("Face ID"));
  }

  @Test
  void anIphone8GetsOnlyTheHomeButtonRestart() {
    given()
        .queryParam("deviceModel", "iPhone 8")
        .queryParam("iosVersion", "16.7")
        .when()
        .get("/api/v1/playbook")
        .then()
        .statusCode(200)
        .body("device.variants.key", contains("HOME_BUTTON"))
        .body("steps[6].key", equalTo("restart"))
        .body("steps[6].instructions", hasSize(1))
        .body("steps[6].instructions[0].heading", equalTo("iPhone 8 and earlier, SE (Home button)"))
        .body("steps[6].instructions[0].lines.size()", not(equalTo(0)));
  }

  @Test
  void anUnlistedModelGetsBothRestartsEachLabelled() {
    given()
        .queryParam("deviceModel", "Other")
        .when()
        .get("/api/v1/playbook")
        .then()
        .statusCode(200)
        .body("device.knownModel", equalTo(false))
        .body("device.variants.key", contains("FACE_ID", "HOME_BUTTON"))
        .body(
            "steps[6].instructions.heading",
            contains("iPhone X and later (Face ID)", "iPhone 8 and earlier, SE (Home button)"));
  }

  @Test
  void noDeviceAtAllAlsoGetsEveryVariant() {
    given()
        .when()
        .get("/api/v1/playbook")
        .then()
        .statusCode(200)
        .body("device.model", nullValue())
        .body("steps[6].instructions", hasSize(2))
        .body("steps[0].instructions[0].heading", nullValue());
  }

  @Test
  void theDeviceCatalogueListsModelsWithTheirVariant() {
    given()
        .when()
        .get("/api/v1/playbook/devices")
        .then()
        .statusCode(200)
        .body("other", equalTo("Other"))
        .body("variants.key", contains("FACE_ID", "HOME_BUTTON"))
        .body("models.name", hasItem("iPhone 8"))
        .body("models.find { it.name == 'iPhone 8' }.variant.key", equalTo("HOME_BUTTON"))
        .body("models.find { it.name == 'iPhone X' }.variant.key", equalTo("FACE_ID"))
        .body(
            "models.find { it.name == 'iPhone SE (3rd generation)' }.variant.label",
            equalTo("iPhone 8 and earlier, SE (Home button)"));
  }
}
