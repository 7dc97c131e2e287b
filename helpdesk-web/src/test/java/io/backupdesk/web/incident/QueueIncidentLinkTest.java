package io.backupdesk.web.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue's bulk form: supervisors tick rows and link them to the open incident or unlink them;
 * agents see no checkboxes; a refused post shows the queue again with the reason beside the form
 * and the ticks kept, and never changes anything.
 */
@QuarkusTest
@TestSecurity(
    user = "qlink-lead",
    roles = {"agent", "supervisor"},
    authMechanism = "form")
class QueueIncidentLinkTest {

  private static final String LEAD = "qlink-lead";
  private static final String AGENT = "qlink-agent";

  @Inject IncidentStore store;
  @Inject IncidentCommands commands;

  private String word;

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @BeforeEach
  void people() {
    TestData.agent(LEAD, "supervisor");
    TestData.agent(AGENT);
    appleIsWell();
    // A word only this test's tickets carry, so that the queue filtered by it shows just them.
    word = "qlink" + TestData.unique();
  }

  @AfterEach
  void appleIsWell() {
    QuarkusTransaction.requiringNew()
        .call(() -> store.open().map(i -> i.id))
        .ifPresent(id -> commands.recover(id, null, LEAD));
  }

  @Test
  void withNoIncidentOpenTheQueueHasNoCheckboxes() {
    long ticket = ticket();
    given()
        .queryParam("q", word)
        .get("/")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("id=\"ticket-" + ticket + "\""),
                not(containsString("name=\"ticketId\"")),
                not(containsString("Link selected"))));
  }

  @Test
  @TestSecurity(user = AGENT, roles = "agent", authMechanism = "form")
  void agentsSeeNeitherCheckboxesNorTheFormWhileAnIncidentIsOpen() {
    open("iCloud Backup down for agents");
    long ticket = ticket();
    given()
        .queryParam("q", word)
        .get("/")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("id=\"ticket-" + ticket + "\""),
                containsString("data-notice=\"incident\""),
                not(containsString("name=\"ticketId\"")),
                not(containsString("Link selected")),
                not(containsString("col-select"))));
    // Nor may they post the form by hand.
    given()
        .redirects()
        .follow(false)
        .formParam("incident", Long.toString(openId()))
        .formParam("version", Integer.toString(version()))
        .formParam("ticketId", Long.toString(ticket))
        .post("/incidents/open/links")
        .then()
        .statusCode(403);
    assertThat(linked()).isEmpty();
  }

  @Test
  void aSupervisorLinksAndUnlinksTheTickedTicketsAndTheQueueKeepsItsFilters() {
    long incident = open("iCloud Backup down <i>EU</i>");
    long first = ticket();
    long second = ticket();

    given()
        .queryParam("q", word)
        .get("/")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("id=\"incident-links\""),
                containsString("action=\"/incidents/open/links?q=" + word + "\""),
                containsString("formaction=\"/incidents/open/unlinks?q=" + word + "\""),
                containsString("name=\"incident\" value=\"" + incident + "\""),
                containsString("name=\"version\" value=\"" + version() + "\""),
                containsString("name=\"csrf-token\""),
                containsString("Link selected to incident “iCloud Backup down &lt;i&gt;EU"),
                containsString("Unlink selected"),
                containsString("name=\"ticketId\" value=\"" + first + "\" form=\"incident-links\""),
                containsString(
                    "name=\"ticketId\" value=\"" + second + "\" form=\"incident-links\"")));

    String location =
        form(first, second)
            .post("/incidents/open/links?q=" + word)
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    assertThat(location)
        .contains("q=" + word)
        .contains("incidentDone=linked")
        .endsWith("#incident-links");
    assertThat(linked()).containsExactly(first, second);
    given()
        .get(page(location))
        .then()
        .statusCode(200)
        .body(containsString("Linked the 2 selected tickets to the incident"));
    given()
        .get("/tickets/" + first)
        .then()
        .body(containsString("<a href=\"/incidents/" + incident + "\">#" + incident));

    // Linking one already linked and one new says which changed.
    long third = ticket();
    String again =
        form(second, third)
            .post("/incidents/open/links?q=" + word)
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    given()
        .get(page(again))
        .then()
        .body(containsString("Linked 1 of the 2 selected tickets to the incident"));

    String unlinked =
        form(first)
            .post("/incidents/open/unlinks?q=" + word)
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    assertThat(linked()).containsExactly(second, third);
    given()
        .get(page(unlinked))
        .then()
        .body(containsString("Unlinked the selected ticket from the incident."));
  }

  @Test
  void badSelectionsComeBackBesideTheFormWithTheTicksKeptAndChangeNothing() {
    open("iCloud Backup down in the tests");
    long ticket = ticket();

    // Nothing ticked.
    given()
        .redirects()
        .follow(false)
        .formParam("incident", Long.toString(openId()))
        .formParam("version", Integer.toString(version()))
        .post("/incidents/open/links?q=" + word)
        .then()
        .statusCode(400)
        .body(
            allOf(
                containsString("id=\"incident-links-error\""),
                containsString("Select the tickets first"),
                containsString("id=\"ticket-" + ticket + "\"")));

    // A ticket that does not exist, beside one that does: neither is linked.
    given()
        .redirects()
        .follow(false)
        .formParam("incident", Long.toString(openId()))
        .formParam("version", Integer.toString(version()))
        .formParam("ticketId", Long.toString(ticket), "999999999")
        .post("/incidents/open/links?q=" + word)
        .then()
        .statusCode(400)
        .body(
            allOf(
                containsString("No ticket #999999999: nothing was linked or unlinked."),
                containsString(ticked(ticket))));
    assertThat(linked()).isEmpty();

    // A word where a number belongs.
    given()
        .redirects()
        .follow(false)
        .formParam("incident", Long.toString(openId()))
        .formParam("version", Integer.toString(version()))
        .formParam("ticketId", "twelve")
        .post("/incidents/open/unlinks")
        .then()
        .statusCode(400)
        .body(
            allOf(
                containsString("twelve&#39; is not a ticket number"),
                containsString("id=\"incident-links-error\"")));

    // A damaged form.
    given()
        .redirects()
        .follow(false)
        .formParam("incident", "abc")
        .formParam("version", "x")
        .formParam("ticketId", Long.toString(ticket))
        .post("/incidents/open/links")
        .then()
        .statusCode(400)
        .body(containsString("The form was damaged"));

    // The incident changed since the page was loaded: refused, the tick kept, the fresh version
    // in the form so that sending it again works.
    int shown = version();
    long other = ticket();
    QuarkusTransaction.requiringNew().run(() -> commands.link(openId(), List.of(other), LEAD));
    given()
        .redirects()
        .follow(false)
        .formParam("incident", Long.toString(openId()))
        .formParam("version", Integer.toString(shown))
        .formParam("ticketId", Long.toString(ticket))
        .post("/incidents/open/links?q=" + word)
        .then()
        .statusCode(409)
        .body(
            allOf(
                containsString("changed since this page was loaded"),
                containsString("Your selection is kept"),
                containsString(ticked(ticket)),
                containsString("name=\"version\" value=\"" + version() + "\"")));
    assertThat(linked()).containsExactly(other);

    // An incident that does not exist.
    given()
        .redirects()
        .follow(false)
        .formParam("incident", "987654321")
        .formParam("version", "0")
        .formParam("ticketId", Long.toString(ticket))
        .post("/incidents/open/links")
        .then()
        .statusCode(409)
        .body(containsString("There is no incident #987654321"));

    // The incident was recovered meanwhile: refused even for a ticket linked already.
    long recovered = openId();
    int last = version();
    QuarkusTransaction.requiringNew().run(() -> commands.recover(recovered, null, LEAD));
    for (String route : List.of("/incidents/open/links", "/incidents/open/unlinks")) {
      given()
          .redirects()
          .follow(false)
          .formParam("incident", Long.toString(recovered))
          .formParam("version", Integer.toString(last))
          .formParam("ticketId", Long.toString(other))
          .post(route + "?q=" + word)
          .then()
          .statusCode(409)
          .body(
              allOf(
                  containsString("was marked recovered by " + LEAD),
                  containsString("id=\"ticket-" + other + "\"")));
    }
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> store.linkedTo(other).stream().map(IncidentStore.Named::id).toList()))
        .containsExactly(recovered);
  }

  /** A row's checkbox, ticked. */
  private static String ticked(long ticket) {
    return "value=\""
        + ticket
        + "\" form=\"incident-links\" aria-label=\"Select ticket #"
        + ticket
        + "\" checked>";
  }

  /** Where a redirect leads, without the fragment that only the browser reads. */
  private static String page(String location) {
    return location.replaceFirst("#.*$", "");
  }

  private long ticket() {
    return TestData.ticket().subject("Backup stuck " + word).openedBy(AGENT);
  }

  private long open(String title) {
    return QuarkusTransaction.requiringNew().call(() -> commands.open(title, null, LEAD).id);
  }

  /** Read in a transaction of its own: the test's session would answer from its cache. */
  private long openId() {
    return QuarkusTransaction.requiringNew().call(() -> store.open().orElseThrow().id);
  }

  private int version() {
    return QuarkusTransaction.requiringNew().call(() -> store.open().orElseThrow().version);
  }

  /** The tickets linked to the open incident, in ticket order. */
  private List<Long> linked() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> store.open().orElseThrow().links.stream().map(l -> l.ticketId).sorted().toList());
  }

  /** The queue form as the browser posts it, with these rows ticked. */
  private RequestSpecification form(long... tickets) {
    var form =
        given()
            .redirects()
            .follow(false)
            .formParam("incident", Long.toString(openId()))
            .formParam("version", Integer.toString(version()));
    for (long t : tickets) {
      form = form.formParam("ticketId", Long.toString(t));
    }
    return form;
  }
}
