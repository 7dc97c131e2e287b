package io.backupdesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.web.diagnosis.DiagnosisService;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.ticket.TicketService;
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

  @Inject TicketService tickets;
  @Inject DiagnosisService diagnoses;

  HttpClient browser;
  String agent;
  long ticket;

  @BeforeEach
  void signIn() throws Exception {
    agent = TestData.agent("csrf-" + TestData.unique());
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
    for (var page :
        List.of("/", "/tickets/new", "/tickets/" + ticket, "/tickets/" + ticket + "/diagnosis")) {
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
    var routes =
        List.of(
            "/tickets",
            t + "/notes",
            t + "/assignee",
            t + "/priority",
            t + "/status",
            t + "/diagnosis/start",
            t + "/diagnosis/outcome",
            t + "/diagnosis/verify",
            t + "/diagnosis/resume",
            t + "/diagnosis/escalate",
            t + "/diagnosis/abandon",
            "/logout");
    for (var route : routes) {
      get(t); // the browser holds a CSRF cookie, as after any page view
      var response =
          post(
              route,
              "body=forged&priority=URGENT&reason=forged&stepKey=backup-switch&outcome=NOTHING_WRONG");
      assertThat(response.statusCode()).as("POST " + route + " without a token").isEqualTo(400);
    }
    assertThat(tickets.timeline(ticket)).hasSize(before);
    assertThat(get(t).statusCode()).as("still signed in: /logout was refused too").isEqualTo(200);
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
