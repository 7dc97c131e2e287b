package io.backupdesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.web.identity.AgentRepository;
import io.backupdesk.web.identity.TokenService;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.backupdesk.web.testing.TestTickets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks every state-changing form route of the pages with a real signed-in browser session and
 * proves that a post without the CSRF token is refused and changes nothing, while the same post
 * with the token from the page is accepted. A plain HTTP client, so no test helper adds tokens.
 */
@QuarkusTest
class CsrfProtectionTest {

  private static final Pattern FORM_ACTION =
      Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

  @TestHTTPResource("/")
  URL root;

  @Inject TestTickets tickets;
  @Inject TestDiagnoses diagnoses;
  @Inject TokenService tokens;
  @Inject AgentRepository agents;

  HttpClient browser;
  String agent;
  long ticket;

  @BeforeEach
  void signIn() throws Exception {
    // An admin, so that the administration forms are walked too; admins are agents as well.
    agent = TestData.agent("csrf-" + TestData.unique(), "admin");
    ticket = TestData.ticket().openedBy(agent);
    browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    var login =
        post(
            "/j_security_check",
            "j_username=" + agent + "&j_password=" + TestData.PASSWORD.replace(' ', '+'));
    assertThat(login.statusCode()).isEqualTo(302);
  }

  @Test
  void everyFormOfThePagesCarriesAToken() throws Exception {
    diagnoses.start(ticket, agent);
    tokens.issue(agent, "revocable", null);
    for (var page :
        List.of(
            "/",
            "/tickets/new",
            "/tickets/" + ticket,
            "/tickets/" + ticket + "/diagnosis",
            "/admin/accounts",
            "/admin/audit",
            "/admin/playbook",
            "/account/tokens",
            "/profile")) {
      var html = get(page).body();
      var forms = FORM_ACTION.matcher(html).results().count();
      var tokens = TOKEN.matcher(html).results().count();
      assertThat(forms).as("forms on " + page).isPositive();
      assertThat(tokens).as("CSRF tokens on " + page).isEqualTo(forms);
    }
  }

  @Test
  void everyStateChangingFormRouteRefusesAPostWithoutTheToken() throws Exception {
    diagnoses.start(ticket, agent);
    var before = tickets.timeline(ticket).size();
    var t = "/tickets/" + ticket;
    var victim = TestData.agent("csrf-victim-" + TestData.unique());
    var a = "/admin/accounts/" + victim;
    long token = tokens.issue(agent, "kept", null).token().id;
    var routes =
        List.of(
            "/tickets",
            t + "/notes",
            t + "/assignee",
            t + "/priority",
            t + "/status",
            t + "/follow-up",
            t + "/diagnosis/start",
            t + "/diagnosis/outcome",
            t + "/diagnosis/verify",
            t + "/diagnosis/resume",
            t + "/diagnosis/escalate",
            t + "/diagnosis/abandon",
            t + "/diagnosis/another-fix",
            t + "/diagnosis/move-on",
            t + "/diagnosis/article-order",
            t + "/diagnosis/corrections",
            "/admin/accounts",
            a + "/role",
            a + "/enabled",
            a + "/password",
            "/admin/playbook/steps",
            "/admin/playbook/steps/wifi",
            "/admin/playbook/steps/wifi/retire",
            "/admin/playbook/publish",
            "/admin/playbook/discard",
            "/admin/playbook/import",
            "/admin/playbook/devices",
            "/account/tokens",
            "/account/tokens/" + token + "/revoke",
            "/profile",
            "/logout");
    for (var route : routes) {
      get(t); // the browser holds a CSRF cookie, as after any page view
      var response =
          post(
              route,
              "body=forged&priority=URGENT&reason=forged&stepKey=backup-switch&outcome=NOTHING_WRONG"
                  + "&username=forged-"
                  + victim
                  + "&displayName=Forged&role=admin&enabled=false&password=forged+password+123"
                  + "&name=forged");
      assertThat(response.statusCode()).as("POST " + route + " without a token").isEqualTo(400);
    }
    assertThat(tickets.timeline(ticket)).hasSize(before);
    var victimNow =
        QuarkusTransaction.requiringNew().call(() -> agents.findByUsername(victim).orElseThrow());
    assertThat(victimNow.role.value()).isEqualTo("agent");
    assertThat(victimNow.enabled).isTrue();
    assertThat(victimNow.version).as("no change at all to " + victim).isZero();
    assertThat(agents.findByUsername("forged-" + victim)).isEmpty();
    assertThat(tokens.tokensOf(agent))
        .singleElement()
        .satisfies(k -> assertThat(k.revokedAt).as("the token is not revoked").isNull());
    assertThat(get(t).statusCode()).as("still signed in: /logout was refused too").isEqualTo(200);
  }

  /**
   * The issue this closes: with the session cookie alone, a POST without body and Content-Type
   * started a diagnosis, revoked a token and signed out, because the CSRF filter checks forms only.
   */
  @Test
  void aPostWithoutABodyOrWithAnotherTypeChangesNothingOnAnyRoute() throws Exception {
    var before = tickets.timeline(ticket).size();
    long token = tokens.issue(agent, "kept", null).token().id;
    var t = "/tickets/" + ticket;
    for (var route :
        List.of(
            t + "/diagnosis/start",
            t + "/notes",
            "/account/tokens/" + token + "/revoke",
            "/admin/accounts",
            "/logout")) {
      get(t);
      for (var type : new String[] {null, "application/json", "text/plain"}) {
        var request =
            HttpRequest.newBuilder(URI.create(root.toString()).resolve(route))
                .method(
                    "POST",
                    type == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"body\":\"forged\"}"));
        if (type != null) {
          request.header("Content-Type", type);
        }
        var response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
            .as("POST " + route + " with " + (type == null ? "no body" : type))
            .isEqualTo(415);
        assertThat(response.body()).contains("only takes forms sent from the desk");
      }
    }
    assertThat(tickets.timeline(ticket)).as("no diagnosis started, no note").hasSize(before);
    assertThat(tokens.tokensOf(agent))
        .singleElement()
        .satisfies(k -> assertThat(k.revokedAt).as("the token is not revoked").isNull());
    assertThat(get(t).statusCode()).as("still signed in").isEqualTo(200);
  }

  @Test
  void theSamePostWithThePagesTokenIsAccepted() throws Exception {
    var page = get("/tickets/" + ticket).body();
    var token = TOKEN.matcher(page).results().findFirst().orElseThrow().group(1);
    var response =
        post("/tickets/" + ticket + "/notes", "csrf-token=" + token + "&body=Called+back");
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(tickets.timeline(ticket))
        .anySatisfy(e -> assertThat(e.body).isEqualTo("Called back"));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(URI.create(root.toString()).resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form)
      throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(URI.create(root.toString()).resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
