package io.backupdesk.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the ticket, diagnosis, customer, playbook and export API is described in
 * OpenAPI.
 */
@QuarkusTest
@TestSecurity(user = "api-agent", roles = "agent")
class ApiDescriptionTest {

  /**
   * What every export may answer besides its rows as a problem (503: a replica behind the cursor);
   * its 403 has no body, like every 403.
   */
  private static final List<String> EXPORT_ERRORS = List.of("400", "401", "406", "503");

  /** path → method → error statuses that must be documented (401 everywhere). */
  private static final Map<String, Map<String, List<String>>> OPERATIONS =
      Map.ofEntries(
          Map.entry(
              "/api/v1/tickets",
              Map.of("get", List.of("400", "401"), "post", List.of("400", "401", "415"))),
          Map.entry(
              "/api/v1/tickets/{id}",
              Map.of(
                  "get", List.of("401", "404"),
                  "patch", List.of("400", "401", "404", "409", "415"))),
          Map.entry(
              "/api/v1/tickets/{id}/notes", Map.of("post", List.of("400", "401", "404", "415"))),
          Map.entry("/api/v1/tickets/{id}/timeline", Map.of("get", List.of("401", "404"))),
          Map.entry(
              "/api/v1/tickets/{ticketId}/diagnosis",
              Map.of("get", List.of("401", "404"), "post", List.of("401", "404", "409"))),
          Map.entry(
              "/api/v1/tickets/{ticketId}/diagnosis/outcomes",
              Map.of("post", List.of("400", "401", "404", "409", "415", "422"))),
          Map.entry(
              "/api/v1/tickets/{ticketId}/diagnosis/verification",
              Map.of("post", List.of("400", "401", "404", "409", "415", "422"))),
          Map.entry(
              "/api/v1/tickets/{ticketId}/diagnosis/escalation",
              Map.of("post", List.of("400", "401", "404", "409", "415"))),
          Map.entry(
              "/api/v1/tickets/{ticketId}/diagnosis/abandonment",
              Map.of("post", List.of("400", "401", "404", "409", "415"))),
          Map.entry(
              "/api/v1/tickets/{ticketId}/diagnosis/resumption",
              Map.of("post", List.of("400", "401", "404", "409", "415"))),
          Map.entry(
              "/api/v1/tickets/{ticketId}/diagnosis/another-fix",
              Map.of("post", List.of("400", "401", "404", "409", "415", "422"))),
          Map.entry(
              "/api/v1/tickets/{ticketId}/diagnosis/move-on",
              Map.of("post", List.of("400", "401", "404", "409", "415", "422"))),
          Map.entry(
              "/api/v1/tickets/{ticketId}/diagnosis/article-order",
              Map.of("post", List.of("400", "401", "404", "409", "415"))),
          Map.entry(
              "/api/v1/tickets/{ticketId}/diagnosis/corrections",
              Map.of("post", List.of("400", "401", "403", "404", "409", "415", "422"))),
          Map.entry("/api/v1/customers", Map.of("get", List.of("400", "401", "404"))),
          Map.entry("/api/v1/customers/{id}", Map.of("get", List.of("401", "404"))),
          Map.entry("/api/v1/playbook", Map.of("get", List.of("401"))),
          Map.entry("/api/v1/playbook/devices", Map.of("get", List.of("401"))),
          Map.entry("/api/v1/export/tickets", Map.of("get", EXPORT_ERRORS)),
          Map.entry("/api/v1/export/diagnoses", Map.of("get", EXPORT_ERRORS)),
          Map.entry("/api/v1/export/step-results", Map.of("get", EXPORT_ERRORS)),
          Map.entry("/api/v1/export/timeline", Map.of("get", EXPORT_ERRORS)),
          Map.entry("/api/v1/export/agents", Map.of("get", EXPORT_ERRORS)),
          Map.entry("/api/v1/export/incidents", Map.of("get", EXPORT_ERRORS)),
          Map.entry("/api/v1/export/incident-tickets", Map.of("get", EXPORT_ERRORS)),
          Map.entry("/api/v1/export/playbook", Map.of("get", EXPORT_ERRORS)));

  @BeforeEach
  void agent() {
    TestData.agent("api-agent");
  }

  @Test
  void theCoresEnumsAreListedWithTheirValues() {
    given()
        .queryParam("format", "json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(
            "components.schemas.StepOutcome.enum",
            contains("NOTHING_WRONG", "FIXED", "SKIPPED", "NOT_APPLICABLE", "OUTAGE"))
        .body(
            "components.schemas.EscalationTarget.enum",
            contains("TIER_2", "APPLE_SUPPORT", "COMPUTER_BACKUP"))
        // Error responses refer to it: it must be there, with the fields clients read.
        .body(
            "components.schemas.Problem.properties.keySet()",
            hasItems("type", "title", "status", "detail", "errors", "currentState"));
  }

  @Test
  void everyOperationHasASummaryATagAndItsProblems() {
    Map<String, Map<String, Map<String, Object>>> paths =
        given()
            .queryParam("format", "json")
            .when()
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .path("paths");

    OPERATIONS.forEach(
        (path, methods) -> {
          assertThat(paths).as("documented paths").containsKey(path);
          methods.forEach(
              (method, errors) -> {
                var operation = paths.get(path).get(method);
                assertThat(operation).as(method + " " + path).isNotNull();
                assertThat((String) operation.get("summary"))
                    .as("summary of " + method + " " + path)
                    .isNotBlank();
                assertThat((List<?>) operation.get("tags"))
                    .as("tags of " + method + " " + path)
                    .isNotEmpty();
                @SuppressWarnings("unchecked")
                var responses = (Map<String, Map<String, Object>>) operation.get("responses");
                assertThat(responses)
                    .as("responses of " + method + " " + path)
                    .containsKeys(errors.toArray(String[]::new));
                errors.stream()
                    .filter(status -> !status.equals("401"))
                    .forEach(
                        status ->
                            assertThat(responses.get(status).toString())
                                .as(status + " of " + method + " " + path)
                                .contains("application/problem+json", "Problem"));
              });
        });
  }

  @Test
  void eachExportIsDescribedUnderItsOwnPathWithItsColumns() {
    given()
        .queryParam("format", "json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.keySet()", org.hamcrest.Matchers.not(hasItems("/api/v1/export/{table}")))
        .body(
            "paths.'/api/v1/export/step-results'.get.description",
            org.hamcrest.Matchers.startsWith(
                "One row per recorded step. Columns: step_result_id, ticket_id,"))
        .body(
            "paths.'/api/v1/export/incident-tickets'.get.description",
            org.hamcrest.Matchers.equalTo(
                "One row per link (an unlinked ticket's row is gone). Columns: incident_id,"
                    + " ticket_id, linked_by, linked_at, cursor. from/to and updated_since filter"
                    + " on linked_at."));
  }
}
