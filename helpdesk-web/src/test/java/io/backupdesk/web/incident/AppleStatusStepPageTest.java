package io.backupdesk.web.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.diagnosis.DiagnosisQuery;
import io.backupdesk.web.identity.AgentRepository;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.backupdesk.web.ticket.TicketRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Apple-status step while Apple is down: the open incident with its start in the agent's time
 * zone, and the outage recorded by one click whose single post also links the ticket.
 */
@QuarkusTest
@TestSecurity(user = "incs-agent", roles = "agent", authMechanism = "form")
class AppleStatusStepPageTest {

  private static final String AGENT = "incs-agent";
  private static final String LEAD = "incs-lead";
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  private static final Pattern ONE_CLICK_FORM =
      Pattern.compile("<form[^>]*class=\"incident-outage-form\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern FIELD = Pattern.compile("<(?:input|button)\\b[^>]*>");

  @Inject TestDiagnoses diagnoses;
  @Inject DiagnosisQuery diagnosisQuery;
  @Inject IncidentStore store;
  @Inject IncidentCommands commands;
  @Inject AgentRepository agents;
  @Inject TicketRepository tickets;

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @BeforeEach
  void people() {
    TestData.agent(AGENT);
    TestData.agent(LEAD, "supervisor");
    // A zone far from UTC, at a half hour, so that a time in UTC could not pass for it.
    QuarkusTransaction.requiringNew()
        .run(() -> agents.findByUsername(AGENT).orElseThrow().timeZone = KOLKATA.getId());
    appleIsWell();
  }

  @AfterEach
  void appleIsWell() {
    QuarkusTransaction.requiringNew()
        .call(() -> store.open().map(i -> i.id))
        .ifPresent(id -> commands.recover(id, null, LEAD));
  }

  @Test
  void withNoIncidentOpenTheStepLooksAsItAlwaysDid() {
    long ticket = atAppleStatus();

    given()
        .get("/tickets/" + ticket + "/diagnosis")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("iCloud Backup service</h2>"),
                containsString("Apple reports an outage <kbd"),
                not(containsString("An incident is open")),
                not(containsString("incident-outage-form"))));
  }

  @Test
  void whileAnIncidentIsOpenOneClickRecordsTheOutageAndLinksTheTicket() {
    Instant started = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
    long incident =
        QuarkusTransaction.requiringNew()
            .call(() -> commands.open("iCloud Backup down in Europe", started, LEAD).id);
    long ticket = atAppleStatus();

    String page =
        given()
            .get("/tickets/" + ticket + "/diagnosis")
            .then()
            .statusCode(200)
            .body(
                allOf(
                    containsString("An incident is open since <time datetime=\"" + started + "\""),
                    containsString(
                        DateTimeFormatter.ofPattern("HH:mm").withZone(KOLKATA).format(started)
                            + " IST</time>"),
                    containsString(
                        "<a href=\"/incidents/" + incident + "\">iCloud Backup down in Europe</a>"),
                    containsString("Record the Apple outage and link the ticket")))
            .extract()
            .asString();
    // One outage button on the page: the big form's own is replaced, not doubled.
    assertThat(page.split("value=\"OUTAGE\"", -1)).hasSize(2);

    var form = ONE_CLICK_FORM.matcher(page);
    assertThat(form.find()).as("the one-click form").isTrue();
    var fields = new ArrayList<String>();
    var field = FIELD.matcher(form.group(1));
    while (field.find()) {
      fields.add(nameAndValue(field.group()));
    }
    int version =
        QuarkusTransaction.requiringNew()
            .call(() -> diagnosisQuery.latest(ticket).orElseThrow().version());
    assertThat(fields)
        .containsExactly(
            "csrf-token=" + valueOf(fields, "csrf-token"),
            "version=" + version,
            "step=apple-status",
            "outcome=OUTAGE");

    // The browser's post: those fields and nothing else (the filter puts in a fresh token).
    given()
        .redirects()
        .follow(false)
        .formParam("version", Integer.toString(version))
        .formParam("step", "apple-status")
        .formParam("outcome", "OUTAGE")
        .post("/tickets/" + ticket + "/diagnosis/outcome")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/tickets/" + ticket + "/diagnosis"));

    // Each read in a transaction of its own: the test's session would answer from its cache.
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> diagnosisQuery.latest(ticket).orElseThrow().diagnosis().status()))
        .isEqualTo(DiagnosisStatus.WAITING_ON_APPLE);
    assertThat(QuarkusTransaction.requiringNew().call(() -> tickets.findById(ticket).status))
        .isEqualTo(TicketStatus.WAITING_ON_APPLE);
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> store.linkedTo(ticket).stream().map(IncidentStore.Named::id).toList()))
        .containsExactly(incident);
    given()
        .get("/tickets/" + ticket)
        .then()
        .statusCode(200)
        .body(containsString("<a href=\"/incidents/" + incident + "\">#" + incident));
    given().get("/incidents/" + incident).then().statusCode(200).body(containsString("#" + ticket));
  }

  /** A new ticket whose diagnosis stands at the Apple-status step. */
  private long atAppleStatus() {
    long ticket = TestData.ticket().openedBy(AGENT);
    var view = diagnoses.start(ticket, AGENT);
    while (true) {
      String key = view.diagnosis().currentStep().orElseThrow().key();
      if (key.equals("apple-status")) {
        return ticket;
      }
      view =
          diagnoses.record(
              ticket,
              null,
              new OutcomeCommand(
                  key, StepOutcome.NOTHING_WRONG, null, null, null, false, AGENT, Instant.now()));
    }
  }

  private static String nameAndValue(String tag) {
    var name = Pattern.compile("name=\"([^\"]*)\"").matcher(tag);
    var value = Pattern.compile("value=\"([^\"]*)\"").matcher(tag);
    return (name.find() ? name.group(1) : "?") + "=" + (value.find() ? value.group(1) : "");
  }

  private static String valueOf(List<String> fields, String name) {
    return fields.stream()
        .filter(f -> f.startsWith(name + "="))
        .map(f -> f.substring(name.length() + 1))
        .findFirst()
        .orElse("(missing)");
  }
}
