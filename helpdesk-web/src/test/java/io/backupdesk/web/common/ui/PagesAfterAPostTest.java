package io.backupdesk.web.common.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestTickets;
import io.backupdesk.web.ticket.TicketChange;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the pages answer after a post: a redirect when it was saved (so Reload never posts again),
 * and, when a colleague was quicker, who changed what and when, in words: never version numbers,
 * never user names. And nothing a signed-in page shows is kept in a cache.
 */
@QuarkusTest
@TestSecurity(user = "prg-agent", roles = "agent", authMechanism = "form")
class PagesAfterAPostTest {

  @Inject TestTickets tickets;

  long ticket;

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @BeforeEach
  void ticket() {
    TestData.agent("prg-agent");
    TestData.agent("jordan.lee");
    ticket = TestData.ticket().openedBy("prg-agent");
  }

  @Test
  void everySavedFormOfTheTicketAndDiagnosisPagesRedirects() {
    var t = "/tickets/" + ticket;
    for (var post :
        List.of(
            new String[] {t + "/notes", "body", "Called the customer back"},
            new String[] {t + "/priority", "priority", "HIGH"},
            new String[] {t + "/diagnosis/start", "unused", "x"})) {
      var response =
          given().redirects().follow(false).formParam(post[1], post[2]).when().post(post[0]);
      assertThat(response.statusCode()).as("POST " + post[0]).isEqualTo(303);
      assertThat(response.header("Location")).as("POST " + post[0]).doesNotContain("?version");
    }
  }

  @Test
  void aLostRaceSaysWhoChangedWhatAndWhenInWords() {
    // Jordan raises the priority while this agent still has version 0 on screen.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                tickets.update(ticket, 0, TicketChange.priority(Priority.URGENT, 0), "jordan.lee"));

    var page =
        given()
            .formParam("version", 0)
            .formParam("priority", "LOW")
            .when()
            .post("/tickets/" + ticket + "/priority")
            .then()
            .statusCode(409)
            .extract()
            .asString();
    assertThat(page)
        .contains("Jordan.lee changed this ticket at ")
        .contains("Your change was not saved")
        .doesNotContain("version 0")
        .doesNotContain("it is now");
  }

  @Test
  void signedInPagesAreNeverCached() {
    for (var path : List.of("/", "/tickets/" + ticket, "/tickets/new", "/account/tokens")) {
      given().when().get(path).then().statusCode(200).header("Cache-Control", "no-store");
    }
  }
}
