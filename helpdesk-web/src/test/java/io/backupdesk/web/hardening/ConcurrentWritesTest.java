package io.backupdesk.web.hardening;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many agents (or one impatient one) writing to the same diagnosis or ticket at the same moment:
 * every write is either fully applied and visible, or refused with a problem that shows the current
 * state. Nothing is lost, nothing is written twice, and no race ends in a 5xx.
 */
@QuarkusTest
@TestSecurity(user = "race-agent", roles = "agent", authMechanism = "api")
class ConcurrentWritesTest {

  /**
   * REST Assured sends a POST without a body (starting a diagnosis) as a form, which the CSRF check
   * then wants a token for; the filter adds it whichever test class runs first.
   */
  @org.junit.jupiter.api.BeforeAll
  static void bodylessPostsCarryTheCsrfToken() {
    io.backupdesk.web.testing.CsrfForms.enable();
  }

  private static final int WRITERS = 20;
  private static final Set<Integer> EXPECTED_STATUSES = Set.of(200, 201, 409, 422);

  long ticket;
  String diagnosis;

  @BeforeEach
  void openTicket() {
    TestData.agent("race-agent");
    ticket = TestData.ticket().openedBy("race-agent");
    diagnosis = "/api/v1/tickets/" + ticket + "/diagnosis";
  }

  @Test
  void twentyWritersWithTheSameVersionChangeTheDiagnosisExactlyOnce() {
    int before = start();
    List<Answer> answers =
        Parallel.run(
            WRITERS,
            i ->
                switch (i % 4) {
                    // the same outcome again and again: a double click from several tabs
                  case 0 ->
                      outcome(
                          Map.of("stepKey", "backup-switch", "outcome", "NOTHING_WRONG"), before);
                    // a different outcome for the same, current step
                  case 1 ->
                      outcome(
                          Map.of(
                              "stepKey", "backup-switch",
                              "outcome", "FIXED",
                              "fixOption", "turn-on-backup"),
                          before);
                    // the next step, as if step 1 had already been recorded
                  case 2 -> outcome(Map.of("stepKey", "wifi", "outcome", "NOTHING_WRONG"), before);
                    // the test backup after a fix that may or may not have been recorded
                  default ->
                      post(
                          "/verification",
                          Map.of("stepKey", "backup-switch", "backupCompleted", true),
                          before);
                });

    everyAnswerIsAcceptedOrAProblemWithTheCurrentState(answers);
    Set<Integer> changes = versionsOfAcceptedChanges(answers, before);
    assertThat(changes).as("one version, so at most one change can win").hasSize(1);
    finalStateIsTheSumOf(changes, before);
    // Every accepted answer shows the same, winning state.
    assertThat(
            answers.stream()
                .filter(Answer::accepted)
                .map(a -> a.json().getString("results[0].outcome"))
                .distinct())
        .hasSize(1);
  }

  @Test
  void twentyWritersWithoutVersionsAreSerialisedAndEachAcceptedChangeIsKept() {
    int before = start();
    var steps = List.of("backup-switch", "wifi", "power", "storage", "apple-status");
    List<Answer> answers =
        Parallel.run(
            WRITERS,
            i ->
                outcome(
                    Map.of("stepKey", steps.get(i % steps.size()), "outcome", "NOTHING_WRONG"),
                    null));

    everyAnswerIsAcceptedOrAProblemWithTheCurrentState(answers);
    Set<Integer> changes = versionsOfAcceptedChanges(answers, before);
    assertThat(changes).isNotEmpty();
    finalStateIsTheSumOf(changes, before);
  }

  @Test
  void aDoubleSubmitIsRecordedOnceWhetherSequentialOrConcurrent() {
    int before = start();
    var first = outcome(Map.of("stepKey", "backup-switch", "outcome", "NOTHING_WRONG"), before);
    var again = outcome(Map.of("stepKey", "backup-switch", "outcome", "NOTHING_WRONG"), before);
    assertThat(List.of(first.status(), again.status())).containsOnly(200);
    assertThat(again.json().getInt("version")).isEqualTo(first.json().getInt("version"));

    var both =
        Parallel.run(
            2,
            i ->
                outcome(
                    Map.of(
                        "stepKey", "wifi", "outcome", "SKIPPED", "skipReason", "No Wi-Fi nearby"),
                    first.json().getInt("version")));
    assertThat(both).extracting(Answer::status).containsOnly(200);
    assertThat(both.get(0).json().getInt("version"))
        .isEqualTo(both.get(1).json().getInt("version"));

    var state = StoredState.of(ticket);
    assertThat(state.stepResults()).hasSize(2);
    assertThat(state.eventsOfKind("STEP_RECORDED")).isEqualTo(2);
    assertThat(currentVersion()).isEqualTo(before + 2);
  }

  @Test
  void twoStartsAtOnceOpenOneDiagnosis() {
    List<Answer> answers =
        Parallel.run(
            2, i -> Answer.of("POST " + diagnosis, given().when().post(diagnosis).andReturn()));
    assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(201, 409);
    var state = StoredState.of(ticket);
    assertThat(state.diagnoses()).hasSize(1);
    assertThat(state.eventsOfKind("DIAGNOSIS_STARTED")).isEqualTo(1);
  }

  @Test
  void twentyPatchesWithTheSameIfMatchLetExactlyOneWin() {
    TestData.agent("race-agent-b");
    TestData.agent("race-agent-c");
    var ticketUrl = "/api/v1/tickets/" + ticket;
    String etag = given().when().get(ticketUrl).then().statusCode(200).extract().header("ETag");
    int eventsBefore = StoredState.of(ticket).events().size();
    var changes =
        List.<Map<String, Object>>of(
            Map.of("priority", "HIGH"),
            Map.of("assignee", "race-agent"),
            Map.of("priority", "URGENT"),
            Map.of("assignee", "race-agent-b"),
            Map.of("priority", "LOW"),
            Map.of("assignee", "race-agent-c"));
    List<Answer> answers =
        Parallel.run(
            WRITERS,
            i -> {
              var change = changes.get(i % changes.size());
              return Answer.of(
                  "PATCH " + change + " If-Match " + etag,
                  given()
                      .contentType(JSON)
                      .header("If-Match", etag)
                      .body(change)
                      .when()
                      .patch(ticketUrl)
                      .andReturn());
            });

    assertThat(answers).extracting(Answer::status).containsOnly(200, 409);
    assertThat(answers.stream().filter(Answer::accepted)).hasSize(1);
    answers.stream()
        .filter(a -> a.status() == 409)
        .forEach(
            a -> {
              assertThat(a.isProblem()).as(a.toString()).isTrue();
              assertThat(a.json().getLong("currentState.id")).as(a.toString()).isEqualTo(ticket);
            });
    var state = StoredState.of(ticket);
    assertThat(state.events()).hasSize(eventsBefore + 1);
    assertThat(state.eventsOfKind("PRIORITY_CHANGED") + state.eventsOfKind("ASSIGNED"))
        .isEqualTo(1);
    var winner = answers.stream().filter(Answer::accepted).findFirst().orElseThrow();
    int version = given().when().get(ticketUrl).then().extract().path("version");
    assertThat(version).isEqualTo(Integer.parseInt(etag.replace("\"", "")) + 1);
    assertThat(winner.json().getInt("version")).isEqualTo(version);
  }

  @Test
  void twentyNotesAtOnceAreAllKept() {
    List<Answer> answers =
        Parallel.run(
            WRITERS,
            i ->
                Answer.of(
                    "note " + i,
                    given()
                        .contentType(JSON)
                        .body(Map.of("body", "Parallel note " + i))
                        .when()
                        .post("/api/v1/tickets/" + ticket + "/notes")
                        .andReturn()));
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
    assertThat(StoredState.of(ticket).eventsOfKind("NOTE")).isEqualTo(WRITERS);
  }

  @Test
  void diagnosisCommandsAndTicketChangesAtOnceDoNotRefuseEachOther() {
    int version = start();
    var steps = List.of("backup-switch", "wifi", "power", "storage", "apple-status");
    var priorities = List.of("LOW", "HIGH", "URGENT", "NORMAL");
    for (String step : steps) {
      // One outcome (no version: it cannot be stale) among ticket changes and notes (neither can
      // be stale either): each must succeed, however they interleave.
      var answers =
          Parallel.run(
              7,
              i ->
                  switch (i) {
                    case 0 -> outcome(Map.of("stepKey", step, "outcome", "NOTHING_WRONG"), null);
                    case 1, 2, 3 ->
                        Answer.of(
                            "PATCH priority",
                            given()
                                .contentType(JSON)
                                .body(Map.of("priority", priorities.get(i)))
                                .when()
                                .patch("/api/v1/tickets/" + ticket)
                                .andReturn());
                    default ->
                        Answer.of(
                            "note",
                            given()
                                .contentType(JSON)
                                .body(Map.of("body", "While at " + step))
                                .when()
                                .post("/api/v1/tickets/" + ticket + "/notes")
                                .andReturn());
                  });
      assertThat(answers).allSatisfy(a -> assertThat(a.accepted()).as(a.toString()).isTrue());
      version++;
    }
    var state = StoredState.of(ticket);
    assertThat(state.stepResults()).hasSize(steps.size());
    assertThat(state.eventsOfKind("NOTE")).isEqualTo(3L * steps.size());
    assertThat(currentVersion()).isEqualTo(version);
  }

  private void everyAnswerIsAcceptedOrAProblemWithTheCurrentState(List<Answer> answers) {
    assertThat(answers)
        .allSatisfy(
            a -> {
              assertThat(a.status()).as(a.toString()).isIn(EXPECTED_STATUSES);
              if (!a.accepted()) {
                assertThat(a.isProblem()).as(a.toString()).isTrue();
                assertThat(a.json().getLong("currentState.ticketId"))
                    .as("currentState of " + a)
                    .isEqualTo(ticket);
              }
            });
  }

  /** The versions that accepted answers show: one per real change, since repeats change none. */
  private static Set<Integer> versionsOfAcceptedChanges(List<Answer> answers, int before) {
    return answers.stream()
        .filter(Answer::accepted)
        .map(a -> a.json().getInt("version"))
        .filter(v -> v != before)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Exactly the accepted changes are stored: one step result and one event each, one version. */
  private void finalStateIsTheSumOf(Set<Integer> changes, int before) {
    var state = StoredState.of(ticket);
    assertThat(state.stepResults()).hasSize(changes.size());
    assertThat(state.eventsOfKind("STEP_RECORDED")).isEqualTo(changes.size());
    int now = currentVersion();
    assertThat(now).isEqualTo(before + changes.size());
    assertThat(changes)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(before + 1, now).boxed().toList());
    var shown = given().when().get(diagnosis).then().statusCode(200).extract().jsonPath();
    assertThat(shown.getList("results")).hasSize(changes.size());
    // Each step answered at most once, and the answered steps are a prefix of the playbook.
    var numbers = shown.getList("results.stepNumber", Integer.class);
    assertThat(numbers)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList());
  }

  private int start() {
    return given().when().post(diagnosis).then().statusCode(201).extract().path("version");
  }

  private int currentVersion() {
    return given().when().get(diagnosis).then().statusCode(200).extract().path("version");
  }

  private Answer outcome(Map<String, Object> body, Integer version) {
    return post("/outcomes", body, version);
  }

  private Answer post(String command, Map<String, Object> body, Integer version) {
    var sent = new HashMap<>(body);
    if (version != null) {
      sent.put("version", version);
    }
    return Answer.of(
        "POST " + command + " " + sent,
        given().contentType(JSON).body(sent).when().post(diagnosis + command).andReturn());
  }
}
