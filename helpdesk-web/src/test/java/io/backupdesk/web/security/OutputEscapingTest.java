package io.backupdesk.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.backupdesk.web.testing.TestTickets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pushes hostile text through every field a page shows (customer name, subject, description, notes,
 * skip and escalation reasons) and proves each comes back as text, never as markup.
 */
@QuarkusTest
@TestSecurity(user = "escape-agent", roles = "agent", authMechanism = "form")
class OutputEscapingTest {

  @Inject TestTickets tickets;
  @Inject TestDiagnoses diagnoses;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)",
        "</textarea><svg onload=alert(1)>"
      })
  void hostileTextIsShownAsText(String payload) {
    var agent = TestData.agent("escape-agent");
    long ticket =
        TestData.ticket()
            .customer("Eve " + payload, "eve" + TestData.unique() + "@example.com")
            .subject("Subject " + payload)
            .openedBy(agent);
    tickets.addNote(ticket, "Note " + payload, agent);
    var view = diagnoses.start(ticket, agent);
    view =
        diagnoses.record(
            ticket,
            view.version(),
            OutcomeCommand.skipped("backup-switch", "Skip " + payload, agent, Instant.now()));
    diagnoses.escalate(
        ticket, view.version(), EscalationTarget.TIER_2, "Escalation " + payload, agent);

    for (var page :
        List.of("/", "/?q=eve", "/tickets/" + ticket, "/tickets/" + ticket + "/diagnosis")) {
      var html = given().when().get(page).then().statusCode(200).extract().asString();
      assertThat(html).as(page).doesNotContain(payload);
      assertThat(html).as(page).doesNotContainIgnoringCase("<script>alert");
      assertThat(html).as(page).doesNotContain("<img src=x");
      assertThat(html).as(page).doesNotContain("<svg onload");
    }
    var ticketPage = given().get("/tickets/" + ticket).then().extract().asString();
    var escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    assertThat(ticketPage)
        .as("the text is still there, escaped")
        .contains("Subject " + escapedQuotes(escaped))
        .contains("Note " + escapedQuotes(escaped));
  }

  /** Qute also escapes quotes: " as &quot; and ' as &#39;. */
  private static String escapedQuotes(String s) {
    return s.replace("\"", "&quot;").replace("'", "&#39;");
  }
}
