package io.backupdesk.web.hardening;

import static io.restassured.RestAssured.given;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Credentials nobody could own are refused like wrong ones: 401, not a server error. */
@QuarkusTest
class HostileCredentialsTest {

  @Test
  void aUserNameOrPasswordWithNulIsA401() {
    TestData.agent("nul-agent");
    for (var credentials :
        new String[] {
          "nul\u0000agent:" + TestData.PASSWORD,
          "x\u0000y:x",
          "nul-agent:\u0000",
          "\u0000:x",
          "nul-agent:" + TestData.PASSWORD + "\u0000",
          "x".repeat(5000) + ":y"
        }) {
      given()
          .header(
              "Authorization",
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
          .when()
          .get("/api/v1/me")
          .then()
          .statusCode(401);
    }
    given().header("Authorization", "Basic %%%").when().get("/api/v1/me").then().statusCode(401);
    given()
        .header("Authorization", "Bearer bd_\u0001\u0002")
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(401);
  }
}
