package io.backupdesk.web.export;

import static io.backupdesk.web.report.ReportFixture.execute;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestTickets;
import io.backupdesk.web.ticket.TicketChange;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exports that let a BI user join keys to names and follow a ticket's history: the timeline
 * (with what an assignment, a priority or a status change changed), the accounts, the playbook, and
 * who resolved and who closed a ticket, each as CSV and NDJSON and with its cursor.
 */
@QuarkusTest
@TestSecurity(user = "exp2-lead", roles = "supervisor", authMechanism = "api")
class ExportTimelineAgentsPlaybookTest {

  static final String TIMELINE_HEADER =
      "event_id,ticket_id,diagnosis_id,kind,actor,at,from_value,to_value,cursor";
  static final String AGENTS_HEADER =
      "agent_id,username,display_name,role,active,created_at,updated_at,cursor";
  static final String PLAYBOOK_HEADER =
      "playbook_version,playbook_name,step_number,step_key,step_version,step_title,step_cost,"
          + "detects_outage,intrusive,fix_key,fix_label,fix_cost,changes_data,costs_money,"
          + "requires_consent,cursor";

  @Inject TestTickets tickets;
  @Inject Playbooks playbooks;

  /** The lines of a CSV body that belong to ticket {@code id} (its second column). */
  private static List<String> ofTicket(String csv, long id) {
    return csv.lines().filter(line -> line.split(",")[1].equals(String.valueOf(id))).toList();
  }

  @Test
  void theTimelineSaysWhatChangedAndTheTicketWhoResolvedAndClosedIt() {
    String agent = TestData.agent("exp2-agent");
    String other = TestData.agent("exp2-other");
    String lead = TestData.agent("exp2-lead", "supervisor");
    Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
    long id = TestData.ticket().openedBy(agent);
    String timeline = "/api/v1/export/timeline?updated_since=" + before;
    String cursor = given().get(timeline + "&format=csv").header("Export-Next-Cursor");

    tickets.update(id, null, TicketChange.assignee(other, null), lead);
    tickets.update(id, null, TicketChange.priority(Priority.HIGH, null), lead);
    tickets.update(id, null, TicketChange.status(TicketStatus.IN_DIAGNOSIS, null), other);
    tickets.update(id, null, TicketChange.status(TicketStatus.RESOLVED, null), other);
    tickets.update(id, null, TicketChange.status(TicketStatus.CLOSED, null), lead);

    String ticketCsv =
        given()
            .get("/api/v1/export/tickets?format=csv&updated_since=" + before)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(ticketCsv.lines().filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow())
        .contains(",CLOSED," + other + "," + agent + ",")
        .matches(".*Z," + other + "," + lead + ",[^,]*,[^,]+$");

    var csv = given().get(timeline + "&format=csv").then().statusCode(200).extract().asString();
    assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(TIMELINE_HEADER);
    var lines = ofTicket(csv, id);
    assertThat(lines.stream().map(l -> String.join(",", List.of(l.split(",", -1)).subList(3, 5))))
        .containsExactly(
            "CREATED," + agent,
            "ASSIGNED," + lead,
            "PRIORITY_CHANGED," + lead,
            "STATUS_CHANGED," + other,
            "STATUS_CHANGED," + other,
            "CLOSED," + lead);
    assertThat(lines.stream().map(l -> String.join(",", List.of(l.split(",", -1)).subList(6, 8))))
        .containsExactly(
            ",",
            "," + other,
            "NORMAL,HIGH",
            "NEW,IN_DIAGNOSIS",
            "IN_DIAGNOSIS,RESOLVED",
            "RESOLVED,CLOSED");

    // Incrementally: the lines since the first pull, then the reopen alone.
    var since = given().get(timeline + "&format=ndjson&cursor=" + cursor);
    var json =
        since.asString().lines().filter(l -> l.contains("\"ticket_id\":" + id + ",")).toList();
    assertThat(json).hasSize(5);
    assertThat(json.get(1))
        .contains("\"kind\":\"PRIORITY_CHANGED\",\"actor\":\"" + lead + "\",\"at\":\"")
        .contains("\"from_value\":\"NORMAL\",\"to_value\":\"HIGH\",\"cursor\":\"");
    String next = since.header("Export-Next-Cursor");

    tickets.update(id, null, TicketChange.status(TicketStatus.NEW, null), agent);
    var reopened =
        given().get(timeline + "&format=ndjson&cursor=" + next).asString().lines().toList();
    assertThat(reopened).hasSize(1);
    assertThat(reopened.get(0))
        .contains("\"ticket_id\":" + id + ",\"diagnosis_id\":null,\"kind\":\"REOPENED\"")
        .contains("\"from_value\":\"CLOSED\",\"to_value\":\"NEW\"");
    // Reopened: nobody resolved or closed it any more.
    assertThat(
            given()
                .get("/api/v1/export/tickets?format=ndjson&updated_since=" + before)
                .asString()
                .lines()
                .filter(l -> l.startsWith("{\"ticket_id\":" + id + ","))
                .findFirst()
                .orElseThrow())
        .contains("\"resolved_by\":null,\"closed_by\":null,");
  }

  @Test
  void agentsWithTheirRoleAndNoSecrets() {
    String agent = TestData.agent("exp2-roster", "supervisor");
    var csv =
        given()
            .get("/api/v1/export/agents?format=csv")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header("Content-Disposition", "attachment; filename=\"agents.csv\"")
            .extract();
    var lines = csv.asString().lines().toList();
    assertThat(lines.get(0)).isEqualTo(AGENTS_HEADER);
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).contains("," + agent + ",").contains(",supervisor,true,"));
    assertThat(csv.asString()).doesNotContain("@").doesNotContain("$2");
    String cursor = csv.header("Export-Next-Cursor");

    execute("UPDATE agent SET enabled = false WHERE username = ?", agent);
    var ndjson =
        given()
            .get("/api/v1/export/agents?format=ndjson&cursor=" + cursor)
            .then()
            .statusCode(200)
            .contentType(startsWith("application/x-ndjson"))
            .extract()
            .asString()
            .lines()
            .toList();
    assertThat(ndjson).hasSize(1);
    assertThat(ndjson.get(0))
        .startsWith("{\"agent_id\":")
        .contains("\"username\":\"" + agent + "\",\"display_name\":")
        .contains("\"role\":\"supervisor\",\"active\":false,\"created_at\":\"");
  }

  @Test
  void thePlaybookByVersionWithItsCursor() {
    int rows =
        playbooks.all().stream()
            .flatMap(p -> p.steps().stream())
            .mapToInt(step -> Math.max(1, step.fixOptions().size()))
            .sum();
    int current = playbooks.current().version();
    var csv =
        given()
            .get("/api/v1/export/playbook?format=csv")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header("Export-Next-Cursor", "v" + current)
            .extract()
            .asString()
            .lines()
            .toList();
    assertThat(csv).hasSize(rows + 1);
    assertThat(csv.get(0)).isEqualTo(PLAYBOOK_HEADER);
    // A fix that costs money (a bigger iCloud plan) needs consent: costs_money and
    // requires_consent.
    var step = playbooks.all().get(0).steps().get(0);
    assertThat(csv.get(1))
        .startsWith(
            playbooks.all().get(0).version()
                + ","
                + playbooks.all().get(0).name()
                + ",1,"
                + step.key()
                + ",")
        .endsWith(",v" + playbooks.all().get(0).version() + ".1");
    assertThat(csv).anySatisfy(l -> assertThat(l).contains(",true,true,v"));

    var ndjson =
        given()
            .get("/api/v1/export/playbook?format=ndjson&cursor=v" + current + ".3")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/x-ndjson"))
            .header("Export-Next-Cursor", "v" + current)
            .extract()
            .asString()
            .lines()
            .toList();
    int ofCurrent =
        playbooks.current().steps().stream()
            .mapToInt(s -> Math.max(1, s.fixOptions().size()))
            .sum();
    assertThat(ndjson).hasSize(ofCurrent - 3);
    assertThat(ndjson.get(0))
        .startsWith("{\"playbook_version\":" + current + ",\"playbook_name\":")
        .endsWith("\"cursor\":\"v" + current + ".4\"}");
    assertThat(given().get("/api/v1/export/playbook?cursor=v" + current).asString().lines())
        .containsExactly(PLAYBOOK_HEADER);
  }

  @Test
  void thePlaybookHasNoDatesToFilterOn() {
    for (var bad :
        Map.of(
                "from=2024-01-01", "from",
                "updated_since=2024-01-01T00:00:00Z", "updated_since",
                "cursor=7", "cursor")
            .entrySet()) {
      given()
          .get("/api/v1/export/playbook?" + bad.getKey())
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(bad.getValue()));
    }
  }

  @Test
  void anUnknownTableIsNotFoundLikeAnyUnknownAddress() {
    given()
        .get("/api/v1/export/no-such-table?format=csv")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("Nothing lives at /api/v1/export/no-such-table."));
  }
}
