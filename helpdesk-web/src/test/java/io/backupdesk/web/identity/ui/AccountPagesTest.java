package io.backupdesk.web.identity.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.backupdesk.web.identity.Agent;
import io.backupdesk.web.identity.AgentRepository;
import io.backupdesk.web.identity.AuditEntry;
import io.backupdesk.web.identity.AuditLog;
import io.backupdesk.web.identity.TokenService;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "pages-admin", roles = "admin", authMechanism = "form")
class AccountPagesTest {

  private static final String ADMIN = "pages-admin";
  private static final String NEW_PASSWORD = "a long first password";

  @BeforeAll
  static void formsCarryTheCsrfToken() {
    CsrfForms.enable();
  }

  @Inject AgentRepository agents;
  @Inject TokenService tokens;
  @Inject AuditLog audit;
  @Inject EntityManager em;

  @BeforeEach
  void account() {
    TestData.agent(ADMIN, "admin");
  }

  private Agent fresh(String username) {
    return QuarkusTransaction.requiringNew()
        .call(() -> agents.findByUsername(username).orElseThrow());
  }

  /** The table row of one account, so that assertions cannot match another account's cells. */
  private static String row(String html, String username) {
    var m =
        Pattern.compile(
                "<tr id=\"account-" + Pattern.quote(username) + "\">(.*?)</tr>", Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("row of " + username).isTrue();
    return m.group(1);
  }

  @Test
  void anAdminCreatesAnAccountAndSeesItListed() {
    var name = "created-" + TestData.unique();
    var location =
        given()
            .redirects()
            .follow(false)
            .formParam("username", name)
            .formParam("displayName", "Created Person")
            .formParam("email", name + "@example.com")
            .formParam("role", "supervisor")
            .formParam("password", NEW_PASSWORD)
            .when()
            .post("/admin/accounts")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");

    // A browser never sends the #fragment of a Location.
    var html =
        given()
            .when()
            .get(location.replaceFirst("#.*$", ""))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(html).contains("Account " + name + " created: they can sign in now.");
    assertThat(row(html, name))
        .contains("Created Person", name + "@example.com", "supervisor", "enabled");
    assertThat(html).doesNotContain(NEW_PASSWORD);

    assertThat(audit.newest(5, ADMIN, AuditEntry.Action.ACCOUNT_CREATED))
        .anySatisfy(e -> assertThat(e.target).isEqualTo(name));
  }

  @Test
  void aRefusedNewAccountComesBackWithTheMessageNextToTheFieldAndWhatWasTyped() {
    var secret = "typed-password-" + TestData.unique();
    given()
        .formParam("username", "Not A User Name")
        .formParam("displayName", "Typed Person")
        .formParam("email", "typed@example.com")
        .formParam("role", "supervisor")
        .formParam("password", secret)
        .when()
        .post("/admin/accounts")
        .then()
        .statusCode(400)
        .body(
            allOf(
                containsString("The account was not created"),
                containsString("id=\"username-error\""),
                containsString("A user name has 2 to 64 lower-case letters"),
                containsString("value=\"Not A User Name\""),
                containsString("value=\"Typed Person\""),
                containsString("value=\"typed@example.com\""),
                containsString("<option value=\"supervisor\" selected>"),
                not(containsString(secret))));

    given()
        .formParam("username", "blank-fields-" + TestData.unique())
        .formParam("displayName", " ")
        .formParam("role", "agent")
        .formParam("password", "")
        .when()
        .post("/admin/accounts")
        .then()
        .statusCode(400)
        .body(
            allOf(
                containsString("id=\"displayName-error\""),
                containsString("Enter the person&#39;s name."),
                containsString("id=\"password-error\""),
                containsString("Set a first password."),
                containsString("value=\"blank-fields-")));
  }

  @Test
  void anEmailAddressWithoutAnAtSignIsRefusedNextToItsField() {
    given()
        .formParam("username", "mail-" + TestData.unique())
        .formParam("displayName", "Mail Person")
        .formParam("email", "mail.example.com")
        .formParam("role", "agent")
        .formParam("password", NEW_PASSWORD)
        .when()
        .post("/admin/accounts")
        .then()
        .statusCode(400)
        .body(
            allOf(
                containsString("id=\"email-error\""),
                containsString("Enter an e-mail address such as ada@example.com"),
                containsString("value=\"mail.example.com\"")));
  }

  @Test
  void aTakenUserNameIsAConflictShownNextToTheField() {
    var taken = TestData.agent("taken-" + TestData.unique());
    given()
        .formParam("username", taken)
        .formParam("displayName", "Someone Else")
        .formParam("role", "agent")
        .formParam("password", NEW_PASSWORD)
        .when()
        .post("/admin/accounts")
        .then()
        .statusCode(409)
        .body(
            allOf(
                containsString("id=\"username-error\""),
                containsString("The user name &#39;" + taken + "&#39; is taken."),
                containsString("value=\"Someone Else\"")));
  }

  @Test
  void aRoleChangeShowsTheNewRoleAndIsAudited() {
    var name = TestData.agent("promoted-" + TestData.unique());
    given()
        .redirects()
        .follow(false)
        .formParam("version", fresh(name).version)
        .formParam("role", "supervisor")
        .when()
        .post("/admin/accounts/{u}/role", name)
        .then()
        .statusCode(303);

    var html =
        given()
            .queryParam("done", "role")
            .queryParam("account", name)
            .when()
            .get("/admin/accounts")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(html).contains(name + " now has the role supervisor.");
    assertThat(row(html, name))
        .contains("<td class=\"account-role\">supervisor</td>")
        .contains("<option value=\"supervisor\" selected>");
    assertThat(audit.newest(5, ADMIN, AuditEntry.Action.ROLE_CHANGED))
        .anySatisfy(
            e -> {
              assertThat(e.target).isEqualTo(name);
              assertThat(e.detail).isEqualTo("agent → supervisor");
            });
  }

  @Test
  void disablingShowsDisabledAndTheirTokenStopsWorking() {
    var name = TestData.agent("disabled-" + TestData.unique());
    var secret = tokens.issue(name, "nightly export", null).secret();
    given().auth().oauth2(secret).when().get("/api/v1/me").then().statusCode(200);

    given()
        .redirects()
        .follow(false)
        .formParam("version", fresh(name).version)
        .formParam("enabled", "false")
        .when()
        .post("/admin/accounts/{u}/enabled", name)
        .then()
        .statusCode(303);

    var html = given().when().get("/admin/accounts").then().statusCode(200).extract().asString();
    assertThat(row(html, name))
        .contains("disabled")
        .contains("Enable — they can sign in again")
        .doesNotContain("Disable — ends their sessions and tokens now");
    given().auth().oauth2(secret).when().get("/api/v1/me").then().statusCode(401);
    assertThat(audit.newest(5, ADMIN, AuditEntry.Action.ACCOUNT_DISABLED))
        .anySatisfy(e -> assertThat(e.target).isEqualTo(name));
  }

  @Test
  void aStaleVersionShowsTheConflictAndChangesNothing() {
    var name = TestData.agent("stale-" + TestData.unique());
    int seen = fresh(name).version;
    given()
        .redirects()
        .follow(false)
        .formParam("version", seen)
        .formParam("role", "supervisor")
        .post("/admin/accounts/{u}/role", name)
        .then()
        .statusCode(303);

    var html =
        given()
            .formParam("version", seen)
            .formParam("enabled", "false")
            .when()
            .post("/admin/accounts/{u}/enabled", name)
            .then()
            .statusCode(409)
            .extract()
            .asString();
    assertThat(html)
        .contains("Nothing was changed: ")
        .contains(" changed the account of ")
        .contains("Your change was not saved")
        .doesNotContain("you had version");
    assertThat(row(html, name)).contains("<details class=\"account-actions\" open>");
    assertThat(fresh(name).enabled).isTrue();
  }

  @Test
  void anAdminCannotDisableTheirOwnAccount() {
    given()
        .formParam("version", fresh(ADMIN).version)
        .formParam("enabled", "false")
        .when()
        .post("/admin/accounts/{u}/enabled", ADMIN)
        .then()
        .statusCode(409)
        .body(containsString("You cannot disable your own account."));
    assertThat(fresh(ADMIN).enabled).isTrue();
  }

  @Test
  void theLastEnabledAdministratorKeepsTheRole() {
    // Make this test's admin the only enabled one for a moment; the others come back afterwards.
    List<String> others =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  @SuppressWarnings("unchecked")
                  List<String> names =
                      em.createNativeQuery(
                              "select username from agent where role = 'admin' and enabled and username <> :me")
                          .setParameter("me", ADMIN)
                          .getResultList();
                  em.createNativeQuery(
                          "update agent set enabled = false where role = 'admin' and username <> :me")
                      .setParameter("me", ADMIN)
                      .executeUpdate();
                  return names;
                });
    try {
      given()
          .formParam("version", fresh(ADMIN).version)
          .formParam("role", "agent")
          .when()
          .post("/admin/accounts/{u}/role", ADMIN)
          .then()
          .statusCode(409)
          .body(
              containsString(
                  "You cannot change the role of the last enabled administrator: make someone else admin first."));
      assertThat(fresh(ADMIN).role.value()).isEqualTo("admin");
    } finally {
      if (!others.isEmpty()) {
        QuarkusTransaction.requiringNew()
            .run(
                () ->
                    em.createNativeQuery(
                            "update agent set enabled = true where username in (:names)")
                        .setParameter("names", others)
                        .executeUpdate());
      }
    }
  }

  @Test
  void aTooShortNewPasswordIsShownNextToThatAccountsField() {
    var name = TestData.agent("reset-" + TestData.unique());
    given()
        .formParam("version", fresh(name).version)
        .formParam("password", "short")
        .when()
        .post("/admin/accounts/{u}/password", name)
        .then()
        .statusCode(400)
        .body(
            allOf(
                containsString("id=\"password-" + name + "-error\""),
                containsString("A password needs at least 12 characters."),
                not(containsString("value=\"short\""))));
  }

  @Test
  void adminsSeeTheAdminLink() {
    given()
        .when()
        .get("/admin/audit")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("<a href=\"/admin/accounts\" aria-current=\"page\">Admin</a>"),
                containsString("<a href=\"/account/tokens\" >My tokens</a>")));
  }

  @Test
  @TestSecurity(user = "pages-plain-agent", roles = "agent", authMechanism = "form")
  void anAgentIsRefusedTheAdministrationPagesAndSeesNoAdminLink() {
    TestData.agent("pages-plain-agent");
    given().when().get("/admin/accounts").then().statusCode(403);
    given().when().get("/admin/audit").then().statusCode(403);
    given()
        .formParam("username", "sneaky-" + TestData.unique())
        .formParam("displayName", "Sneaky")
        .formParam("role", "admin")
        .formParam("password", NEW_PASSWORD)
        .when()
        .post("/admin/accounts")
        .then()
        .statusCode(403);
    given()
        .when()
        .get("/")
        .then()
        .statusCode(200)
        .body(
            allOf(
                containsString("href=\"/account/tokens\""),
                not(containsString("/admin/accounts"))));
  }
}
