package io.backupdesk.web.hardening;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies on every form route of the pages, sent with a valid session and a valid CSRF
 * token, so that nothing but the body itself can be the reason for a refusal: malformed escapes, a
 * cut-off multipart body, no body or no form at all, NUL in every text field, numbers that are no
 * numbers, and a body over the limit. Each answer is a 4xx page in the app's layout with a message,
 * never a 500, and nothing is stored.
 */
@QuarkusTest
class HostilePageFormsTest {

  private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
  private static final Set<Integer> REFUSALS = Set.of(400, 404, 409, 413, 415, 422);

  @TestHTTPResource("/")
  URL root;

  @Inject TestTickets tickets;
  @Inject TestDiagnoses diagnoses;
  @Inject TokenService tokens;
  @Inject AgentRepository agents;

  HttpClient browser;
  String admin;
  String victim;
  long ticket;
  String token;

  @BeforeEach
  void signIn() throws Exception {
    admin = TestData.agent("hostile-" + TestData.unique(), "admin");
    victim = TestData.agent("hostile-victim-" + TestData.unique());
    ticket = TestData.ticket().openedBy(admin);
    diagnoses.start(ticket, admin);
    browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    var login =
        send(
            "POST",
            "/j_security_check",
            "application/x-www-form-urlencoded",
            ("j_username=" + admin + "&j_password=" + TestData.PASSWORD.replace(' ', '+'))
                .getBytes(StandardCharsets.UTF_8));
    assertThat(login.statusCode()).isEqualTo(302);
    var page = send("GET", "/tickets/" + ticket, null, null).body();
    token = TOKEN.matcher(page).results().findFirst().orElseThrow().group(1);
  }

  /** Every form route with its text fields and whether it takes a version. */
  private Map<String, Route> routes() {
    var t = "/tickets/" + ticket;
    var a = "/admin/accounts/" + victim;
    long revocable = tokens.issue(admin, "kept", null).token().id;
    var routes = new LinkedHashMap<String, Route>();
    routes.put(
        "/tickets",
        new Route(
            List.of(
                "customerName",
                "customerEmail",
                "customerPhone",
                "deviceModel",
                "iosVersion",
                "subject",
                "description"),
            false));
    routes.put(t + "/notes", new Route(List.of("body"), false));
    routes.put(t + "/assignee", new Route(List.of("assignee"), true));
    routes.put(t + "/priority", new Route(List.of(), true));
    routes.put(t + "/status", new Route(List.of(), true));
    routes.put(t + "/diagnosis/start", new Route(List.of(), false));
    routes.put(
        t + "/diagnosis/outcome",
        new Route(List.of("step", "outcome", "fix", "consent", "skipReason", "note"), true));
    routes.put(t + "/diagnosis/verify", new Route(List.of("step", "completed"), true));
    routes.put(t + "/diagnosis/escalate", new Route(List.of("reason"), true));
    routes.put(t + "/diagnosis/abandon", new Route(List.of("reason"), true));
    routes.put(t + "/diagnosis/resume", new Route(List.of(), true));
    routes.put(
        "/admin/accounts",
        new Route(List.of("username", "displayName", "email", "role", "password"), false));
    routes.put(a + "/role", new Route(List.of("role"), true));
    routes.put(a + "/enabled", new Route(List.of(), true));
    routes.put(a + "/password", new Route(List.of("password"), true));
    routes.put("/account/tokens", new Route(List.of("name", "expiresAt"), false));
    routes.put("/account/tokens/" + revocable + "/revoke", new Route(List.of(), false));
    // The routes the later features added: tickets, diagnoses, the profile, incidents, the step
    // order and the playbook editor. An id that does not exist still has to be refused as a page.
    routes.put(t + "/customer-name", new Route(List.of("name"), false));
    routes.put(t + "/follow-up", new Route(List.of("followUpAt"), true));
    routes.put(t + "/merge", new Route(List.of("into"), false));
    routes.put(t + "/backup-after-outage", new Route(List.of("completed"), false));
    routes.put(t + "/diagnosis/another-fix", new Route(List.of("step", "fix", "note"), true));
    routes.put(t + "/diagnosis/move-on", new Route(List.of("step"), true));
    routes.put(t + "/diagnosis/article-order", new Route(List.of(), true));
    routes.put(
        t + "/diagnosis/corrections",
        new Route(
            List.of(
                "step",
                "action",
                "outcome",
                "fix",
                "consent",
                "verification",
                "skipReason",
                "reason"),
            true));
    routes.put("/profile", new Route(List.of("displayName", "timeZone"), true));
    routes.put("/incidents", new Route(List.of("title", "startedAt"), false));
    routes.put("/incidents/999999999/notes", new Route(List.of("text"), false));
    routes.put("/incidents/999999999/links", new Route(List.of("ticketIds"), false));
    routes.put("/incidents/999999999/unlinks", new Route(List.of("ticketId"), false));
    routes.put("/incidents/999999999/recover", new Route(List.of("version"), false));
    routes.put("/incidents/suggestions/999999999/confirm", new Route(List.of("title"), false));
    routes.put("/incidents/suggestions/999999999/dismiss", new Route(List.of("reason"), false));
    routes.put(
        "/incidents/open/links", new Route(List.of("incident", "version", "ticketId"), false));
    routes.put(
        "/incidents/open/unlinks", new Route(List.of("incident", "version", "ticketId"), false));
    routes.put(
        "/step-order/settings",
        new Route(
            List.of(
                "suggestions",
                "explorePercent",
                "lowRiskPrice",
                "mediumRiskPrice",
                "highRiskPrice",
                "paidFixPrice",
                "escalationMinutes"),
            true));
    routes.put("/admin/playbook/steps", new Route(List.of("key", "title"), false));
    routes.put(
        "/admin/playbook/steps/wifi",
        new Route(
            List.of(
                "revision",
                "title",
                "whyItMatters",
                "check",
                "cost",
                "riskNote",
                "ins[0].lines",
                "fix[0].key",
                "fix[0].label",
                "fix[0].instructions"),
            false));
    routes.put("/admin/playbook/steps/wifi/retire", new Route(List.of(), false));
    routes.put("/admin/playbook/move", new Route(List.of("key", "direction", "position"), false));
    routes.put("/admin/playbook/publish", new Route(List.of(), false));
    routes.put("/admin/playbook/discard", new Route(List.of(), false));
    routes.put("/admin/playbook/import", new Route(List.of("file", "format"), false));
    routes.put(
        "/admin/playbook/devices",
        new Route(List.of("name", "variant", "firstIos", "lastIos"), false));
    routes.put(
        "/admin/playbook/devices/999999999",
        new Route(List.of("variant", "firstIos", "lastIos"), false));
    routes.put("/logout", new Route(List.of(), false));
    return routes;
  }

  record Route(List<String> textFields, boolean versioned) {}

  record Probe(String route, String what, String contentType, byte[] body) {}

  @Test
  void everyPageRouteRefusesHostileBodiesWithAPageAndStoresNothing() throws Exception {
    var routes = routes(); // issues the token to revoke: before the snapshot
    var before = state();
    var probes = new ArrayList<Probe>();
    var form = "application/x-www-form-urlencoded";
    var csrf = "csrf-token=" + token;
    routes.forEach(
        (route, spec) -> {
          probes.add(new Probe(route, "bad escape %G1", form, bytes(csrf + "&x=%G1&body=%G1")));
          probes.add(new Probe(route, "trailing %", form, bytes(csrf + "&body=abc%")));
          probes.add(new Probe(route, "bad escape in a name", form, bytes(csrf + "&b%ZZ=1")));
          probes.add(
              new Probe(
                  route,
                  "cut-off multipart",
                  "multipart/form-data; boundary=XyZ",
                  bytes(
                      "--XyZ\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n"
                          + token
                          + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nhal")));
          probes.add(new Probe(route, "no body, no content type", null, null));
          probes.add(new Probe(route, "JSON", "application/json", bytes("{\"body\":\"x\"}")));
          probes.add(new Probe(route, "text/plain", "text/plain", bytes(csrf + "&body=x")));
          probes.add(
              new Probe(
                  route,
                  "over the size limit",
                  form,
                  bytes(csrf + "&body=" + "a".repeat(1_100_000))));
          for (var field : spec.textFields()) {
            probes.add(
                new Probe(route, "NUL in " + field, form, bytes(csrf + "&" + field + "=a%00b")));
            probes.add(
                new Probe(route, "only NUL in " + field, form, bytes(csrf + "&" + field + "=%00")));
          }
          if (spec.versioned()) {
            for (var version : List.of("99999999999", "%D9%A1%D9%A2", "1e3", "-", "0x1")) {
              probes.add(
                  new Probe(
                      route,
                      "version=" + version,
                      form,
                      bytes(csrf + "&version=" + version + "&enabled=true&role=agent")));
            }
          }
        });
    var a = "/admin/accounts/" + victim;
    for (var value : List.of("yes", "", "1", "no", "TRUE1")) {
      probes.add(
          new Probe(
              a + "/enabled",
              "enabled=" + value,
              form,
              bytes(csrf + "&version=0&enabled=" + value)));
    }
    for (var expiry :
        List.of("+1000000000-12-31", "+999999999-12-31", "99999-01-01", "2026-13-40")) {
      probes.add(
          new Probe(
              "/account/tokens",
              "expiry " + expiry,
              form,
              bytes(csrf + "&name=far&expiresAt=" + expiry.replace("+", "%2B"))));
    }
    // A number in Arabic-Indic digits is no ticket number (it once read as ticket 1).
    for (var path :
        List.of(
            "/tickets/%D9%A1/notes",
            "/tickets/%D9%A1/diagnosis/start", "/account/tokens/%D9%A1/revoke")) {
      probes.add(new Probe(path, "path id in Arabic-Indic digits", form, bytes(csrf + "&body=x")));
    }

    var failures = new ArrayList<String>();
    for (var probe : probes) {
      var response = send("POST", probe.route(), probe.contentType(), probe.body());
      var problem = problemWith(response);
      if (problem != null) {
        failures.add("POST " + probe.route() + " [" + probe.what() + "]: " + problem);
      }
    }
    assertThat(failures).as("answers to hostile page forms").isEmpty();
    assertThat(state()).as("nothing stored").isEqualTo(before);
    assertThat(send("GET", "/tickets/" + ticket, null, null).statusCode())
        .as("still signed in: /logout refused every hostile body too")
        .isEqualTo(200);
  }

  /** Why an answer is wrong, or null when it is a refusal shown as a page with a message. */
  private static String problemWith(HttpResponse<String> response) {
    var shown = response.statusCode() + " " + abbreviated(response.body());
    if (!REFUSALS.contains(response.statusCode())) {
      return "not a refusal: " + shown;
    }
    var type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("text/html")) {
      return "not a page (" + type + "): " + shown;
    }
    var body = response.body();
    if (!body.contains("class=\"site-header\"") || !body.contains("<main")) {
      return "not in the app's layout: " + shown;
    }
    if (!body.contains("error-detail") && !body.contains("role=\"alert\"")) {
      return "no message: " + shown;
    }
    return null;
  }

  private List<Object> state() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var v = agents.findByUsername(victim).orElseThrow();
              return List.of(
                  StoredState.of(ticket),
                  tickets.timeline(ticket).size(),
                  v.enabled,
                  v.version,
                  v.role.value(),
                  tokens.tokensOf(admin).stream().filter(k -> k.revokedAt == null).count(),
                  StoredState.number("select count(*) from ticket where created_by = ?1", admin),
                  StoredState.number("select count(*) from agent where username like 'a%00b%'"));
            });
  }

  private static String abbreviated(String body) {
    if (body == null) {
      return "";
    }
    var flat = body.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(String method, String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(root.toString()).resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
