package io.backupdesk.web.ticket.api;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.backupdesk.web.ticket.TicketClocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ticket's clock over the API: due times from the configured targets, the first response,
 * overdue flags, the due-first order and follow-up dates.
 */
@QuarkusTest
@TestSecurity(user = "clock-agent", roles = "agent", authMechanism = "api")
class TicketTimeTargetsTest {

  @Inject TestDiagnoses diagnoses;
  @Inject TicketClocks clocks;
  @Inject EntityManager em;

  String token;

  @BeforeEach
  void setUp() {
    TestData.agent("clock-agent");
    token = "clk" + TestData.unique() + "x";
  }

  private long ticket(Priority priority) {
    return TestData.ticket().priority(priority).subject(token + " backup").openedBy("clock-agent");
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  /** Moves a ticket's history back in time (as if opened {@code ago} earlier), then re-checks. */
  private void age(long id, Duration ago) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE ticket SET created_at = created_at - make_interval(secs => :s),"
                            + " status_since = status_since - make_interval(secs => :s),"
                            + " first_response_at = first_response_at - make_interval(secs => :s)"
                            + " WHERE id = :id")
                    .setParameter("s", (double) ago.toSeconds())
                    .setParameter("id", id)
                    .executeUpdate());
    clocks.reconcile();
  }

  private io.restassured.response.ValidatableResponse read(long id) {
    return given().get("/api/v1/tickets/" + id).then().statusCode(200);
  }

  @Test
  void aNewTicketIsDueByItsPrioritysFirstResponseTarget() {
    long id = ticket(Priority.URGENT);
    var json = read(id).body("firstResponseAt", nullValue()).extract().jsonPath();
    Instant created = at(json.getString("createdAt"));
    assertThat(at(json.getString("dueAt"))).isEqualTo(created.plus(Duration.ofMinutes(30)));
    assertThat(at(json.getString("statusSince"))).isEqualTo(created);
  }

  @Test
  void startingADiagnosisIsTheFirstResponseAndTheResolutionTargetTakesOver() {
    long id = ticket(Priority.HIGH);
    diagnoses.start(id, "clock-agent");
    var json = read(id).body("firstResponseAt", notNullValue()).extract().jsonPath();
    Instant created = at(json.getString("createdAt"));
    assertThat(at(json.getString("dueAt"))).isEqualTo(created.plus(Duration.ofHours(8)));
    assertThat(json.getString("status")).isEqualTo("IN_DIAGNOSIS");
  }

  @Test
  void aNoteOrTakingTheTicketIsNotAnAnswerToTheCustomer() {
    long id = ticket(Priority.NORMAL);
    given()
        .contentType(JSON)
        .body(Map.of("body", "Called, no answer"))
        .post("/api/v1/tickets/" + id + "/notes")
        .then()
        .statusCode(201);
    given()
        .contentType(JSON)
        .body(Map.of("assignee", "clock-agent"))
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200);
    read(id).body("firstResponseAt", nullValue());
  }

  @Test
  void theQueueFlagsOverdueTicketsAndSortsByDueTime() {
    long normal = ticket(Priority.NORMAL); // first response due in 4 h
    long urgent = ticket(Priority.URGENT); // in 30 min
    long low = ticket(Priority.LOW); // in 8 h
    long closed = ticket(Priority.URGENT);
    given()
        .contentType(JSON)
        .body(Map.of("status", "CLOSED"))
        .patch("/api/v1/tickets/" + closed)
        .then()
        .statusCode(200);
    age(normal, Duration.ofHours(5));

    given()
        .queryParam("q", token)
        .queryParam("sort", "DUE_ASC")
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        // The closed ticket has nothing due; the overdue one comes first.
        .body("items.id", contains((int) normal, (int) urgent, (int) low))
        .body("items[0].overdue", equalTo(true))
        .body("items[0].dueFor", equalTo("FIRST_RESPONSE"))
        .body("items[1].overdue", equalTo(false));

    // Keyset paging walks the same order.
    String next =
        given()
            .queryParam("q", token)
            .queryParam("sort", "DUE_ASC")
            .queryParam("limit", 2)
            .get("/api/v1/tickets")
            .then()
            .statusCode(200)
            .body("items.id", contains((int) normal, (int) urgent))
            .extract()
            .path("next");
    given()
        .queryParam("q", token)
        .queryParam("sort", "DUE_ASC")
        .queryParam("limit", 2)
        .queryParam("after", next)
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains((int) low));
  }

  @Test
  void aFollowUpDateIsForATicketWaitingOnTheCustomer() {
    long id = ticket(Priority.NORMAL);
    Instant later =
        Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    int version = read(id).extract().path("version");

    // Not waiting on the customer yet: refused, with the ticket as it is.
    given()
        .contentType(JSON)
        .body(Map.of("followUpAt", later.toString(), "version", version))
        .put("/api/v1/tickets/" + id + "/follow-up")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/not-waiting-on-customer"));

    version =
        given()
            .contentType(JSON)
            .body(Map.of("status", "WAITING_ON_CUSTOMER", "version", version))
            .patch("/api/v1/tickets/" + id)
            .then()
            .statusCode(200)
            .extract()
            .path("version");

    given()
        .contentType(JSON)
        .body(Map.of("followUpAt", Instant.now().minusSeconds(60).toString(), "version", version))
        .put("/api/v1/tickets/" + id + "/follow-up")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-input"));
    given()
        .contentType(JSON)
        .body(Map.of("followUpAt", Instant.now().plus(Duration.ofDays(91)).toString()))
        .put("/api/v1/tickets/" + id + "/follow-up")
        .then()
        .statusCode(400);

    int saved =
        given()
            .contentType(JSON)
            .body(Map.of("followUpAt", later.toString(), "version", version))
            .put("/api/v1/tickets/" + id + "/follow-up")
            .then()
            .statusCode(200)
            .body("followUpAt", equalTo(later.toString()))
            .extract()
            .path("version");
    assertThat(saved).isGreaterThan(version);

    // The version the agent saw is stale now: 409, nothing written.
    given()
        .contentType(JSON)
        .body(Map.of("followUpAt", later.plusSeconds(3600).toString(), "version", version))
        .put("/api/v1/tickets/" + id + "/follow-up")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/stale-version"));

    // Not flagged before its date; flagged once the date has come.
    given()
        .queryParam("q", token)
        .get("/api/v1/tickets")
        .then()
        .body("items[0].followUpNeeded", equalTo(false))
        .body("items[0].followUpAt", equalTo(later.toString()));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE ticket SET created_at = created_at - interval '3 days',"
                            + " follow_up_at = now() - interval '1 minute' WHERE id = :id")
                    .setParameter("id", id)
                    .executeUpdate());
    given()
        .queryParam("q", token)
        .get("/api/v1/tickets")
        .then()
        .body("items[0].followUpNeeded", equalTo(true));

    // Moving on from waiting drops the date.
    given()
        .contentType(JSON)
        .body(Map.of("status", "NEW"))
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .body("followUpAt", nullValue());
  }

  @Test
  void aTicketWaitingLongWithNoFollowUpIsFlagged() {
    long id = ticket(Priority.LOW);
    given()
        .contentType(JSON)
        .body(Map.of("status", "WAITING_ON_CUSTOMER"))
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200);
    given()
        .queryParam("q", token)
        .get("/api/v1/tickets")
        .then()
        .body("items[0].followUpNeeded", equalTo(false));
    age(id, Duration.ofDays(4));
    given()
        .queryParam("q", token)
        .get("/api/v1/tickets")
        .then()
        .body("items[0].followUpNeeded", equalTo(true));
  }

  @Test
  void theQueueSearchFindsDeviceModelsAtAWordBoundary() {
    String agent = TestData.agent("model-" + TestData.unique());
    var ids = new HashMap<String, Long>();
    for (String model : new String[] {"iPhone 8", "iPhone 8 Plus", "iPhone 15", "iPhone X"}) {
      String ios = model.equals("iPhone 15") ? "17.5" : "16.7";
      long id =
          TestData.ticket().device(model, ios).subject("Backup stuck " + token).openedBy(agent);
      given()
          .contentType(JSON)
          .body(Map.of("assignee", agent))
          .patch("/api/v1/tickets/" + id)
          .then()
          .statusCode(200);
      ids.put(model, id);
    }
    given()
        .queryParam("q", "iphone 8")
        .queryParam("assignee", agent)
        .queryParam("sort", "CREATED_ASC")
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body(
            "items.id",
            contains(ids.get("iPhone 8").intValue(), ids.get("iPhone 8 Plus").intValue()));
    given()
        .queryParam("q", "iPhone 8 Plus")
        .queryParam("assignee", agent)
        .get("/api/v1/tickets")
        .then()
        .body("items.id", contains(ids.get("iPhone 8 Plus").intValue()));
  }
}
