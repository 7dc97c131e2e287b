package io.backupdesk.web.ticket.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.backupdesk.web.testing.TestTickets;
import io.backupdesk.web.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The new-ticket form looks the customer up as the address is typed (htmx, from a webjar) and with
 * a button without JavaScript; it refuses what the database would refuse with the message beside
 * the field; the ticket page corrects a name explicitly and offers only the moves its diagnosis
 * allows.
 */
@QuarkusTest
@TestSecurity(user = "lookup-agent", roles = "agent", authMechanism = "form")
class NewTicketPagesTest {

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    io.backupdesk.web.testing.CsrfForms.enable();
  }

  @Inject TestTickets tickets;
  @Inject TestDiagnoses diagnoses;

  @BeforeEach
  void account() {
    TestData.agent("lookup-agent");
  }

  private Ticket fresh(long id) {
    return QuarkusTransaction.requiringNew().call(() -> tickets.get(id));
  }

  /** The ticket's customer as stored: id, name and version, read inside a transaction. */
  private Object[] customerOf(long ticket) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var customer = tickets.get(ticket).customer;
              return new Object[] {customer.id, customer.name, customer.version};
            });
  }

  private static RequestSpecification form(String name, String email, String model, String ios) {
    return given()
        .redirects()
        .follow(false)
        .formParam("customerName", name)
        .formParam("customerEmail", email)
        .formParam("deviceModel", model)
        .formParam("iosVersion", ios)
        .formParam("channel", "PHONE")
        .formParam("priority", "NORMAL")
        .formParam("subject", "Backup stuck");
  }

  @Test
  void typingAKnownAddressInAnyCaseShowsTheCustomerTheirPhoneAndOpenTickets() {
    long n = TestData.unique();
    long open =
        TestData.ticket()
            .customer("Kim Known " + n, "kim" + n + "@example.com")
            .device("iPhone 12", "17.5")
            .subject("Still no backup " + n)
            .openedBy("lookup-agent");

    given()
        .queryParam("customerEmail", "KIM" + n + "@Example.com")
        .when()
        .get("/tickets/new/customer")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("id=\"customer-lookup\""),
                containsString("Known customer: Kim Known " + n),
                containsString("iPhone 12 on iOS 17.5"),
                containsString("href=\"/tickets/" + open + "\""),
                containsString("Still no backup " + n),
                not(containsString("<form"))));

    given()
        .queryParam("customerEmail", "nobody" + n + "@example.com")
        .when()
        .get("/tickets/new/customer")
        .then()
        .statusCode(200)
        .body(containsString("New customer: no one has written from nobody" + n));
  }

  @Test
  void theFormAsksHtmxFromTheWebjarWithoutInlineScript() {
    String page = given().when().get("/tickets/new").then().statusCode(200).extract().asString();
    assertThat(page)
        .contains("hx-get=\"/tickets/new/customer\"")
        .contains("<script src=\"/webjars/htmx.org/2.0.4/dist/htmx.min.js\" defer></script>")
        .doesNotContain("<script>");
    assertThat(
            given()
                .when()
                .get("/webjars/htmx.org/2.0.4/dist/htmx.min.js")
                .then()
                .statusCode(200)
                .extract()
                .contentType())
        .contains("javascript");
  }

  @Test
  void withoutJavaScriptTheLookUpButtonShowsTheCustomerAndKeepsTheFormOpeningNothing() {
    long n = TestData.unique();
    TestData.ticket()
        .customer("Noa Button " + n, "noa" + n + "@example.com")
        .openedBy("lookup-agent");

    form("Typed Name", "NOA" + n + "@example.com", "iPhone 13", "17.2")
        .formParam("lookup", "1")
        .when()
        .post("/tickets")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("Known customer: Noa Button " + n),
                containsString("value=\"Typed Name\""),
                containsString("<option value=\"iPhone 13\" selected>")));
  }

  @Test
  void aNewTicketNeverRenamesAKnownCustomer() {
    long n = TestData.unique();
    long first =
        TestData.ticket()
            .customer("Ari First " + n, "ari" + n + "@example.com")
            .openedBy("lookup-agent");
    String location =
        form("Ari Overwritten", "ARI" + n + "@EXAMPLE.COM", "iPhone 13", "17.2")
            .when()
            .post("/tickets")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    long second = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

    assertThat(customerOf(second)[0]).isEqualTo(customerOf(first)[0]);
    assertThat(customerOf(first)[1]).isEqualTo("Ari First " + n);
  }

  @Test
  void aQuotedAddressAndAnUnknownPhoneComeBackWithTheMessageBesideTheField() {
    form("Quinn Quoted", "\"quinn q\"@example.org", "iPhone 13", "17.2")
        .when()
        .post("/tickets")
        .then()
        .statusCode(400)
        .body(
            allOf(
                containsString("id=\"customerEmail-error\""),
                containsString("no spaces or quotes"),
                containsString("value=\"&quot;quinn q&quot;@example.org\"")));

    form("Quinn Old", "quinn" + TestData.unique() + "@example.org", "iPhone 8", "9.3")
        .when()
        .post("/tickets")
        .then()
        .statusCode(422)
        .body(
            allOf(
                containsString("id=\"iosVersion-error\""),
                containsString("runs iOS 11 to 16"),
                containsString("value=\"9.3\"")));
  }

  @Test
  void aNameIsCorrectedOnTheTicketPageAndTheTimelineSaysSo() {
    long n = TestData.unique();
    long id =
        TestData.ticket()
            .customer("Sal Typo " + n, "sal" + n + "@example.com")
            .openedBy("lookup-agent");
    int customerVersion = (Integer) customerOf(id)[2];

    given()
        .redirects()
        .follow(false)
        .formParam("customerVersion", customerVersion)
        .formParam("name", "Sal Right " + n)
        .when()
        .post("/tickets/" + id + "/customer-name")
        .then()
        .statusCode(303);

    given()
        .when()
        .get("/tickets/" + id)
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString(">Sal Right " + n + "</a></strong>"),
                containsString("Customer&#39;s name corrected")));
  }

  @Test
  void aTicketWithARunningDiagnosisOffersNoCloseAndRefusesOneWithTheDiagnosisNamed() {
    long id = TestData.ticket().openedBy("lookup-agent");
    QuarkusTransaction.requiringNew().run(() -> diagnoses.start(id, "lookup-agent"));

    given()
        .when()
        .get("/tickets/" + id)
        .then()
        .statusCode(200)
        .body(not(containsString("value=\"CLOSED\"")));
    given()
        .formParam("version", fresh(id).version)
        .formParam("status", "CLOSED")
        .when()
        .post("/tickets/" + id + "/status")
        .then()
        .statusCode(409)
        .body(containsString("while its diagnosis 1 is in progress"));
    assertThat(fresh(id).status.name()).isEqualTo("IN_DIAGNOSIS");
  }
}
