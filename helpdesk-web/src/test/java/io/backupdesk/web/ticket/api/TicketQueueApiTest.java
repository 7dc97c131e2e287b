package io.backupdesk.web.ticket.api;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "api-agent", roles = "agent", authMechanism = "api")
class TicketQueueApiTest {

  /** A word only this test's tickets have in their subject, so other tests' rows never count. */
  String token;

  @BeforeEach
  void agents() {
    TestData.agent("api-agent");
    TestData.agent("api-colleague");
    token = "qt" + TestData.unique() + "x";
  }

  private long ticket(Priority priority) {
    return TestData.ticket()
        .priority(priority)
        .subject(token + " backup fails")
        .openedBy("api-agent");
  }

  private void patch(long id, Map<String, Object> change) {
    given()
        .contentType(JSON)
        .body(change)
        .when()
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200);
  }

  private static int i(long id) {
    return (int) id;
  }

  @Test
  void filtersByStatusPriorityAndAssignee() {
    long mine = ticket(Priority.HIGH);
    long open = ticket(Priority.LOW);
    long closed = ticket(Priority.NORMAL);
    long theirs = ticket(Priority.NORMAL);
    patch(mine, Map.of("assignee", "api-agent"));
    patch(closed, Map.of("status", "CLOSED"));
    patch(theirs, Map.of("assignee", "api-colleague"));

    given()
        .queryParam("q", token)
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(i(mine), i(open), i(closed), i(theirs)))
        .body("next", nullValue())
        .body("items[0].progress", nullValue())
        .body("counts.NEW", greaterThanOrEqualTo(3))
        .body("counts.CLOSED", greaterThanOrEqualTo(1))
        .body("counts.keySet()", hasSize(7));
    given()
        .queryParam("q", token)
        .queryParam("status", "CLOSED")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains(i(closed)))
        .body("items[0].status", equalTo("CLOSED"));
    given()
        .queryParam("q", token)
        .queryParam("priority", "high")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains(i(mine)));
    given()
        .queryParam("q", token)
        .queryParam("assigned", "mine")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains(i(mine)))
        .body("items[0].assignee", equalTo("api-agent"))
        .body("items[0].assigneeName", equalTo("Api-agent"));
    given()
        .queryParam("q", token)
        .queryParam("assigned", "UNASSIGNED")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(i(open), i(closed)))
        .body("items.assigneeName", everyItem(nullValue()));
    given()
        .queryParam("q", token)
        .queryParam("assignee", "api-colleague")
        .queryParam("status", "NEW")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains(i(theirs)));
  }

  @Test
  void anAccountCalledMineIsFilteredLikeAnyOtherAndTheKeywordsNeverMeanIt() {
    TestData.agent("mine");
    long ofTheAccountMine = ticket(Priority.NORMAL);
    long ofTheCaller = ticket(Priority.NORMAL);
    long ofNobody = ticket(Priority.NORMAL);
    patch(ofTheAccountMine, Map.of("assignee", "mine"));
    patch(ofTheCaller, Map.of("assignee", "api-agent"));

    given()
        .queryParam("q", token)
        .queryParam("assignee", "mine")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains(i(ofTheAccountMine)));
    given()
        .queryParam("q", token)
        .queryParam("assigned", "MINE")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains(i(ofTheCaller)));
    // The keyword as older clients send it still works while no account has that name.
    given()
        .queryParam("q", token)
        .queryParam("assignee", "unassigned")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains(i(ofNobody)));
    given()
        .queryParam("assignee", "mine")
        .queryParam("assigned", "MINE")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("assigned"));
    given()
        .queryParam("assigned", "SOMEONE")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("assigned"));
  }

  @Test
  void findsATicketByNumberEmailOrNameWords() {
    long n = TestData.unique();
    var email = "jo" + n + "@example.com";
    long id =
        TestData.ticket()
            .customer("Jo Vandermeer" + n, email)
            .subject(token + " iCloud full")
            .openedBy("api-agent");

    given()
        .queryParam("q", Long.toString(id))
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains(i(id)));
    given()
        .queryParam("q", "#" + id)
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains(i(id)))
        .body("items[0].customerEmail", equalTo(email));
    given()
        .queryParam("q", email.toUpperCase())
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains(i(id)));
    given()
        .queryParam("q", "jo vandermeer" + n)
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains(i(id)))
        .body("items[0].customerName", equalTo("Jo Vandermeer" + n));
    given()
        .queryParam("q", token + " icloud")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.id", contains(i(id)));
    given()
        .queryParam("q", "Vandermeer" + n + " nobodyelse")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
  }

  @Test
  void aCursorWalksEveryTicketExactlyOnce() {
    var opened = new ArrayList<Integer>();
    for (int k = 0; k < 5; k++) {
      opened.add(i(ticket(Priority.NORMAL)));
    }
    for (String sort : List.of("UPDATED_DESC", "CREATED_ASC")) {
      var seen = new ArrayList<Integer>();
      String after = null;
      int pages = 0;
      do {
        var request = given().queryParam("q", token).queryParam("limit", 2);
        request = request.queryParam("sort", sort);
        if (after != null) {
          request = request.queryParam("after", after);
        }
        var page = request.when().get("/api/v1/tickets").then().statusCode(200).extract();
        List<Integer> ids = page.path("items.id");
        assertThat(ids).hasSizeLessThanOrEqualTo(2).isNotEmpty();
        seen.addAll(ids);
        after = page.path("next");
        pages++;
      } while (after != null && pages < 10);

      assertThat(pages).as("pages in " + sort).isEqualTo(3);
      assertThat(seen).as("tickets in " + sort).doesNotHaveDuplicates();
      assertThat(seen).as("tickets in " + sort).containsExactlyInAnyOrderElementsOf(opened);
      if (sort.equals("CREATED_ASC")) {
        assertThat(seen).containsExactlyElementsOf(opened);
      }
    }
  }

  @Test
  void theFirstPageOfTwoCarriesACursor() {
    ticket(Priority.NORMAL);
    ticket(Priority.NORMAL);
    given()
        .queryParam("q", token)
        .queryParam("limit", "1")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("next", notNullValue());
  }

  @Test
  void badQueryParametersAreA400NamingThem() {
    given()
        .queryParam("status", "SOLVED")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("status"))
        .body("detail", containsString("'SOLVED' is not one of [NEW, IN_DIAGNOSIS"));
    given()
        .queryParam("sort", "SIDEWAYS")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("sort"));
    given()
        .queryParam("limit", "lots")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(400)
        .body("detail", equalTo("limit must be a whole number, not 'lots'."));
    given()
        .queryParam("limit", "500")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(400)
        .body("detail", equalTo("Ask for at most 200 tickets a page."));
    given()
        .queryParam("after", "not-a-cursor")
        .when()
        .get("/api/v1/tickets")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("after"));
  }
}
