package io.backupdesk.web.ticket.api;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A known customer is never renamed by a new ticket, a name changes only by an explicit correction
 * that the timeline records, and input the database would refuse is refused first with the field
 * named: an e-mail address outside the shared rule, a phone the device catalogue does not know.
 */
@QuarkusTest
@TestSecurity(user = "cust-agent", roles = "agent", authMechanism = "api")
class CustomerAndDeviceApiTest {

  @BeforeEach
  void account() {
    TestData.agent("cust-agent");
  }

  private static Map<String, Object> ticket(String name, String email) {
    var body = new HashMap<String, Object>();
    body.put("customerName", name);
    body.put("customerEmail", email);
    body.put("deviceModel", "iPhone 13");
    body.put("iosVersion", "17.4.1");
    body.put("channel", "PHONE");
    body.put("subject", "Backup fails");
    return body;
  }

  private static io.restassured.response.Response open(Map<String, Object> body) {
    return given().contentType(JSON).body(body).when().post("/api/v1/tickets").andReturn();
  }

  @Test
  void aSecondTicketWithTheSameAddressInAnotherCaseKeepsTheCustomersName() {
    long n = TestData.unique();
    long customer =
        open(ticket("Dana Original", "dana.keep" + n + "@example.com"))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("customer.id");

    open(ticket("Someone Else", "DANA.Keep" + n + "@Example.COM"))
        .then()
        .statusCode(201)
        .body("customer.id", equalTo((int) customer))
        .body("customer.name", equalTo("Dana Original"));

    given()
        .when()
        .get("/api/v1/customers/" + customer)
        .then()
        .statusCode(200)
        .body("name", equalTo("Dana Original"))
        .body("version", equalTo(0))
        .body("tickets.size()", equalTo(2));
  }

  @Test
  void correctingANameIsAnExplicitEditThatEveryTicketOfTheCustomerRecords() {
    long n = TestData.unique();
    String email = "lee.rename" + n + "@example.com";
    long first = open(ticket("Lee Typo", email)).jsonPath().getLong("id");
    long second = open(ticket("Lee Typo", email)).jsonPath().getLong("id");
    long customer = given().get("/api/v1/tickets/" + first).jsonPath().getLong("customer.id");

    given()
        .contentType(JSON)
        .body(Map.of("name", "Lee Correct", "version", 0))
        .when()
        .patch("/api/v1/customers/" + customer)
        .then()
        .statusCode(200)
        .body("name", equalTo("Lee Correct"))
        .body("version", equalTo(1));

    for (long ticket : List.of(first, second)) {
      given()
          .when()
          .get("/api/v1/tickets/" + ticket + "/timeline")
          .then()
          .statusCode(200)
          .body("events.kind", hasItem("CUSTOMER_RENAMED"))
          .body(
              "events.summary",
              hasItem("Customer's name corrected: \"Lee Typo\" → \"Lee Correct\""));
    }
    // A correction against the name as it was before is refused, not written over.
    given()
        .contentType(JSON)
        .body(Map.of("name", "Lee Other", "version", 0))
        .when()
        .patch("/api/v1/customers/" + customer)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/stale-version"));
    given()
        .contentType(JSON)
        .body(Map.of("name", " "))
        .when()
        .patch("/api/v1/customers/" + customer)
        .then()
        .statusCode(400)
        .body("errors.field", contains("name"));
  }

  @Test
  void aQuotedLocalPartIsRefusedNamingTheFieldNotByTheDatabase() {
    for (String address :
        List.of(
            "\"john smith\"@example.org",
            "\"john\"@example.org",
            "john..smith@example.org",
            "john@-example.org",
            "john smith@example.org")) {
      open(ticket("John Quoted", address))
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", contains("customerEmail"))
          .body("errors[0].message", containsString("name@example.com"));
    }
    open(ticket("Jo Plus", "jo+backup." + TestData.unique() + "@mail.example.org"))
        .then()
        .statusCode(201);
  }

  @Test
  void aPhoneTheCatalogueDoesNotKnowIsA422NamingTheField() {
    var unknown = ticket("Cat Model", "cat" + TestData.unique() + "@example.com");
    unknown.put("deviceModel", "=HYPERLINK(\"http://evil.example\")");
    open(unknown)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/unknown-device"))
        .body("errors.field", contains("deviceModel"));

    for (String ios : List.of("9.3", "30.0", "17.01")) {
      var outOfRange = ticket("Cat Ios", "cat" + TestData.unique() + "@example.com");
      outOfRange.put("deviceModel", "iPhone 8");
      outOfRange.put("iosVersion", ios);
      open(outOfRange)
          .then()
          .statusCode(422)
          .body("type", equalTo("/problems/unknown-device"))
          .body("errors.field", contains("iosVersion"))
          .body("errors[0].message", containsString("iOS"));
    }
  }

  @Test
  void theCataloguesSpellingAndTheCanonicalVersionAreWhatIsStored() {
    var typed = ticket("Cat Spelling", "spell" + TestData.unique() + "@example.com");
    typed.put("deviceModel", "  iphone   se (2nd GENERATION) ");
    typed.put("iosVersion", "iOS 16.7");
    var stored = open(typed).then().statusCode(201).extract().jsonPath();
    assertThat(stored.getString("deviceModel")).isEqualTo("iPhone SE (2nd generation)");
    assertThat(stored.getString("iosVersion")).isEqualTo("16.7");
  }

  @Test
  void missingFieldsAndAnUnknownPhoneAreNamedInOneAnswer() {
    var body = ticket("", "both" + TestData.unique() + "@example.com");
    body.put("iosVersion", "seventeen");
    open(body).then().statusCode(400).body("errors.field", contains("customerName", "iosVersion"));
  }
}
