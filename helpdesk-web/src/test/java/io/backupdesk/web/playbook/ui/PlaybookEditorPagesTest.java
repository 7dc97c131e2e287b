package io.backupdesk.web.playbook.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.playbook.draft.StepDraft;
import io.backupdesk.web.playbook.PlaybookEditing;
import io.backupdesk.web.playbook.PlaybookEditor;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editor's forms: moving steps, the device catalogue's edits, importing an uploaded file. */
@QuarkusTest
@TestProfile(PlaybookEditing.class)
@TestSecurity(user = "pages-admin", roles = "admin", authMechanism = "form")
class PlaybookEditorPagesTest {

  @Inject PlaybookEditor editor;

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
}
