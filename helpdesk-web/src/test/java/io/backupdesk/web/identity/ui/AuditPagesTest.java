package io.backupdesk.web.identity.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.backupdesk.web.identity.AuditEntry.Action;
import io.backupdesk.web.identity.AuditLog;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "audit-admin", roles = "admin", authMechanism = "form")
class AuditPagesTest {

  private static final Pattern ENTRY = Pattern.compile("<tr id=\"audit-(\\d+)\">");
  private static final Pattern OLDER =
      Pattern.compile("<a href=\"([^\"]+)\"[^>]*>Older entries</a>");

  @Inject AuditLog audit;

  @BeforeEach
  void account() {
    TestData.agent("audit-admin", "admin");
  }

  private static List<Long> ids(String html) {
    return ENTRY.matcher(html).results().map(m -> Long.parseLong(m.group(1))).toList();
  }

  private static String html(String path) {
    return given().when().get(path).then().statusCode(200).extract().asString();
  }

  @Test
  void theLogListsEntriesNewestFirstAndFiltersByActorAndAction() {
    var actor = "auditee-" + TestData.unique();
    audit.record(Action.LOGIN_FAILED, actor, actor, "wrong user name or password", "10.0.0.7");
    audit.record(Action.TOKEN_CREATED, actor, "token bd_abcdefg", "warehouse sync", null);

    var all = html("/admin/audit?actor=" + actor);
    assertThat(all)
        .contains("login failed", "wrong user name or password", "10.0.0.7")
        .contains("token created", "warehouse sync");
    var table = all.substring(all.indexOf("<tbody>"));
    assertThat(table.indexOf("token created")).isLessThan(table.indexOf("login failed"));
    assertThat(ids(all)).hasSize(2);

    var filtered = html("/admin/audit?actor=" + actor + "&action=TOKEN_CREATED");
    assertThat(ids(filtered)).hasSize(1);
    assertThat(filtered)
        .contains("warehouse sync", "<option value=\"TOKEN_CREATED\" selected>")
        .contains("value=\"" + actor + "\"")
        .doesNotContain("wrong user name or password");

    var none = html("/admin/audit?actor=" + actor + "&action=ROLE_CHANGED");
    assertThat(none).contains("No entries match these filters.");
  }

  @Test
  void olderEntriesArePagedWithoutRepeatsOrGaps() {
    var actor = "busy-" + TestData.unique();
    for (int i = 0; i < 105; i++) {
      audit.record(Action.LOGIN, actor, actor, "sign-in " + i, null);
    }
    var first = html("/admin/audit?actor=" + actor);
    var firstIds = ids(first);
    assertThat(firstIds).hasSize(100);
    assertThat(first).contains("sign-in 104").doesNotContain("sign-in 4<");

    var older = OLDER.matcher(first);
    assertThat(older.find()).as("an 'Older entries' link").isTrue();
    var second = html(older.group(1).replace("&amp;", "&"));
    var secondIds = ids(second);
    assertThat(secondIds).hasSize(5);
    assertThat(second)
        .contains("sign-in 0<", "sign-in 4<", "Newest entries")
        .doesNotContain("Older entries");

    var seen = new HashSet<>(firstIds);
    seen.addAll(secondIds);
    assertThat(seen).hasSize(105);
  }

  @Test
  void anUnknownActionIsExplained() {
    given()
        .when()
        .get("/admin/audit?action=SOMETHING")
        .then()
        .statusCode(400)
        .body(containsString("There is no action &#39;SOMETHING&#39;: choose one from the list."));
  }
}
