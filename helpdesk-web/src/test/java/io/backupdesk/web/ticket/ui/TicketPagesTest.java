package io.backupdesk.web.ticket.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestTickets;
import io.backupdesk.web.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "pages-agent", roles = "agent", authMechanism = "form")
class TicketPagesTest {

  @org.junit.jupiter.api.BeforeAll
  static void formsCarryTheCsrfToken() {
    io.backupdesk.web.testing.CsrfForms.enable();
  }

  @Inject TestTickets tickets;

  @BeforeEach
  void account() {
    TestData.agent("pages-agent");
  }

  /** Reads the ticket in a transaction of its own, past the test's request-scoped session. */
  private Ticket fresh(long id) {
    return QuarkusTransaction.requiringNew().call(() -> tickets.get(id));
  }

  private int version(long id) {
    return fresh(id).version;
  }

  @Test
  void aRejectedNewTicketComesBackWithMessagesNextToTheFieldsAndWhatWasTyped() {
    given()
        .formParam("customerName", "Ada Typed")
        .formParam("customerEmail", "not-an-email")
        .formParam("customerPhone", "")
        .formParam("deviceModel", "iPhone 8")
        .formParam("iosVersion", "")
        .formParam("channel", "CHAT")
        .formParam("priority", "HIGH")
        .formParam("subject", "Backup stuck since Monday")
        .formParam("description", "Says the storage is full")
        .when()
        .post("/tickets")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(400)
        .body(
            allOf(
                containsString("Write the address as name@example.com"),
                containsString("id=\"customerEmail-error\""),
                containsString("Enter the iOS version, e.g. 17.5"),
                containsString("value=\"Ada Typed\""),
                containsString("value=\"not-an-email\""),
                containsString("value=\"Backup stuck since Monday\""),
                containsString("Says the storage is full</textarea>"),
                containsString("<option value=\"iPhone 8\" selected>"),
                containsString("<option value=\"CHAT\" selected>"),
                containsString("<option value=\"HIGH\" selected>"),
                not(containsString("Enter the customer"))));
  }

  @Test
  void aValidNewTicketRedirectsToItsPage() {
    long n = TestData.unique();
    String location =
        given()
            .redirects()
            .follow(false)
            .formParam("customerName", "Bo Valid " + n)
            .formParam("customerEmail", "bo" + n + "@example.com")
            .formParam("deviceModel", "Other")
            .formParam("iosVersion", "16.7")
            .formParam("channel", "PHONE")
            .formParam("priority", "NORMAL")
            .formParam("subject", "No backup " + n)
            .when()
            .post("/tickets")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    assertThat(location).matches(".*/tickets/\\d+$");

    given()
        .when()
        .get(location)
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("Bo Valid " + n),
                containsString("bo" + n + "@example.com"),
                containsString("iOS 16.7"),
                containsString("No backup " + n),
                containsString("Start diagnosis")));
  }

  @Test
  void theTimelineListsWhatHappenedWithTheNotesBodies() {
    long id = TestData.ticket().openedBy("pages-agent");
    int version = version(id);

    given()
        .redirects()
        .follow(false)
        .formParam("body", "Customer calls back after lunch.\nPrefers chat.")
        .post("/tickets/{id}/notes", id)
        .then()
        .statusCode(303)
        .header("Location", endsWith("/tickets/" + id));
    version = version(id);
    given()
        .redirects()
        .follow(false)
        .formParam("version", version)
        .formParam("assignee", "pages-agent")
        .post("/tickets/{id}/assignee", id)
        .then()
        .statusCode(303);
    version = version(id);
    given()
        .redirects()
        .follow(false)
        .formParam("version", version)
        .formParam("priority", "URGENT")
        .post("/tickets/{id}/priority", id)
        .then()
        .statusCode(303);

    given()
        .get("/tickets/{id}", id)
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("Ticket opened by phone: iPhone 8 on iOS 16.7"),
                // The note's text once, under a label (not its first line again as a summary).
                containsString("<p class=\"entry-label\">Note</p>"),
                containsString("Customer calls back after lunch."),
                not(containsString("Note: Customer calls back after lunch.")),
                containsString("Prefers chat."),
                containsString("Pages-agent took the ticket"),
                containsString("Priority Normal → Urgent")));
  }

  @Test
  void aStaleVersionShowsThePageAgainWithAClearMessageAndChangesNothing() {
    long id = TestData.ticket().openedBy("pages-agent");
    int seen = version(id);
    given()
        .redirects()
        .follow(false)
        .formParam("version", seen)
        .formParam("priority", "HIGH")
        .post("/tickets/{id}/priority", id)
        .then()
        .statusCode(303);

    given()
        .formParam("version", seen)
        .formParam("priority", "LOW")
        .post("/tickets/{id}/priority", id)
        .then()
        .statusCode(409)
        .body(
            allOf(
                containsString("role=\"alert\""),
                containsString("changed this ticket at"),
                containsString("Ticket #" + id)));
    assertThat(fresh(id).priority).isEqualTo(Priority.HIGH);
  }

  @Test
  void closingAndReopeningMoveTheTicketAndShowOnTheTimeline() {
    long id = TestData.ticket().openedBy("pages-agent");
    given()
        .redirects()
        .follow(false)
        .formParam("version", version(id))
        .formParam("status", "CLOSED")
        .post("/tickets/{id}/status", id)
        .then()
        .statusCode(303);
    given()
        .get("/tickets/{id}", id)
        .then()
        .body(allOf(containsString("Reopen ticket"), not(containsString("Close ticket"))));
    given()
        .redirects()
        .follow(false)
        .formParam("version", version(id))
        .formParam("status", "NEW")
        .post("/tickets/{id}/status", id)
        .then()
        .statusCode(303);
    given()
        .get("/tickets/{id}", id)
        .then()
        .body(allOf(containsString("Closed"), containsString("Reopened (was Closed)")));
  }

  @Test
  void anEmptyNoteIsRefusedNextToTheField() {
    long id = TestData.ticket().openedBy("pages-agent");
    given()
        .formParam("body", "   ")
        .post("/tickets/{id}/notes", id)
        .then()
        .statusCode(400)
        .body(containsString("A note cannot be empty"));
  }

  @Test
  void theCustomersOtherTicketsAreLinked() {
    long n = TestData.unique();
    long first =
        TestData.ticket()
            .customer("Cy Twice " + n, "cy" + n + "@example.com")
            .openedBy("pages-agent");
    long second =
        TestData.ticket()
            .customer("Cy Twice " + n, "cy" + n + "@example.com")
            .openedBy("pages-agent");
    given()
        .get("/tickets/{id}", second)
        .then()
        .statusCode(200)
        .body(containsString("<a href=\"/tickets/" + first + "\">#" + first + "</a>"));
  }

  @Test
  void anUnknownAddressIsAFriendly404PageEvenWhenSignedIn() {
    given()
        .when()
        .get("/no-such-page")
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"))
        .body(containsString("Nothing lives at /no-such-page"));
  }
}
