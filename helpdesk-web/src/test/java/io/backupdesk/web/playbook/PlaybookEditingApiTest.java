package io.backupdesk.web.playbook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.playbook.draft.PlaybookDraft;
import io.backupdesk.web.identity.AuditEntry;
import io.backupdesk.web.identity.AuditLog;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The playbook as versioned data through the API: the first start's v1, editing the draft with
 * revisions, publishing, export and import as JSON and YAML, refused files, device models.
 */
@QuarkusTest
@TestProfile(PlaybookEditing.class)
@TestSecurity(
    user = "editor-admin",
    roles = {"admin", "supervisor", "agent"},
    authMechanism = "api")
class PlaybookEditingApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject PlaybookVersions versions;
  @Inject DeviceCatalogs catalogs;
  @Inject PlaybookEditor editor;
  @Inject AuditLog audit;

  /** REST Assured sends a bodiless POST (publish) as a form, which needs the CSRF token. */
  @BeforeAll
  static void bodylessPostsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @BeforeEach
  void cleanDraft() {
    TestData.agent("editor-admin", "admin");
    editor.discard(editor.draft().revision(), "editor-admin");
  }

  @Test
  void theFirstStartStoredV1ExactlyAsTheCoreHasIt() {
    Playbook shipped = Playbooks.standard().version(1).orElseThrow();
    Playbook loaded = versions.version(1).orElseThrow();
    assertThat(loaded.name()).isEqualTo(shipped.name());
    assertThat(loaded.steps()).hasSameSizeAs(shipped.steps());
    for (int i = 0; i < shipped.size(); i++) {
      PlaybookStep a = shipped.steps().get(i);
      PlaybookStep b = loaded.steps().get(i);
      assertThat(b.sameContentAs(a)).as(a.key()).isTrue();
      assertThat(b.number()).isEqualTo(a.number());
      assertThat(b.version()).isEqualTo(a.version());
      assertThat(b).isEqualTo(a);
    }
    String exported =
        given()
            .queryParam("format", "json")
            .get("/api/v1/playbooks/versions/1")
            .then()
            .statusCode(200)
            .header("Content-Disposition", containsString("playbook-v1.json"))
            .extract()
            .asString();
    assertThat(exported)
        .isEqualTo(PlaybookFiles.write(PlaybookDraft.from(shipped), PlaybookFiles.Format.JSON));
    assertThat(catalogs.current().rows()).containsAll(DeviceCatalog.standard().rows());
  }

  @Test
  void anEditedDraftPublishesAsTheNextVersionWithOnlyTheChangedStepRenumbered() throws Exception {
    int before = versions.latest().version();
    int resetVersion = versions.latest().step("reset-settings").orElseThrow().version();
    int wifiVersion = versions.latest().step("wifi").orElseThrow().version();
    var draft = given().get("/api/v1/playbooks/draft").then().statusCode(200).extract();
    ObjectNode playbook = (ObjectNode) JSON.readTree(draft.asString()).get("playbook");
    ObjectNode reset = (ObjectNode) stepNode(playbook, "reset-settings");
    ((ArrayNode) reset.get("instructions").get(0).get("lines"))
        .set(
            0,
            JSON.getNodeFactory()
                .textNode("Open Settings > General > Transfer or Reset iPhone (at the bottom)."));

    given()
        .queryParam("revision", draft.path("revision").toString())
        .contentType(ContentType.JSON)
        .body(playbook.toString())
        .put("/api/v1/playbooks/draft")
        .then()
        .statusCode(200)
        .body("updatedBy", equalTo("editor-admin"));
    int revision = given().get("/api/v1/playbooks/draft").then().extract().path("revision");

    given()
        .queryParam("revision", revision)
        .post("/api/v1/playbooks/draft/publish")
        .then()
        .statusCode(201)
        .header("Location", startsWith("http"))
        .body("version", equalTo(before + 1))
        .body("steps.find { it.key == 'reset-settings' }.version", equalTo(resetVersion + 1))
        .body("steps.find { it.key == 'wifi' }.version", equalTo(wifiVersion));

    given()
        .queryParam("deviceModel", "iPhone 15")
        .queryParam("iosVersion", "17.4")
        .get("/api/v1/playbook")
        .then()
        .statusCode(200)
        .body("version", equalTo(before + 1))
        .body(
            "steps[7].instructions[0].lines[0]",
            equalTo("Open Settings > General > Transfer or Reset iPhone (at the bottom)."))
        .body("steps[7].customerMessage[0].lines[0]", containsString("Transfer or Reset iPhone"));
    given()
        .get("/api/v1/playbooks/versions/" + before + "/diff/" + (before + 1))
        .then()
        .statusCode(200)
        .body("steps.find { it.key == 'reset-settings' }.kind", equalTo("CHANGED"))
        .body(
            "steps.find { it.key == 'reset-settings' }.changes.field", hasItem("instructions[0]"));
    assertThat(audit.newest(20, "editor-admin", AuditEntry.Action.PLAYBOOK_PUBLISHED))
        .extracting(entry -> entry.target)
        .contains("playbook v" + (before + 1));
  }

  @Test
  @TestSecurity(
      user = "second-admin",
      roles = {"admin", "supervisor", "agent"},
      authMechanism = "api")
  void aStaleRevisionIsAConflictThatNamesWhoChangedTheDraft() {
    TestData.agent("second-admin", "admin");
    int seen = given().get("/api/v1/playbooks/draft").then().extract().path("revision");
    editor.edit(seen, "first-admin", "renamed", d -> d.withName("iPhone backup (renamed)"));

    given()
        .queryParam("revision", seen)
        .post("/api/v1/playbooks/draft/publish")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("changed by first-admin"))
        .body("currentState.revision", equalTo(seen + 1))
        .body("currentState.playbook.name", equalTo("iPhone backup (renamed)"));
  }

  @Test
  void publishingListsEveryProblemBesideItsFieldAndStoresNothing() throws Exception {
    int before = versions.latest().version();
    var draft = given().get("/api/v1/playbooks/draft").then().statusCode(200).extract();
    ObjectNode playbook = (ObjectNode) JSON.readTree(draft.asString()).get("playbook");
    ((ObjectNode) stepNode(playbook, "wifi")).put("title", " ");
    ((ObjectNode) stepNode(playbook, "storage").get("fixOptions").get(1)).remove("label");
    ((ObjectNode) stepNode(playbook, "restart").get("instructions").get(1))
        .put("variant", "FACE_ID");

    given()
        .queryParam("revision", draft.path("revision").toString())
        .contentType(ContentType.JSON)
        .body(playbook.toString())
        .put("/api/v1/playbooks/draft")
        .then()
        .statusCode(200);
    int revision = given().get("/api/v1/playbooks/draft").then().extract().path("revision");
    given()
        .get("/api/v1/playbooks/draft/problems")
        .then()
        .statusCode(200)
        .body("field", hasItems("steps[1].title", "steps[3].fixOptions[1].label"));

    given()
        .queryParam("revision", revision)
        .post("/api/v1/playbooks/draft/publish")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/invalid-playbook"))
        .body(
            "errors.field",
            hasItems("steps[1].title", "steps[3].fixOptions[1].label", "steps[6].instructions[1]"));
    assertThat(versions.latest().version()).isEqualTo(before);
  }

  @Test
  void aVersionExportedAsYamlImportsBackWithAChangeAsTheNextVersion() {
    int before = versions.latest().version();
    String yaml =
        given()
            .queryParam("format", "yaml")
            .get("/api/v1/playbooks/versions/" + before)
            .then()
            .statusCode(200)
            .contentType(containsString("application/yaml"))
            .extract()
            .asString();
    assertThat(yaml).contains("key: power").doesNotStartWith("{");

    given()
        .contentType("application/yaml")
        .body(yaml.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/playbooks/versions")
        .then()
        .statusCode(422)
        .body("errors.message", hasItem(containsString("Nothing changed")));

    String changed =
        yaml.replace(
            "Please plug your iPhone in to charge", "Please connect your iPhone to a charger");
    given()
        .contentType("application/yaml")
        .body(changed.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/playbooks/versions")
        .then()
        .statusCode(201)
        .body("version", equalTo(before + 1))
        .body(
            "steps.find { it.key == 'power' }.version",
            equalTo(
                versions.version(before).orElseThrow().step("power").orElseThrow().version() + 1));
    assertThat(audit.newest(20, "editor-admin", AuditEntry.Action.PLAYBOOK_IMPORTED))
        .extracting(entry -> entry.target)
        .contains("playbook v" + (before + 1));
    given().get("/api/v1/playbooks/draft").then().body("basedOn", equalTo(before + 1));
  }

  @Test
  void badFilesGetEveryProblemAndStoreNothing() {
    int before = versions.latest().version();
    String exported =
        given().get("/api/v1/playbooks/versions/" + before).then().extract().asString();

    String unknownAndWrongTypes =
        exported
            .replaceFirst("\"name\" :", "\"colour\" : \"blue\",\n  \"name\" :")
            .replaceFirst("\"detectsOutage\" : false", "\"detectsOutage\" : \"no\"")
            .replaceFirst("\"iosFrom\" : 15", "\"iosFrom\" : \"fifteen\"");
    given()
        .contentType(ContentType.JSON)
        .body(unknownAndWrongTypes)
        .post("/api/v1/playbooks/versions")
        .then()
        .statusCode(422)
        .body("errors.field", hasItems("colour", "steps[0].detectsOutage"))
        .body("errors.find { it.field == 'colour' }.message", startsWith("Unknown field 'colour'"))
        .body("errors.field", hasItem(containsString(".iosFrom")));

    given()
        .contentType(ContentType.JSON)
        .body(exported.replaceFirst("\"title\" :", "\"title\" : \"twice\",\n    \"title\" :"))
        .post("/api/v1/playbooks/versions")
        .then()
        .statusCode(422)
        .body("errors[0].message", containsString("'title' appears twice"));

    given()
        .contentType("application/yaml")
        .body(
            "name: A playbook\nsteps:\n  - key: low-power-mode\n    title: Low Power Mode\n"
                .getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/playbooks/versions")
        .then()
        .statusCode(422)
        .body(
            "errors.field",
            hasItems(
                "steps[0].whyItMatters",
                "steps[0].check",
                "steps[0].riskNote",
                "steps[0].instructions",
                "steps[0].fixOptions"));

    // A file that holds no object at all: a problem, not a failure.
    for (String nothing : new String[] {"null", "[]", "42"}) {
      given()
          .contentType(ContentType.JSON)
          .body(nothing)
          .post("/api/v1/playbooks/versions")
          .then()
          .statusCode(422)
          .body("errors[0].message", startsWith("The file holds no playbook"));
    }
    given()
        .contentType("application/yaml")
        .body("~".getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/playbooks/versions")
        .then()
        .statusCode(422)
        .body("errors[0].message", startsWith("The file holds no playbook"));

    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}")
        .post("/api/v1/playbooks/versions")
        .then()
        .statusCode(413)
        .body("type", equalTo("/problems/body-too-large"));

    assertThat(versions.latest().version()).isEqualTo(before);
  }

  @Test
  void anAdminAddsADeviceModelThatAgentsCanPickAtOnce() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"iPhone 17 Test\",\"variant\":\"FACE_ID\",\"firstIos\":26}")
        .post("/api/v1/playbook/devices")
        .then()
        .statusCode(201)
        .body("models.name", hasItem("iPhone 17 Test"));
    assertThat(catalogs.current().check("iPhone 17 Test", "26.1").isValid()).isTrue();
    given()
        .queryParam("deviceModel", "iPhone 17 Test")
        .queryParam("iosVersion", "26.1")
        .get("/api/v1/playbook")
        .then()
        .body("device.knownModel", equalTo(true))
        .body("steps[6].instructions.heading", contains("iPhone X and later (Face ID)"));

    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"iphone 17 test\",\"variant\":\"ROUND\",\"firstIos\":30,\"lastIos\":2}")
        .post("/api/v1/playbook/devices")
        .then()
        .statusCode(422)
        .body("errors.field", hasItems("name", "variant", "lastIos"));
    assertThat(audit.newest(20, "editor-admin", AuditEntry.Action.DEVICE_MODEL_ADDED))
        .extracting(entry -> entry.target)
        .contains("iPhone 17 Test");
  }

  @Test
  void aMovedStepKeepsItsKeyAndVersionAndIsNumberedByTheNewOrderWhenPublished() {
    int revision = given().get("/api/v1/playbooks/draft").then().extract().path("revision");
    int resetVersion = versions.latest().step("reset-settings").orElseThrow().version();

    given()
        .queryParam("revision", revision)
        .contentType(ContentType.JSON)
        .body("{\"position\": 1}")
        .post("/api/v1/playbooks/draft/steps/reset-settings/move")
        .then()
        .statusCode(200)
        .body("revision", equalTo(revision + 1))
        .body("playbook.steps[0].key", equalTo("reset-settings"));
    given()
        .queryParam("revision", revision + 1)
        .contentType(ContentType.JSON)
        .body("{\"direction\": \"down\"}")
        .post("/api/v1/playbooks/draft/steps/backup-switch/move")
        .then()
        .statusCode(200)
        .body("playbook.steps.key[0..2]", contains("reset-settings", "wifi", "backup-switch"));
    assertThat(audit.newest(5, "editor-admin", AuditEntry.Action.PLAYBOOK_EDITED))
        .extracting(entry -> entry.detail)
        .contains("moved step reset-settings to position 1", "moved step backup-switch down");

    given()
        .queryParam("revision", revision + 2)
        .post("/api/v1/playbooks/draft/publish")
        .then()
        .statusCode(201)
        .body("steps[0].key", equalTo("reset-settings"))
        .body("steps[0].version", equalTo(resetVersion))
        .body("steps[2].key", equalTo("backup-switch"));
    Playbook moved = versions.latest();
    assertThat(moved.step("reset-settings").orElseThrow().number()).isEqualTo(1);
    assertThat(moved.step("backup-switch").orElseThrow().number()).isEqualTo(3);

    // The other tests of this profile read steps by their standard positions.
    Playbook standard = Playbooks.standard().version(1).orElseThrow();
    int now = editor.draft().revision();
    editor.edit(
        now,
        "editor-admin",
        "restored the standard order",
        d -> {
          PlaybookDraft restored = d;
          for (PlaybookStep step : standard.steps()) {
            restored = restored.moveStep(step.key(), step.number());
          }
          return restored;
        });
    editor.publish(now + 1, "editor-admin");
  }

  @Test
  void anImpossibleOrStaleMoveIsRefusedWithTheFieldNamed() {
    int revision = given().get("/api/v1/playbooks/draft").then().extract().path("revision");
    String first = editor.draft().playbook().steps().get(0).key();

    given()
        .queryParam("revision", revision)
        .contentType(ContentType.JSON)
        .body("{\"direction\": \"up\"}")
        .post("/api/v1/playbooks/draft/steps/" + first + "/move")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("direction"))
        .body("errors[0].message", containsString("already the first"));
    given()
        .queryParam("revision", revision)
        .contentType(ContentType.JSON)
        .body("{\"position\": 99}")
        .post("/api/v1/playbooks/draft/steps/wifi/move")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("position"))
        .body("errors[0].message", containsString("not 99"));
    given()
        .queryParam("revision", revision)
        .contentType(ContentType.JSON)
        .body("{\"direction\": \"sideways\"}")
        .post("/api/v1/playbooks/draft/steps/wifi/move")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("direction"));
    given()
        .queryParam("revision", revision)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/playbooks/draft/steps/wifi/move")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("position"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"position\": 1}")
        .post("/api/v1/playbooks/draft/steps/wifi/move")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("revision"));

    editor.edit(revision, "first-admin", "renamed", d -> d.withName("Renamed meanwhile"));
    given()
        .queryParam("revision", revision)
        .contentType(ContentType.JSON)
        .body("{\"position\": 1}")
        .post("/api/v1/playbooks/draft/steps/wifi/move")
        .then()
        .statusCode(409)
        .body("detail", containsString("changed by first-admin"));
    assertThat(editor.draft().playbook().steps().get(0).key()).isEqualTo(first);
  }

  @Test
  @TestSecurity(user = "plain-agent", roles = "agent", authMechanism = "api")
  void agentsCannotEditThePlaybook() {
    given().get("/api/v1/playbooks/draft").then().statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"iPhone X2\",\"variant\":\"FACE_ID\",\"firstIos\":18}")
        .post("/api/v1/playbook/devices")
        .then()
        .statusCode(403);
  }

  private static com.fasterxml.jackson.databind.JsonNode stepNode(ObjectNode playbook, String key) {
    for (var step : playbook.get("steps")) {
      if (key.equals(step.get("key").asText())) {
        return step;
      }
    }
    throw new AssertionError("No step " + key);
  }

  @SuppressWarnings("unused")
  private static List<String> keys(Playbook playbook) {
    return playbook.steps().stream().map(PlaybookStep::key).toList();
  }
}
