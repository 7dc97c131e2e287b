package io.backupdesk.web.playbook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.backupdesk.diagnostics.playbook.CatalogRow;
import io.backupdesk.diagnostics.playbook.DeviceModel;
import io.backupdesk.diagnostics.playbook.DeviceVariant;
import io.backupdesk.web.identity.AuditEntry;
import io.backupdesk.web.identity.AuditLog;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Editing, retiring and restoring a device model through the API and the editor's page. Each test
 * adds a model of its own (the profile's database is shared and models are never deleted), so no
 * other test's catalogue changes.
 */
@QuarkusTest
@TestProfile(PlaybookEditing.class)
@TestSecurity(
    user = "device-admin",
    roles = {"admin", "supervisor", "agent"},
    authMechanism = "api")
class DeviceModelEditingTest {

  @Inject PlaybookEditor editor;
  @Inject DeviceCatalogs catalogs;
  @Inject AuditLog audit;

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  /** A new Face ID model on iOS 17 and later, named uniquely; its stored row. */
  private StoredDevice newModel() {
    TestData.agent("device-admin", "admin");
    String name = "iPhone Edit " + TestData.unique();
    editor.addDeviceModel(new CatalogRow(name, "FACE_ID", 17, null), "device-admin");
    return editor.devices().stream()
        .filter(d -> d.row().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> ticket(String model, String ios) {
    var body = new HashMap<String, Object>();
    body.put("customerName", "Retired Phone Owner");
    body.put("customerEmail", "retired" + TestData.unique() + "@example.com");
    body.put("deviceModel", model);
    body.put("iosVersion", ios);
    body.put("channel", "PHONE");
    body.put("subject", "Backup fails");
    return body;
  }

  @Test
  void anAdminChangesAModelsFamilyAndRangeAndEveryoneSeesItAtOnce() {
    StoredDevice device = newModel();
    String name = device.row().name();

    given()
        .contentType(ContentType.JSON)
        .queryParam("revision", device.revision())
        .body("{\"variant\":\"HOME_BUTTON\",\"firstIos\":16,\"lastIos\":18}")
        .put("/api/v1/playbooks/devices/" + device.id())
        .then()
        .statusCode(200)
        .body("name", equalTo(name))
        .body("variant.key", equalTo("HOME_BUTTON"))
        .body("firstIos", equalTo(16))
        .body("lastIos", equalTo(18))
        .body("revision", equalTo(device.revision() + 1))
        .body("changedBy", equalTo("device-admin"));

    assertThat(catalogs.current().find(name))
        .contains(new DeviceModel(name, DeviceVariant.HOME_BUTTON, 16, 18));
    assertThat(catalogs.current().check(name, "19.0").isValid()).isFalse();
    given()
        .queryParam("deviceModel", name)
        .queryParam("iosVersion", "17.2")
        .get("/api/v1/playbook")
        .then()
        .statusCode(200)
        .body("device.variants.key", equalTo(java.util.List.of("HOME_BUTTON")));
    assertThat(audit.newest(20, "device-admin", AuditEntry.Action.DEVICE_MODEL_CHANGED))
        .extracting(entry -> entry.target)
        .contains(name);
  }

  @Test
  void aStaleRevisionIsA409WithTheModelAsItIsNow() {
    StoredDevice device = newModel();
    editor.changeDeviceModel(device.id(), device.revision(), "FACE_ID", 18, null, "other-admin");

    given()
        .contentType(ContentType.JSON)
        .queryParam("revision", device.revision())
        .body("{\"variant\":\"HOME_BUTTON\",\"firstIos\":16}")
        .put("/api/v1/playbooks/devices/" + device.id())
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/stale-version"))
        .body("detail", containsString("changed by other-admin"))
        .body("currentState.firstIos", equalTo(18))
        .body("currentState.revision", equalTo(device.revision() + 1))
        .body("currentState.changedBy", equalTo("other-admin"));
    given()
        .queryParam("revision", device.revision())
        .post("/api/v1/playbooks/devices/" + device.id() + "/retire")
        .then()
        .statusCode(409);

    assertThat(catalogs.current().find(device.row().name()).orElseThrow().firstIos()).isEqualTo(18);
  }

  @Test
  void badInputIsA422NamingTheFieldsAndAnUnknownModelA404() {
    StoredDevice device = newModel();

    given()
        .contentType(ContentType.JSON)
        .queryParam("revision", device.revision())
        .body("{\"variant\":\"ROUND\",\"firstIos\":20,\"lastIos\":3}")
        .put("/api/v1/playbooks/devices/" + device.id())
        .then()
        .statusCode(422)
        .body("errors.field", hasItems("variant", "lastIos"));
    given()
        .contentType(ContentType.JSON)
        .queryParam("revision", device.revision())
        .body("{\"variant\":\"FACE_ID\"}")
        .put("/api/v1/playbooks/devices/" + device.id())
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("firstIos"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"variant\":\"FACE_ID\",\"firstIos\":17}")
        .put("/api/v1/playbooks/devices/" + device.id())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("revision"));
    given()
        .contentType(ContentType.JSON)
        .queryParam("revision", 1)
        .body("{\"variant\":\"FACE_ID\",\"firstIos\":17}")
        .put("/api/v1/playbooks/devices/987654321")
        .then()
        .statusCode(404);
    given().get("/api/v1/playbooks/devices/987654321").then().statusCode(404);
    given()
        .queryParam("revision", 1)
        .post("/api/v1/playbooks/devices/987654321/retire")
        .then()
        .statusCode(404);

    assertThat(editor.device(device.id())).isEqualTo(device);
  }

  @Test
  void aRetiredModelIsRefusedForNewTicketsAndLeftOutOfPickListsButOldTicketsKeepIt() {
    StoredDevice device = newModel();
    String name = device.row().name();
    long old = TestData.ticket().device(name, "17.4").openedBy("device-admin");

    int revision =
        given()
            .queryParam("revision", device.revision())
            .post("/api/v1/playbooks/devices/" + device.id() + "/retire")
            .then()
            .statusCode(200)
            .body("retired", equalTo(true))
            .body("retiredBy", equalTo("device-admin"))
            .extract()
            .path("revision");

    given()
        .contentType(ContentType.JSON)
        .body(ticket(name, "17.4"))
        .post("/api/v1/tickets")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/unknown-device"))
        .body("errors.field", equalTo(java.util.List.of("deviceModel")))
        .body("errors[0].message", containsString("retired"));
    given().get("/api/v1/playbook/devices").then().body("models.name", not(hasItem(name)));
    given()
        .queryParam("includeRetired", true)
        .get("/api/v1/playbook/devices")
        .then()
        .body("models.find { it.name == '" + name + "' }.retired", equalTo(true));
    given().get("/api/v1/tickets/" + old).then().statusCode(200).body("deviceModel", equalTo(name));
    given()
        .queryParam("deviceModel", name)
        .queryParam("iosVersion", "17.4")
        .get("/api/v1/playbook")
        .then()
        .statusCode(200)
        .body("device.knownModel", equalTo(true))
        .body("device.variants.key", equalTo(java.util.List.of("FACE_ID")));
    assertThat(audit.newest(20, "device-admin", AuditEntry.Action.DEVICE_MODEL_RETIRED))
        .extracting(entry -> entry.target)
        .contains(name);

    given()
        .queryParam("revision", revision)
        .post("/api/v1/playbooks/devices/" + device.id() + "/restore")
        .then()
        .statusCode(200)
        .body("retired", equalTo(false))
        .body("retiredAt", equalTo(null));
    given()
        .contentType(ContentType.JSON)
        .body(ticket(name, "17.4"))
        .post("/api/v1/tickets")
        .then()
        .statusCode(201);
  }

  @Test
  @TestSecurity(
      user = "device-supervisor",
      roles = {"supervisor", "agent"},
      authMechanism = "api")
  void supervisorsAndAgentsCannotChangeModels() {
    StoredDevice device = newModel();
    given().get("/api/v1/playbooks/devices").then().statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .queryParam("revision", device.revision())
        .body("{\"variant\":\"HOME_BUTTON\",\"firstIos\":16}")
        .put("/api/v1/playbooks/devices/" + device.id())
        .then()
        .statusCode(403);
    given()
        .queryParam("revision", device.revision())
        .post("/api/v1/playbooks/devices/" + device.id() + "/retire")
        .then()
        .statusCode(403);
    assertThat(editor.device(device.id())).isEqualTo(device);
  }

  @Test
  @TestSecurity(
      user = "device-admin",
      roles = {"admin", "agent"},
      authMechanism = "form")
  void theEditorPageChangesAModelWithErrorsBesideTheFieldsAndAStalePageIsA409() {
    StoredDevice device = newModel();
    String id = String.valueOf(device.id());

    String overview = given().get("/admin/playbook").then().statusCode(200).extract().asString();
    assertThat(overview)
        .contains("action=\"/admin/playbook/devices/" + id + "\"")
        .contains("action=\"/admin/playbook/devices/" + id + "/retire\"")
        .contains("id=\"device-" + id + "-first\"")
        .contains("Retire " + device.row().name());

    String refused =
        given()
            .redirects()
            .follow(false)
            .formParam("revision", device.revision())
            .formParam("variant", "FACE_ID")
            .formParam("firstIos", "20")
            .formParam("lastIos", "12")
            .post("/admin/playbook/devices/" + id)
            .then()
            .statusCode(422)
            .extract()
            .asString();
    assertThat(refused)
        .contains("id=\"device-" + id + "-lastIos-error\"")
        .contains("between the first (20) and 99")
        .contains("value=\"12\"");

    given()
        .redirects()
        .follow(false)
        .formParam("revision", device.revision())
        .formParam("variant", "FACE_ID")
        .formParam("firstIos", "")
        .post("/admin/playbook/devices/" + id)
        .then()
        .statusCode(422)
        .body(containsString("id=\"device-" + id + "-firstIos-error\""));

    given()
        .redirects()
        .follow(false)
        .formParam("revision", device.revision())
        .formParam("variant", "HOME_BUTTON")
        .formParam("firstIos", "16")
        .formParam("lastIos", "")
        .post("/admin/playbook/devices/" + id)
        .then()
        .statusCode(303)
        .header("Location", containsString("done=device-changed"));
    assertThat(editor.device(device.id()).row())
        .isEqualTo(new CatalogRow(device.row().name(), "HOME_BUTTON", 16, null));

    given()
        .redirects()
        .follow(false)
        .formParam("revision", device.revision())
        .formParam("variant", "FACE_ID")
        .formParam("firstIos", "17")
        .post("/admin/playbook/devices/" + id)
        .then()
        .statusCode(409)
        .body(containsString("changed by device-admin"));
    given()
        .redirects()
        .follow(false)
        .formParam("revision", 1)
        .formParam("variant", "FACE_ID")
        .formParam("firstIos", "17")
        .post("/admin/playbook/devices/987654321")
        .then()
        .statusCode(404);
    assertThat(editor.device(device.id()).row().variant()).isEqualTo("HOME_BUTTON");
  }

  @Test
  @TestSecurity(
      user = "device-admin",
      roles = {"admin", "agent"},
      authMechanism = "form")
  void aModelRetiredOnThePageIsNotOfferedOrAcceptedOnTheNewTicketFormButItsTicketsStillDiagnose() {
    StoredDevice device = newModel();
    String name = device.row().name();
    long old = TestData.ticket().device(name, "17.4").openedBy("device-admin");
    assertThat(given().get("/tickets/new").then().statusCode(200).extract().asString())
        .contains(">" + name + "</option>");

    given()
        .redirects()
        .follow(false)
        .formParam("revision", device.revision())
        .post("/admin/playbook/devices/" + device.id() + "/retire")
        .then()
        .statusCode(303)
        .header("Location", containsString("done=device-retired"));
    assertThat(editor.device(device.id()).row().retired()).isTrue();
    assertThat(given().get("/admin/playbook").then().statusCode(200).extract().asString())
        .contains("Restore " + name)
        .contains("action=\"/admin/playbook/devices/" + device.id() + "/restore\"");

    assertThat(given().get("/tickets/new").then().statusCode(200).extract().asString())
        .doesNotContain(">" + name + "</option>");
    given()
        .redirects()
        .follow(false)
        .formParam("customerName", "Rita Retired")
        .formParam("customerEmail", "rita" + TestData.unique() + "@example.org")
        .formParam("deviceModel", name)
        .formParam("iosVersion", "17.4")
        .formParam("channel", "PHONE")
        .formParam("priority", "NORMAL")
        .formParam("subject", "Backup stuck")
        .post("/tickets")
        .then()
        .statusCode(422)
        .body(containsString("id=\"deviceModel-error\""))
        .body(containsString(name + " is retired"));

    given()
        .redirects()
        .follow(false)
        .post("/tickets/" + old + "/diagnosis/start")
        .then()
        .statusCode(303);
    given()
        .get("/tickets/" + old + "/diagnosis")
        .then()
        .statusCode(200)
        .body(containsString(name))
        .body(containsString("action=\"/tickets/" + old + "/diagnosis/outcome\""));

    given()
        .redirects()
        .follow(false)
        .formParam("revision", device.revision() + 1)
        .post("/admin/playbook/devices/" + device.id() + "/restore")
        .then()
        .statusCode(303);
    assertThat(editor.device(device.id()).row().retired()).isFalse();
  }
}
