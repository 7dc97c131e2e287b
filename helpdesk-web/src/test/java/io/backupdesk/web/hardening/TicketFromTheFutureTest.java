package io.backupdesk.web.hardening;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A ticket whose creation time is ahead of the application's clock (written by another server's
 * clock, or by an older data generator that wrote until the end of the current day). Every change
 * of it is stored, its update time never before its creation (the database's CHECK), never a 500.
 */
@QuarkusTest
@TestSecurity(user = "future-agent", roles = "agent", authMechanism = "api")
class TicketFromTheFutureTest {

  @BeforeAll
  static void bodylessPostsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @Test
  void changesOfATicketCreatedAheadOfTheClockAreStored() {
    TestData.agent("future-agent");
    long ticket = TestData.ticket().openedBy("future-agent");
    StoredState.execute(
        "update ticket set created_at = now() + interval '3 hours', updated_at = now() + interval"
            + " '3 hours' where id = "
            + ticket);

    given()
        .contentType(JSON)
        .body(Map.of("priority", "HIGH"))
        .when()
        .patch("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200);
    assertThat(given().when().post("/api/v1/tickets/" + ticket + "/diagnosis").statusCode())
        .isIn(200, 201);
    assertThat(
            given()
                .contentType(JSON)
                .body(Map.of("stepKey", "backup-switch", "outcome", "NOTHING_WRONG"))
                .when()
                .post("/api/v1/tickets/" + ticket + "/diagnosis/outcomes")
                .statusCode())
        .isIn(200, 201);
    given()
        .contentType(JSON)
        .body(Map.of("body", "Called back"))
        .when()
        .post("/api/v1/tickets/" + ticket + "/notes")
        .then()
        .statusCode(201);

    assertThat(
            StoredState.number(
                "select count(*) from ticket where id = ?1 and updated_at >= created_at", ticket))
        .isEqualTo(1);
  }
}
