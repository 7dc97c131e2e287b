package io.backupdesk.web.ticket.api;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * What people do at the same moment must neither fail nor conflict where nothing they edit
 * overlaps: first tickets for one new e-mail address, tickets for a known customer, notes beside a
 * colleague's priority or assignee change made from the page they loaded before the notes.
 * Repeated, since a race shows only now and then.
 */
@QuarkusTest
@TestSecurity(user = "busy-agent", roles = "agent", authMechanism = "api")
class TicketConcurrencyTest {

  private static final int AT_ONCE = 20;

  @BeforeEach
  void accounts() {
    TestData.agent("busy-agent");
    TestData.agent("busy-colleague");
  }

  private static Map<String, Object> ticket(String email, int i) {
    var body = new HashMap<String, Object>();
    body.put("customerName", "Race Customer " + i);
    body.put("customerEmail", email);
    body.put("deviceModel", "iPhone 14");
    body.put("iosVersion", "17.5");
    body.put("channel", "CHAT");
    body.put("subject", "Backup stuck " + i);
    return body;
  }

  @RepeatedTest(3)
  void twentyFirstTicketsAtOnceForOneNewAddressAreAllOpenedForOneCustomer() {
    String email = "first.race" + TestData.unique() + "@example.com";
    var answers =
        atOnce(
            AT_ONCE,
            i ->
                given()
                    .contentType(JSON)
                    .body(ticket(i % 2 == 0 ? email : email.toUpperCase(), i))
                    .when()
                    .post("/api/v1/tickets")
                    .andReturn());

    assertThat(answers).extracting(Response::statusCode).containsOnly(201);
    assertThat(answers.stream().map(a -> a.jsonPath().getLong("customer.id")).distinct())
        .hasSize(1);
    long customer = answers.get(0).jsonPath().getLong("customer.id");
    given()
        .when()
        .get("/api/v1/customers/" + customer)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("tickets")
        .hashCode(); // read back: the customer and all its tickets are stored
    assertThat(given().get("/api/v1/customers/" + customer).jsonPath().getList("tickets"))
        .hasSize(AT_ONCE);
  }

  @RepeatedTest(3)
  void ticketsForAKnownCustomerAtOnceDoNotConflict() {
    String email = "known.race" + TestData.unique() + "@example.com";
    given().contentType(JSON).body(ticket(email, 0)).post("/api/v1/tickets").then().statusCode(201);

    var answers =
        atOnce(
            AT_ONCE,
            i ->
                given()
                    .contentType(JSON)
                    .body(ticket(email, i + 1))
                    .when()
                    .post("/api/v1/tickets")
                    .andReturn());

    assertThat(answers).extracting(Response::statusCode).containsOnly(201);
    assertThat(answers)
        .extracting(a -> a.jsonPath().getString("customer.name"))
        .containsOnly("Race Customer 0");
  }

  @RepeatedTest(3)
  void notesDoNotMakeAColleaguesPriorityOrAssigneeFormStale() {
    long ticket = TestData.ticket().openedBy("busy-agent");
    String url = "/api/v1/tickets/" + ticket;
    int seen = given().get(url).then().statusCode(200).extract().path("version");

    var answers =
        atOnce(
            AT_ONCE,
            i ->
                switch (i) {
                  case 0 ->
                      given()
                          .contentType(JSON)
                          .body(Map.of("priority", "URGENT", "version", seen))
                          .when()
                          .patch(url)
                          .andReturn();
                  case 1 ->
                      given()
                          .contentType(JSON)
                          .body(Map.of("assignee", "busy-colleague", "version", seen))
                          .when()
                          .patch(url)
                          .andReturn();
                  default ->
                      given()
                          .contentType(JSON)
                          .body(Map.of("body", "Called the customer back (" + i + ")"))
                          .when()
                          .post(url + "/notes")
                          .andReturn();
                });

    // The two form changes share one version: one wins, the other is a real conflict. The notes
    // are neither, and never make either change stale.
    assertThat(answers.subList(2, AT_ONCE)).extracting(Response::statusCode).containsOnly(201);
    assertThat(answers.subList(0, 2))
        .extracting(Response::statusCode)
        .containsExactlyInAnyOrder(200, 409);
    var after = given().get(url).then().statusCode(200).extract().jsonPath();
    assertThat(after.getInt("version")).isEqualTo(seen + 1);

    // And a change made from the page loaded before all those notes still goes through.
    int now = after.getInt("version");
    for (int i = 0; i < 3; i++) {
      given()
          .contentType(JSON)
          .body(Map.of("body", "One more note " + i))
          .post(url + "/notes")
          .then()
          .statusCode(201);
    }
    given()
        .contentType(JSON)
        .body(Map.of("priority", "LOW", "version", now))
        .when()
        .patch(url)
        .then()
        .statusCode(200);
  }

  /** Runs the calls on threads released together; the answers in call order. */
  private static List<Response> atOnce(int n, IntFunction<Response> call) {
    var pool = Executors.newFixedThreadPool(n);
    var ready = new CountDownLatch(n);
    var gate = new CountDownLatch(1);
    try {
      var futures = new ArrayList<Future<Response>>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<Response> task =
            () -> {
              ready.countDown();
              gate.await();
              return call.apply(index);
            };
        futures.add(pool.submit(task));
      }
      ready.await(30, TimeUnit.SECONDS);
      gate.countDown();
      var answers = new ArrayList<Response>();
      for (var future : futures) {
        answers.add(future.get(120, TimeUnit.SECONDS));
      }
      return answers;
    } catch (Exception e) {
      throw new IllegalStateException("A call at once failed", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
