package io.backupdesk.web.live;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.backupdesk.web.testing.LiveStream;
import io.backupdesk.web.testing.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live channel as a signed-in page sees it: a change made through the API arrives within two
 * seconds with ids, kind and who, and nothing of the customer; viewers come and go; events leave
 * only when their transaction commits; the stream is for signed-in accounts only.
 */
@QuarkusTest
class LiveEventsTest {

  private static final String WATCHER = "live-watcher";
  private static final String CHANGER = "live-changer";
  private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

  @TestHTTPResource("/")
  URI app;

  @Inject LiveEvents live;
  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void accounts() {
    TestData.agent(WATCHER, "agent");
    TestData.agent(CHANGER, "agent");
  }

  @Test
  void aPriorityChangedThroughTheApiReachesAnOpenPageWithinTwoSeconds() {
    long ticket = TestData.ticket().openedBy(CHANGER);
    try (var stream = LiveStream.open(app, signIn(WATCHER), "ticket:" + ticket)) {
      given()
          .auth()
          .preemptive()
          .basic(CHANGER, TestData.PASSWORD)
          .contentType(JSON)
          .body(Map.of("priority", "URGENT"))
          .when()
          .patch("/api/v1/tickets/" + ticket)
          .then()
          .statusCode(200);

      // Within two seconds of the change's response (its commit), not of the request's start.
      JsonNode event = stream.next(LiveStream.ticketEvent(ticket, "PRIORITY_CHANGED"), TWO_SECONDS);
      JsonNode payload = event.get("payload");
      assertThat(payload.get("by").asText()).isEqualTo(CHANGER);
      assertThat(payload.get("byName").asText()).isEqualTo("Live-changer");
      // Ids, kind and who: never the subject, the customer or the note's text.
      List<String> fields = new ArrayList<>();
      payload.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .containsExactlyInAnyOrder("ticket", "diagnosis", "event", "kind", "by", "byName");
    }
  }

  @Test
  void aNoteAndANewTicketAreAnnouncedToo() {
    long ticket = TestData.ticket().openedBy(CHANGER);
    try (var stream = LiveStream.open(app, signIn(WATCHER), null)) {
      given()
          .auth()
          .preemptive()
          .basic(CHANGER, TestData.PASSWORD)
          .contentType(JSON)
          .body(Map.of("body", "Customer will call back after lunch"))
          .when()
          .post("/api/v1/tickets/" + ticket + "/notes")
          .then()
          .statusCode(201);
      var note = stream.next(LiveStream.ticketEvent(ticket, "NOTE"), TWO_SECONDS);
      assertThat(note.toString()).doesNotContain("lunch");

      long opened = TestData.ticket().openedBy(CHANGER);
      stream.next(LiveStream.ticketEvent(opened, "CREATED"), TWO_SECONDS);
    }
  }

  @Test
  void viewersOfATicketAreSeenByOthersAndGoneWhenTheyLeave() {
    long ticket = TestData.ticket().openedBy(CHANGER);
    String subject = "ticket:" + ticket;
    String changer = signIn(CHANGER);
    try (var watching = LiveStream.open(app, changer, null)) {
      var viewer = LiveStream.open(app, signIn(WATCHER), subject);
      watching.next(presence(subject), TWO_SECONDS);
      given()
          .header("Cookie", changer)
          .queryParam("subject", subject)
          .when()
          .get("/live/viewers")
          .then()
          .statusCode(200)
          .body("subject", equalTo(subject))
          .body("viewers.username", equalTo(List.of(WATCHER)))
          .body("viewers.name", equalTo(List.of("Live-watcher")));

      viewer.close();
      watching.next(presence(subject), Duration.ofSeconds(5));
      given()
          .header("Cookie", changer)
          .queryParam("subject", subject)
          .when()
          .get("/live/viewers")
          .then()
          .statusCode(200)
          .body("viewers", empty());
    }
  }

  @Test
  void anAgentDoesNotSeeThemselfAsAViewer() {
    long ticket = TestData.ticket().openedBy(CHANGER);
    String watcher = signIn(WATCHER);
    try (var viewer = LiveStream.open(app, watcher, "ticket:" + ticket)) {
      given()
          .header("Cookie", watcher)
          .queryParam("subject", "ticket:" + ticket)
          .when()
          .get("/live/viewers")
          .then()
          .statusCode(200)
          .body("viewers", empty());
    }
  }

  @Test
  void publishedEventsLeaveOnCommitAndNeverOnRollback() {
    try (var stream = LiveStream.open(app, signIn(WATCHER), null)) {
      long n = TestData.unique();
      try {
        QuarkusTransaction.requiringNew()
            .run(
                () -> {
                  live.publish("incident", Map.of("incident", n, "kind", "OPENED"));
                  throw new IllegalStateException("roll back");
                });
      } catch (IllegalStateException expected) {
        // the transaction rolled back, and its notification with it
      }
      QuarkusTransaction.requiringNew()
          .run(() -> live.publish("incident", Map.of("incident", n, "kind", "RECOVERED")));

      var event = stream.next(e -> e.path("payload").path("incident").asLong() == n, TWO_SECONDS);
      assertThat(event.get("topic").asText()).isEqualTo("incident");
      assertThat(event.get("payload").get("kind").asText()).isEqualTo("RECOVERED");
    }
  }

  @Test
  void theListenerComesBackAfterLosingItsConnectionAndTellsPagesToResync() throws Exception {
    long ticket = TestData.ticket().openedBy(CHANGER);
    try (var stream = LiveStream.open(app, signIn(WATCHER), null)) {
      try (var connection = dataSource.getConnection();
          var statement = connection.createStatement()) {
        // What a database restart or a dropped network connection does to the listener.
        statement.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'backupdesk-live-listener'");
      }
      stream.next(e -> e.path("topic").asText().equals("resync"), Duration.ofSeconds(10));

      given()
          .auth()
          .preemptive()
          .basic(CHANGER, TestData.PASSWORD)
          .contentType(JSON)
          .body(Map.of("priority", "LOW"))
          .when()
          .patch("/api/v1/tickets/" + ticket)
          .then()
          .statusCode(200);
      stream.next(LiveStream.ticketEvent(ticket, "PRIORITY_CHANGED"), TWO_SECONDS);
    }
  }

  @Test
  void publishingNeedsATransactionAndSmallWellNamedPayloads() {
    assertThatThrownBy(() -> live.publish("incident", Map.of("incident", 1)))
        .isInstanceOf(TransactionalException.class);
    assertThatThrownBy(() -> inTransaction(() -> live.publish("Bad Topic", Map.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> inTransaction(() -> live.publish("incident", List.of(1, 2))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> inTransaction(() -> live.publish("incident", Map.of("text", "x".repeat(3000)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ids, not content");
  }

  @Test
  void theStreamIsForSignedInAccountsOnly() {
    assertThat(LiveStream.status(app, null)).isEqualTo(302);
    assertThat(LiveStream.status(app, "backupdesk-session=forged")).isEqualTo(302);
    given()
        .redirects()
        .follow(false)
        .queryParam("subject", "ticket:1")
        .when()
        .get("/live/viewers")
        .then()
        .statusCode(302)
        .header("Location", startsWith(app.resolve("/login").toString().replaceAll("/login$", "")));
  }

  @Test
  void aSubjectThatIsNotKindAndIdIsRefused() {
    String watcher = signIn(WATCHER);
    given()
        .header("Cookie", watcher)
        .queryParam("subject", "ticket:'; drop table ticket")
        .when()
        .get("/live/viewers")
        .then()
        .statusCode(400);
    given()
        .header("Cookie", watcher)
        .queryParam("viewing", "x".repeat(100))
        .when()
        .get("/live/events")
        .then()
        .statusCode(400);
  }

  private static void inTransaction(Runnable work) {
    QuarkusTransaction.requiringNew().run(work);
  }

  private String signIn(String username) {
    return LiveStream.signIn(app, username, TestData.PASSWORD);
  }

  private static java.util.function.Predicate<JsonNode> presence(String subject) {
    return e ->
        e.path("topic").asText().equals("presence")
            && e.path("payload").path("subject").asText().equals(subject);
  }
}
