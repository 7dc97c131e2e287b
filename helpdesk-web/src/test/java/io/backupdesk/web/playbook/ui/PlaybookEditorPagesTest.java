package io.backupdesk.web.playbook.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.playbook.draft.PlaybookDraft;
import io.backupdesk.diagnostics.playbook.draft.StepDraft;
import io.backupdesk.web.playbook.PlaybookEditing;
import io.backupdesk.web.playbook.PlaybookEditor;
import io.backupdesk.web.playbook.PlaybookFiles;
import io.backupdesk.web.playbook.PlaybookVersions;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editor's forms: moving steps, importing an uploaded file, the device catalogue's edits. */
@QuarkusTest
@TestProfile(PlaybookEditing.class)
@TestSecurity(user = "pages-admin", roles = "admin", authMechanism = "form")
class PlaybookEditorPagesTest {

  @Inject PlaybookEditor editor;
  @Inject PlaybookVersions versions;

  private static final String BOUNDARY = "----editor-upload-boundary";
  // The CSRF filter expects the cookie to hold 16 bytes, base64url-encoded.
  private static final String TOKEN = "dXBsb2FkLXRva2VuLTE2Yg";

  /**
   * A multipart post as a browser sends the import form: text fields without a file name (REST
   * Assured would give them one, and the server would take them for files), the CSRF cookie and
   * field, and the file.
   */
  private static RequestSpecification upload(String name, byte[] content, String type) {
    var body = new ByteArrayOutputStream();
    body.writeBytes(field(CsrfForms.FIELD, TOKEN));
    body.writeBytes(field("file", ""));
    body.writeBytes(field("format", "json"));
    body.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\""
                + name
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return given()
        .cookie(CsrfForms.COOKIE, TOKEN)
        .contentType("multipart/form-data; boundary=" + BOUNDARY)
        .body(body.toByteArray());
  }

  private static byte[] field(String name, String value) {
    return ("--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"\r\n\r\n"
            + value
            + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @BeforeEach
  void cleanDraft() {
    TestData.agent("pages-admin", "admin");
    editor.discard(editor.draft().revision(), "pages-admin");
  }

  private List<String> keys() {
    return editor.draft().playbook().steps().stream().map(StepDraft::key).toList();
  }

  @Test
  void anUploadedYamlFileImportsAsTheNextVersion() {
    int before = versions.latest().version();
    PlaybookDraft latest = PlaybookDraft.from(versions.latest());
    StepDraft power = latest.step("power").orElseThrow();
    String yaml =
        PlaybookFiles.write(
            latest.withStep("power", power.withTitle(power.title() + " (uploaded)")),
            PlaybookFiles.Format.YAML);

    upload(
            "playbook-v" + before + ".yml",
            yaml.getBytes(StandardCharsets.UTF_8),
            "application/yaml")
        .redirects()
        .follow(false)
        .post("/admin/playbook/import")
        .then()
        .statusCode(303);

    assertThat(versions.latest().version()).isEqualTo(before + 1);
    assertThat(versions.latest().step("power").orElseThrow().title()).endsWith("(uploaded)");
  }

  @Test
  void aBadUploadShowsTheFormAgainWithTheSameProblemListAsPastedText() {
    int before = versions.latest().version();
    String broken = "{\"name\": \"\", \"steps\": []}";

    String uploaded =
        upload("broken.json", broken.getBytes(StandardCharsets.UTF_8), "application/json")
            .post("/admin/playbook/import")
            .then()
            .statusCode(422)
            .extract()
            .asString();
    String pasted =
        given()
            .formParam("file", broken)
            .formParam("format", "json")
            .post("/admin/playbook/import")
            .then()
            .statusCode(422)
            .extract()
            .asString();
    assertThat(uploaded)
        .contains("Nothing was imported: the file has 2 problems")
        .contains("The playbook needs a name", "A playbook needs at least one step");
    assertThat(pasted)
        .contains("Nothing was imported: the file has 2 problems")
        .contains("The playbook needs a name", "A playbook needs at least one step");

    String wrongKind =
        upload("notes.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain")
            .post("/admin/playbook/import")
            .then()
            .statusCode(422)
            .extract()
            .asString();
    assertThat(wrongKind).contains("id=\"upload-error\"").contains("Choose a .json, .yaml or .yml");

    String binary =
        upload("photo.json", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, "application/json")
            .post("/admin/playbook/import")
            .then()
            .statusCode(422)
            .extract()
            .asString();
    assertThat(binary).contains("id=\"upload-error\"").contains("not UTF-8 text");
    assertThat(versions.latest().version()).isEqualTo(before);
  }

  @Test
  void theOverviewOffersUpAndDownButtonsAndAPositionForm() {
    String html = given().get("/admin/playbook").then().statusCode(200).extract().asString();
    String first = keys().get(0);

    assertThat(html)
        .contains("aria-label=\"Move wifi up\"", "aria-label=\"Move wifi down\"")
        .contains("id=\"move-position\"")
        .doesNotContain("aria-label=\"Move " + first + " up\"");
  }

  @Test
  void upDownAndPositionMoveTheStepAndComeBackToTheOverview() {
    int revision = editor.draft().revision();
    given()
        .formParam("revision", revision)
        .formParam("key", "wifi")
        .formParam("direction", "up")
        .redirects()
        .follow(false)
        .post("/admin/playbook/move")
        .then()
        .statusCode(303);
    assertThat(keys().get(0)).isEqualTo("wifi");

    given()
        .formParam("revision", revision + 1)
        .formParam("key", "storage")
        .formParam("position", "1")
        .redirects()
        .follow(false)
        .post("/admin/playbook/move")
        .then()
        .statusCode(303);
    assertThat(keys()).startsWith("storage", "wifi");
    assertThat(editor.draft().updatedBy()).isEqualTo("pages-admin");
    assertThat(given().get("/admin/playbook?done=moved").then().extract().asString())
        .contains("Step moved in the draft");
  }

  @Test
  void anImpossibleMoveShowsTheFormAgainWithTheMessageBesideTheField() {
    int revision = editor.draft().revision();
    String html =
        given()
            .formParam("revision", revision)
            .formParam("key", "wifi")
            .formParam("position", "42")
            .post("/admin/playbook/move")
            .then()
            .statusCode(422)
            .extract()
            .asString();
    assertThat(html).contains("id=\"movePosition-error\"").contains("not 42");

    html =
        given()
            .formParam("revision", revision)
            .formParam("key", "wifi")
            .formParam("position", "first")
            .post("/admin/playbook/move")
            .then()
            .statusCode(400)
            .extract()
            .asString();
    assertThat(html).contains("id=\"movePosition-error\"").contains("as a number");
    assertThat(editor.draft().revision()).isEqualTo(revision);
  }

  @Test
  void aStaleMoveNamesWhoChangedTheDraft() {
    int revision = editor.draft().revision();
    editor.edit(revision, "other-admin", "renamed", d -> d.withName("Renamed meanwhile"));

    String html =
        given()
            .formParam("revision", revision)
            .formParam("key", "wifi")
            .formParam("direction", "down")
            .post("/admin/playbook/move")
            .then()
            .statusCode(409)
            .extract()
            .asString();

    assertThat(html).contains("changed by other-admin");
    assertThat(keys().indexOf("wifi")).isEqualTo(1);
  }

  @Test
  void textTheDatabaseCannotStoreIsRefusedInAStepAndInAnUploadedFile() {
    int revision = editor.draft().revision();
    var stepForm =
        given()
            .formParam("revision", revision)
            .formParam("title", "Wi-Fi\u0000connection")
            .formParam("check", "Is the iPhone on Wi-Fi?")
            .post("/admin/playbook/steps/wifi")
            .then()
            .extract();
    assertThat(stepForm.statusCode()).as(stepForm.asString()).isEqualTo(400);
    assertThat(stepForm.asString()).contains("contains the character NUL");
    assertThat(editor.draft().revision()).as("nothing saved").isEqualTo(revision);

    int before = versions.latest().version();
    String json =
        PlaybookFiles.write(PlaybookDraft.from(versions.latest()), PlaybookFiles.Format.JSON)
            .replaceFirst("\"title\"\\s*:\\s*\"", "\"title\": \"NUL \\\\u0000 ");
    assertThat(json).contains("\\u0000");
    var file =
        upload("nul.json", json.getBytes(StandardCharsets.UTF_8), "application/json")
            .redirects()
            .follow(false)
            .post("/admin/playbook/import")
            .then()
            .extract();
    assertThat(file.statusCode()).as(file.asString()).isIn(400, 422);
    assertThat(versions.latest().version()).isEqualTo(before);
  }
}
