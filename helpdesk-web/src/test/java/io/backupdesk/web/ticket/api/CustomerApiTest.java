package io.backupdesk.web.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "api-agent", roles = "agent", authMechanism = "api")
class CustomerApiTest {

  long n;
  String email;
  long first;
  long second;

  @BeforeEach
  void customerWithTwoTickets() {
    TestData.agent("api-agent");
    n = TestData.unique();
    email = "kim" + n + "@example.com";
    first =
        TestData.ticket()
            .customer("Kim Lookup", email)
            .subject("First contact " + n)
            .openedBy("api-agent");
    second =
        TestData.ticket()
            .customer("Kim Lookup", email)
            .subject("Second contact " + n)
            .openedBy("api-agent");
  }

  @Test
  void findsACustomerByEmailInAnyCaseWithTheirTicketsNewestFirst() {
    int id =
        given()
            .queryParam("email", email.toUpperCase())
            .when()
            .get("/api/v1/customers")
            .then()
            .statusCode(200)
            .body("name", equalTo("Kim Lookup"))
            .body("email", equalTo(email))
            .body("createdAt", matchesPattern("\\d{4}-.*Z"))
            .body("tickets", hasSize(2))
            .body("tickets.id", contains((int) second, (int) first))
            .body("tickets[1].subject", equalTo("First contact " + n))
            .body("tickets[1].status", equalTo("NEW"))
            .body("tickets[1].createdAt", matchesPattern("\\d{4}-.*Z"))
            .extract()
            .path("id");

    given()
        .when()
        .get("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .body("email", equalTo(email))
        .body("tickets.id", contains((int) second, (int) first));
  }

  @Test
  void anUnknownEmailOrIdIsA404() {
    given()
        .queryParam("email", "nobody" + n + "@example.com")
        .when()
        .get("/api/v1/customers")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body(
            "detail",
            equalTo("A customer with e-mail nobody" + n + "@example.com does not exist."));
    given()
        .when()
        .get("/api/v1/customers/999999997")
        .then()
        .statusCode(404)
        .body("detail", equalTo("Customer 999999997 does not exist."));
  }

  @Test
  void aLookupWithoutEmailIsA400() {
    given()
        .when()
        .get("/api/v1/customers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("email"));
  }
}
