package io.backupdesk.web.ticket.api;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "api-agent", roles = "agent", authMechanism = "api")
class TicketApiTest {

  private static final String ISO_INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

  @BeforeEach
  void agents() {
    TestData.agent("api-agent");
    TestData.agent("api-colleague");
  }

  private static Map<String, Object> newTicket(long n) {
    var body = new HashMap<String, Object>();
    body.put("customerName", "Robin Api " + n);
    body.put("customerEmail", "robin" + n + "@example.com");
    body.put("customerPhone", "+44 20 7946 0000");
    body.put("deviceModel", "iPhone 15");
    body.put("iosVersion", "17.5.1");
    body.put("channel", "CHAT");
    body.put("priority", "HIGH");
    body.put("subject", "Backup stuck at 'estimating time' (" + n + ")");
    body.put("description", "It never finishes.");
    return body;
  }

  @Test
  void opensATicketWithLocationEtagAndIsoTimes() {
    long n = TestData.unique();
    var location =
        given()
            .contentType(JSON)
            .body(newTicket(n))
            .when()
            .post("/api/v1/tickets")
            .then()
            .statusCode(201)
            .header("ETag", equalTo("\"0\""))
            .header("Location", matchesPattern(".*/api/v1/tickets/\\d+$"))
            .body("status", equalTo("NEW"))
            .body("priority", equalTo("HIGH"))
            .body("channel", equalTo("CHAT"))
            .body("customer.email", equalTo("robin" + n + "@example.com"))
            .body("createdBy", equalTo("api-agent"))
            .body("assignee", nullValue())
            .body("createdAt", matchesPattern(ISO_INSTANT))
            .extract()
            .header("Location");

    given()
        .when()
        .get(location)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"0\""))
        .body("subject", containsString("(" + n + ")"))
        .body("deviceModel", equalTo("iPhone 15"))
        .body("updatedAt", matchesPattern(ISO_INSTANT));
  }

  @Test
  void aReturningCustomerIsReusedWhateverTheCaseOfTheirEmail() {
    long n = TestData.unique();
    int first =
        given()
            .contentType(JSON)
            .body(newTicket(n))
            .when()
            .post("/api/v1/tickets")
            .then()
            .statusCode(201)
            .extract()
            .path("customer.id");
    var again = newTicket(n);
    again.put("customerEmail", "ROBIN" + n + "@Example.com");

    given()
        .contentType(JSON)
        .body(again)
        .when()
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .body("customer.id", equalTo(first));
  }

  @Test
  void anInvalidTicketIsRefusedNamingEveryField() {
    var body = newTicket(TestData.unique());
    body.remove("customerName");
    body.put("customerEmail", "not-an-address");
    body.put("iosVersion", "seventeen");

    given()
        .contentType(JSON)
        .body(body)
        .when()
        .post("/api/v1/tickets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Invalid input"))
        .body("errors.field", contains("customerEmail", "customerName", "iosVersion"))
        .body("detail", containsString("customerName: Enter the customer's name"))
        .body("instance", equalTo("/api/v1/tickets"));
  }

  @Test
  void anUnknownEnumValueIsA400NamingTheField() {
    var body = newTicket(TestData.unique());
    body.put("channel", "CARRIER_PIGEON");

    given()
        .contentType(JSON)
        .body(body)
        .when()
        .post("/api/v1/tickets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("'CARRIER_PIGEON' is not one of [PHONE, CHAT, EMAIL]"))
        .body("detail", containsString("channel"));
  }

  @Test
  void aBodyThatIsNotJsonIsA400() {
    given()
        .contentType(JSON)
        .body("{\"customerName\": \"Robin\",")
        .when()
        .post("/api/v1/tickets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed-json"))
        .body("detail", containsString("not valid JSON"));
  }

  @Test
  void anEmptyBodyIsA400() {
    given()
        .contentType(JSON)
        .when()
        .post("/api/v1/tickets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("Send the ticket as a JSON object"));
  }

  @Test
  void aBodyInAnotherMediaTypeIsA415() {
    given()
        .contentType("text/plain")
        .body("customerName=Robin")
        .when()
        .post("/api/v1/tickets")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("detail", equalTo("Send the body as application/json."));
  }

  @Test
  void anUnknownTicketIsA404Problem() {
    given()
        .when()
        .get("/api/v1/tickets/999999999")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("Ticket 999999999 does not exist."));
    given()
        .when()
        .get("/api/v1/tickets/999999999/timeline")
        .then()
        .statusCode(404)
        .body("detail", equalTo("Ticket 999999999 does not exist."));
    given()
        .contentType(JSON)
        .body(Map.of("priority", "LOW"))
        .when()
        .patch("/api/v1/tickets/999999999")
        .then()
        .statusCode(404)
        .body("detail", equalTo("Ticket 999999999 does not exist."));
  }

  @Test
  void patchChangesPriorityAndAssigneeAndBumpsTheVersion() {
    long id = TestData.ticket().openedBy("api-agent");

    given()
        .contentType(JSON)
        .body(Map.of("priority", "URGENT", "assignee", "api-colleague", "version", 0))
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo("\"0\"")))
        .body("priority", equalTo("URGENT"))
        .body("assignee", equalTo("api-colleague"))
        .body("version", not(equalTo(0)));

    given()
        .contentType(JSON)
        .body(Map.of("unassign", true))
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .body("assignee", nullValue());

    given()
        .when()
        .get("/api/v1/tickets/" + id + "/timeline")
        .then()
        .statusCode(200)
        .body("events.kind", contains("CREATED", "PRIORITY_CHANGED", "ASSIGNED", "ASSIGNED"))
        .body("events[1].summary", equalTo("Priority Normal → Urgent"))
        .body("events[2].summary", equalTo("Assigned to Api-colleague"))
        .body("events[3].summary", equalTo("Unassigned (was api-colleague)"))
        .body("events.actor", everyItem(equalTo("api-agent")));
  }

  @Test
  void patchWithAStaleIfMatchIsA409WithTheCurrentStateAndChangesNothing() {
    long id = TestData.ticket().openedBy("api-agent");
    var etag =
        given()
            .contentType(JSON)
            .body(Map.of("priority", "HIGH"))
            .when()
            .patch("/api/v1/tickets/" + id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");

    given()
        .contentType(JSON)
        .header("If-Match", "\"0\"")
        .body(Map.of("priority", "LOW"))
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/stale-version"))
        .body("detail", containsString("you had version 0"))
        .body("currentState.version", equalTo(Integer.parseInt(etag.replace("\"", ""))))
        .body("currentState.priority", equalTo("HIGH"))
        .body("currentState.createdAt", matchesPattern(ISO_INSTANT));

    given()
        .when()
        .get("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(etag))
        .body("priority", equalTo("HIGH"));

    given()
        .contentType(JSON)
        .header("If-Match", etag)
        .body(Map.of("priority", "LOW"))
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .body("priority", equalTo("LOW"));
  }

  @Test
  void patchWithAStaleBodyVersionIsA409Too() {
    long id = TestData.ticket().openedBy("api-agent");
    given()
        .contentType(JSON)
        .body(Map.of("priority", "HIGH"))
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200);

    given()
        .contentType(JSON)
        .body(Map.of("status", "CLOSED", "version", 0))
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(409)
        .body("currentState.status", equalTo("NEW"))
        .body("currentState.version", equalTo(1));
  }

  @Test
  void patchRefusesAnIllegalStatusMoveAndContradictoryVersions() {
    long id = TestData.ticket().openedBy("api-agent");

    given()
        .contentType(JSON)
        .body(Map.of("status", "RESOLVED"))
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/illegal-ticket-transition"))
        .body("detail", containsString("A ticket that is New cannot become Resolved"))
        .body("currentState.status", equalTo("NEW"));

    given()
        .contentType(JSON)
        .header("If-Match", "\"3\"")
        .body(Map.of("priority", "LOW", "version", 0))
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("version"));

    given()
        .contentType(JSON)
        .body(Map.of("status", "SOLVED"))
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(400)
        .body("detail", containsString("'SOLVED' is not one of"));
  }

  @Test
  void closingAndReopeningShowOnTheTimeline() {
    long id = TestData.ticket().openedBy("api-agent");
    given()
        .contentType(JSON)
        .body(Map.of("status", "CLOSED"))
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"))
        .body("closedAt", matchesPattern(ISO_INSTANT));
    given()
        .contentType(JSON)
        .body(Map.of("status", "NEW"))
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("NEW"))
        .body("closedAt", nullValue());

    given()
        .when()
        .get("/api/v1/tickets/" + id + "/timeline")
        .then()
        .statusCode(200)
        .body("events.kind", contains("CREATED", "CLOSED", "REOPENED"));
  }

  @Test
  void assigningToSomebodyUnknownIsA404NamingThem() {
    long id = TestData.ticket().openedBy("api-agent");
    given()
        .contentType(JSON)
        .body(Map.of("assignee", "nobody-here"))
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(404)
        .body("detail", equalTo("Agent nobody-here does not exist."));
  }

  @Test
  void aNoteLandsOnTheTimeline() {
    long id = TestData.ticket().openedBy("api-agent");

    given()
        .contentType(JSON)
        .body(Map.of("body", "Customer will call back after lunch.\nPrefers chat."))
        .when()
        .post("/api/v1/tickets/" + id + "/notes")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/tickets/" + id + "/timeline"))
        .body("kind", equalTo("NOTE"))
        .body("actor", equalTo("api-agent"))
        .body("summary", equalTo("Note: Customer will call back after lunch."))
        .body("body", equalTo("Customer will call back after lunch.\nPrefers chat."))
        .body("at", matchesPattern(ISO_INSTANT));

    given()
        .when()
        .get("/api/v1/tickets/" + id + "/timeline")
        .then()
        .statusCode(200)
        .body("ticketId", equalTo((int) id))
        .body("events.kind", contains("CREATED", "NOTE"))
        .body("events[0].summary", equalTo("Ticket opened by phone: iPhone 8 on iOS 16.7"))
        .body("events[0].body", nullValue())
        .body("events.at", everyItem(matchesPattern(ISO_INSTANT)))
        .body("events.kind", not(hasItem("ASSIGNED")));
  }

  @Test
  void aBlankNoteIsRefused() {
    long id = TestData.ticket().openedBy("api-agent");
    given()
        .contentType(JSON)
        .body(Map.of("body", "   "))
        .when()
        .post("/api/v1/tickets/" + id + "/notes")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("body"))
        .body("errors[0].message", equalTo("A note cannot be empty: write what happened."));
  }

  @Test
  void anEmptyPatchChangesNothing() {
    long id = TestData.ticket().openedBy("api-agent");
    given()
        .contentType(JSON)
        .body("{}")
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"0\""))
        .body("status", equalTo("NEW"));
  }

  @Test
  void aMethodTheAddressDoesNotAcceptIsA405Problem() {
    long id = TestData.ticket().openedBy("api-agent");
    given()
        .when()
        .delete("/api/v1/tickets/" + id)
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("detail", equalTo("This address does not accept that method."));
  }
}
