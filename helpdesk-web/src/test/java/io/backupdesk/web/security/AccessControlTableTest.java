package io.backupdesk.web.security;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.backupdesk.web.identity.TokenService;
import io.backupdesk.web.testing.CsrfForms;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookies;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Access control as a table: every route of the application × anonymous, agent, supervisor and
 * admin, with the answer each must get. Routes are discovered from the compiled resources, so a new
 * route without a row here fails the build until someone decides who may use it.
 */
@QuarkusTest
class AccessControlTableTest {

  /** Who may use a route. Wider roles include narrower ones. */
  enum Access {
    PUBLIC,
    AGENT,
    SUPERVISOR,
    ADMIN
  }

  enum Caller {
    ANONYMOUS(0),
    AGENT(1),
    SUPERVISOR(2),
    ADMIN(3);

    final int rank;

    Caller(int rank) {
      this.rank = rank;
    }
  }

  private static final Map<String, Access> TABLE =
      Map.ofEntries(
          // Pages
          entry("GET /login", Access.PUBLIC),
          entry("POST /logout", Access.AGENT),
          entry("GET /", Access.AGENT),
          entry("GET /tickets", Access.AGENT),
          entry("POST /tickets", Access.AGENT),
          entry("GET /tickets/new", Access.AGENT),
          entry("GET /tickets/new/customer", Access.AGENT),
          entry("POST /tickets/{id}/customer-name", Access.AGENT),
          entry("GET /tickets/{id}", Access.AGENT),
          entry("POST /tickets/{id}/assignee", Access.AGENT),
          entry("POST /tickets/{id}/notes", Access.AGENT),
          entry("POST /tickets/{id}/priority", Access.AGENT),
          entry("POST /tickets/{id}/status", Access.AGENT),
          entry("GET /tickets/{id}/diagnosis", Access.AGENT),
          entry("POST /tickets/{id}/diagnosis/start", Access.AGENT),
          entry("POST /tickets/{id}/diagnosis/outcome", Access.AGENT),
          entry("POST /tickets/{id}/diagnosis/verify", Access.AGENT),
          entry("POST /tickets/{id}/diagnosis/escalate", Access.AGENT),
          entry("POST /tickets/{id}/diagnosis/abandon", Access.AGENT),
          entry("POST /tickets/{id}/diagnosis/resume", Access.AGENT),
          entry("POST /tickets/{id}/diagnosis/another-fix", Access.AGENT),
          entry("POST /tickets/{id}/diagnosis/move-on", Access.AGENT),
          entry("POST /tickets/{id}/diagnosis/article-order", Access.AGENT),
          entry("POST /tickets/{id}/diagnosis/corrections", Access.AGENT),
          entry("POST /tickets/{id}/follow-up", Access.AGENT),
          entry("GET /customers/{id}", Access.AGENT),
          entry("GET /profile", Access.AGENT),
          entry("POST /profile", Access.AGENT),
          entry("POST /profile/time-zone", Access.AGENT),
          entry("GET /account/tokens", Access.AGENT),
          entry("POST /account/tokens", Access.AGENT),
          entry("POST /account/tokens/{id}/revoke", Access.AGENT),
          entry("GET /reports", Access.SUPERVISOR),
          entry("GET /reports/{report}.csv", Access.SUPERVISOR),
          entry("GET /step-order", Access.SUPERVISOR),
          entry("POST /step-order/models", Access.SUPERVISOR),
          entry("POST /step-order/settings", Access.ADMIN),
          entry("GET /admin/accounts", Access.ADMIN),
          entry("POST /admin/accounts", Access.ADMIN),
          entry("POST /admin/accounts/{username}/role", Access.ADMIN),
          entry("POST /admin/accounts/{username}/enabled", Access.ADMIN),
          entry("POST /admin/accounts/{username}/password", Access.ADMIN),
          entry("GET /admin/audit", Access.ADMIN),
          entry("GET /admin/playbook", Access.ADMIN),
          entry("POST /admin/playbook/steps", Access.ADMIN),
          entry("GET /admin/playbook/steps/{key}", Access.ADMIN),
          entry("POST /admin/playbook/steps/{key}", Access.ADMIN),
          entry("POST /admin/playbook/steps/{key}/retire", Access.ADMIN),
          entry("POST /admin/playbook/move", Access.ADMIN),
          entry("POST /admin/playbook/publish", Access.ADMIN),
          entry("POST /admin/playbook/discard", Access.ADMIN),
          entry("POST /admin/playbook/import", Access.ADMIN),
          entry("POST /admin/playbook/devices", Access.ADMIN),
          entry("POST /admin/playbook/devices/{id}", Access.ADMIN),
          entry("POST /admin/playbook/devices/{id}/retire", Access.ADMIN),
          entry("POST /admin/playbook/devices/{id}/restore", Access.ADMIN),
          entry("GET /admin/playbook/preview", Access.ADMIN),
          entry("GET /admin/playbook/diff", Access.ADMIN),
          entry("GET /reports/playbook-versions", Access.SUPERVISOR),
          entry("GET /live/events", Access.AGENT),
          entry("GET /live/viewers", Access.AGENT),
          entry("GET /incidents", Access.AGENT),
          entry("POST /incidents", Access.SUPERVISOR),
          entry("GET /incidents/{id}", Access.AGENT),
          entry("POST /incidents/{id}/links", Access.SUPERVISOR),
          entry("POST /incidents/{id}/unlinks", Access.SUPERVISOR),
          entry("POST /incidents/{id}/notes", Access.AGENT),
          entry("POST /incidents/{id}/recover", Access.SUPERVISOR),
          entry("POST /incidents/open/links", Access.SUPERVISOR),
          entry("POST /incidents/open/unlinks", Access.SUPERVISOR),
          entry("POST /incidents/suggestions/{id}/confirm", Access.SUPERVISOR),
          entry("POST /incidents/suggestions/{id}/dismiss", Access.SUPERVISOR),
          entry("POST /tickets/{id}/merge", Access.AGENT),
          entry("POST /tickets/{id}/backup-after-outage", Access.AGENT),
          // JSON API
          entry("GET /api/v1/me", Access.AGENT),
          entry("GET /api/v1/me/tokens", Access.AGENT),
          entry("POST /api/v1/me/tokens", Access.AGENT),
          entry("DELETE /api/v1/me/tokens/{id}", Access.AGENT),
          entry("GET /api/v1/tickets", Access.AGENT),
          entry("POST /api/v1/tickets", Access.AGENT),
          entry("GET /api/v1/tickets/{id}", Access.AGENT),
          entry("PATCH /api/v1/tickets/{id}", Access.AGENT),
          entry("POST /api/v1/tickets/{id}/notes", Access.AGENT),
          entry("GET /api/v1/tickets/{id}/timeline", Access.AGENT),
          entry("PUT /api/v1/tickets/{id}/follow-up", Access.AGENT),
          entry("GET /api/v1/tickets/{ticketId}/diagnosis", Access.AGENT),
          entry("POST /api/v1/tickets/{ticketId}/diagnosis", Access.AGENT),
          entry("POST /api/v1/tickets/{ticketId}/diagnosis/outcomes", Access.AGENT),
          entry("POST /api/v1/tickets/{ticketId}/diagnosis/verification", Access.AGENT),
          entry("POST /api/v1/tickets/{ticketId}/diagnosis/escalation", Access.AGENT),
          entry("POST /api/v1/tickets/{ticketId}/diagnosis/abandonment", Access.AGENT),
          entry("POST /api/v1/tickets/{ticketId}/diagnosis/resumption", Access.AGENT),
          entry("POST /api/v1/tickets/{ticketId}/diagnosis/another-fix", Access.AGENT),
          entry("POST /api/v1/tickets/{ticketId}/diagnosis/move-on", Access.AGENT),
          entry("POST /api/v1/tickets/{ticketId}/diagnosis/article-order", Access.AGENT),
          entry("POST /api/v1/tickets/{ticketId}/diagnosis/corrections", Access.AGENT),
          entry("GET /api/v1/customers", Access.AGENT),
          entry("GET /api/v1/customers/{id}", Access.AGENT),
          entry("PATCH /api/v1/customers/{id}", Access.AGENT),
          entry("GET /api/v1/playbook", Access.AGENT),
          entry("GET /api/v1/playbook/devices", Access.AGENT),
          entry("POST /api/v1/playbook/devices", Access.ADMIN),
          entry("GET /api/v1/playbooks/draft", Access.ADMIN),
          entry("PUT /api/v1/playbooks/draft", Access.ADMIN),
          entry("DELETE /api/v1/playbooks/draft", Access.ADMIN),
          entry("POST /api/v1/playbooks/draft/steps/{key}/move", Access.ADMIN),
          entry("GET /api/v1/playbooks/draft/problems", Access.ADMIN),
          entry("GET /api/v1/playbooks/draft/preview", Access.ADMIN),
          entry("POST /api/v1/playbooks/draft/publish", Access.ADMIN),
          entry("GET /api/v1/playbooks/devices", Access.ADMIN),
          entry("GET /api/v1/playbooks/devices/{id}", Access.ADMIN),
          entry("PUT /api/v1/playbooks/devices/{id}", Access.ADMIN),
          entry("POST /api/v1/playbooks/devices/{id}/retire", Access.ADMIN),
          entry("POST /api/v1/playbooks/devices/{id}/restore", Access.ADMIN),
          entry("GET /api/v1/playbooks/versions", Access.SUPERVISOR),
          entry("POST /api/v1/playbooks/versions", Access.ADMIN),
          entry("GET /api/v1/playbooks/versions/{version}", Access.ADMIN),
          entry("GET /api/v1/playbooks/versions/{from}/diff/{to}", Access.SUPERVISOR),
          entry("GET /api/v1/playbooks/comparison", Access.SUPERVISOR),
          entry("GET /api/v1/reports/{report}", Access.SUPERVISOR),
          entry("GET /api/v1/step-order", Access.SUPERVISOR),
          entry("PUT /api/v1/step-order/settings", Access.ADMIN),
          entry("POST /api/v1/step-order/models", Access.SUPERVISOR),
          entry("GET /api/v1/step-order/models", Access.SUPERVISOR),
          entry("GET /api/v1/step-order/models/{version}", Access.SUPERVISOR),
          // One route serves every table's export (tickets, diagnoses, ..., incident-tickets).
          entry("GET /api/v1/export/{table}", Access.SUPERVISOR),
          entry("GET /api/v1/export/playbook", Access.SUPERVISOR),
          entry("GET /api/v1/admin/accounts", Access.ADMIN),
          entry("POST /api/v1/admin/accounts", Access.ADMIN),
          entry("PATCH /api/v1/admin/accounts/{username}", Access.ADMIN),
          entry("POST /api/v1/admin/accounts/{username}/password", Access.ADMIN),
          entry("GET /api/v1/admin/audit", Access.ADMIN),
          entry("GET /api/v1/incidents", Access.AGENT),
          entry("POST /api/v1/incidents", Access.SUPERVISOR),
          entry("GET /api/v1/incidents/{id}", Access.AGENT),
          entry("POST /api/v1/incidents/{id}/links", Access.SUPERVISOR),
          entry("POST /api/v1/incidents/{id}/unlinks", Access.SUPERVISOR),
          entry("POST /api/v1/incidents/{id}/notes", Access.AGENT),
          entry("POST /api/v1/incidents/{id}/recovery", Access.SUPERVISOR),
          entry("GET /api/v1/incidents/suggestions", Access.SUPERVISOR),
          entry("GET /api/v1/incidents/evidence", Access.SUPERVISOR),
          entry("POST /api/v1/incidents/suggestions/{id}/confirmation", Access.SUPERVISOR),
          entry("POST /api/v1/incidents/suggestions/{id}/dismissal", Access.SUPERVISOR),
          entry("GET /api/v1/incidents/report", Access.SUPERVISOR),
          entry("POST /api/v1/tickets/{ticketId}/merge", Access.AGENT),
          entry("POST /api/v1/tickets/{ticketId}/backup-after-outage", Access.AGENT));

  /** Routes that Quarkus serves itself rather than our resources. */
  private static final Map<String, Access> FRAMEWORK_ROUTES =
      Map.of(
          "GET /q/health/ready", Access.PUBLIC,
          "GET /webjars/picocss__pico/2.1.1/css/pico.min.css", Access.PUBLIC,
          "GET /css/app.css", Access.PUBLIC,
          "GET /q/openapi", Access.AGENT,
          "GET /q/swagger-ui", Access.AGENT);

  @Inject TokenService tokens;

  @Test
  void everyRouteOfTheApplicationHasARowInTheTable() {
    var discovered = discoverRoutes();
    assertThat(discovered)
        .as("routes without a rule in TABLE (add a row: who may use it?)")
        .isSubsetOf(TABLE.keySet());
    assertThat(TABLE.keySet())
        .as("rows in TABLE for routes that no longer exist")
        .isSubsetOf(discovered);
  }

  @Test
  void everyRouteAnswersEveryCallerAsTheTableSays() {
    CsrfForms.enable();
    var suffix = TestData.unique();
    var names =
        Map.of(
            Caller.AGENT, TestData.agent("acl-agent-" + suffix, "agent"),
            Caller.SUPERVISOR, TestData.agent("acl-super-" + suffix, "supervisor"),
            Caller.ADMIN, TestData.agent("acl-admin-" + suffix, "admin"));
    long ticket = TestData.ticket().openedBy(names.get(Caller.AGENT));
    var bearer = new LinkedHashMap<Caller, String>();
    var sessions = new LinkedHashMap<Caller, Cookies>();
    names.forEach(
        (caller, name) -> {
          bearer.put(caller, tokens.issue(name, "acl", null).secret());
          sessions.put(caller, signIn(name));
        });

    var failures = new ArrayList<String>();
    var routes = new ArrayList<>(TABLE.entrySet());
    routes.addAll(FRAMEWORK_ROUTES.entrySet());
    // Signing out ends the session the other rows use: do it last.
    routes.sort(
        (a, b) ->
            Boolean.compare(a.getKey().equals("POST /logout"), b.getKey().equals("POST /logout")));
    for (var route : routes) {
      for (var caller : Caller.values()) {
        var response =
            call(route.getKey(), caller, ticket, bearer.get(caller), sessions.get(caller));
        var problem = check(route.getKey(), route.getValue(), caller, response);
        if (problem != null) {
          failures.add(problem);
        }
      }
    }
    assertThat(failures).as("answers that break the access table").isEmpty();
  }

  /**
   * quarkus-rest-csrf checks forms only: a POST with no body, or with a body of another type, once
   * passed with the session cookie alone. Every form route of the pages refuses both for every
   * signed-in caller (415, before any role or token check), and the caller stays signed in.
   */
  @Test
  void everyFormRouteRefusesBodylessAndNonFormPostsFromEveryCaller() {
    var suffix = TestData.unique();
    var names =
        Map.of(
            Caller.AGENT, TestData.agent("acl-bodyless-agent-" + suffix, "agent"),
            Caller.SUPERVISOR, TestData.agent("acl-bodyless-super-" + suffix, "supervisor"),
            Caller.ADMIN, TestData.agent("acl-bodyless-admin-" + suffix, "admin"));
    long ticket = TestData.ticket().openedBy(names.get(Caller.AGENT));
    var failures = new ArrayList<String>();
    names.forEach(
        (caller, name) -> {
          var session = signIn(name);
          for (var route : TABLE.keySet()) {
            var method = route.split(" ")[0];
            var path = route.split(" ")[1];
            if (!method.equals("POST") || path.startsWith("/api/")) {
              continue;
            }
            var concrete = concrete(route, ticket, "1", name);
            for (var type : new String[] {null, "application/json", "text/plain"}) {
              // A plain HTTP client: REST Assured would send a bodyless POST as a form.
              int status = rawPost(concrete, session, type);
              if (status != 415) {
                failures.add(
                    route
                        + " as "
                        + caller
                        + " with "
                        + (type == null ? "no body" : type)
                        + " → "
                        + status);
              }
            }
          }
          var after = given().redirects().follow(false).cookies(session).get("/tickets/" + ticket);
          if (after.statusCode() != 200) {
            failures.add(
                caller
                    + " no longer signed in afterwards: "
                    + after.statusCode()
                    + " "
                    + after.header("Location"));
          }
        });
    assertThat(failures).as("form routes that took a post that is no form").isEmpty();
  }

  @io.quarkus.test.common.http.TestHTTPResource("/")
  java.net.URL root;

  private int rawPost(String path, Cookies session, String type) {
    var cookie =
        session.asList().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(java.util.stream.Collectors.joining("; "));
    var request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(root.toString()).resolve(path))
            .header("Cookie", cookie)
            .method(
                "POST",
                type == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(
                        type.endsWith("json") ? "{}" : "x=1"));
    if (type != null) {
      request.header("Content-Type", type);
    }
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String check(String route, Access access, Caller caller, Response response) {
    int status = response.statusCode();
    boolean api = route.split(" ")[1].startsWith("/api/");
    boolean toLogin =
        status == 302 && String.valueOf(response.header("Location")).contains("/login");
    String verdict;
    if (access == Access.PUBLIC) {
      verdict = status == 401 || status == 403 || toLogin ? "refused a public route" : null;
    } else if (caller == Caller.ANONYMOUS && route.endsWith(" /q/openapi")) {
      // Read by API clients and browsers alike: either challenge keeps an anonymous caller out.
      verdict = status == 401 || toLogin ? null : "anonymous caller not challenged";
    } else if (caller == Caller.ANONYMOUS) {
      verdict =
          api
              ? (status == 401 ? null : "anonymous API call not 401")
              : (toLogin ? null : "anonymous page not sent to sign-in");
    } else if (caller.rank < access.ordinal()) {
      verdict = status == 403 ? null : "a " + caller + " was not refused with 403";
    } else {
      verdict =
          status == 401 || status == 403 || toLogin
              ? "an allowed " + caller + " was refused"
              : null;
    }
    return verdict == null ? null : route + " as " + caller + " → " + status + ": " + verdict;
  }

  /** The route's path with every parameter filled in, so each test reaches the real resource. */
  private static String concrete(String route, long ticket, String tokenId, String username) {
    return route
        .split(" ")[1]
        .replace("{id}", route.contains("tokens/{id}") ? tokenId : Long.toString(ticket))
        .replace("{ticketId}", Long.toString(ticket))
        .replace("{username}", username)
        .replace("{report}", "step-funnel")
        .replace("{table}", "tickets")
        .replace("{key}", "wifi")
        .replace("{version}", "1")
        .replace("{from}", "1")
        .replace("{to}", "1");
  }

  private Response call(String route, Caller caller, long ticket, String bearer, Cookies session) {
    var method = route.split(" ")[0];
    var path = concrete(route, ticket, "999999999", "no-such-account");
    if (path.equals("/live/events")) {
      // An accepted stream stays open; a subject it refuses (400) shows the access decision.
      path += "?viewing=not-a-subject";
    }
    var request = given().redirects().follow(false);
    if (caller != Caller.ANONYMOUS) {
      request = path.startsWith("/api/") ? request.auth().oauth2(bearer) : request.cookies(session);
    }
    if (path.startsWith("/api/") && !method.equals("GET") && !method.equals("DELETE")) {
      request = request.contentType("application/json").body("{}");
    }
    return request.request(method, path);
  }

  private static Cookies signIn(String username) {
    return given()
        .redirects()
        .follow(false)
        .formParam("j_username", username)
        .formParam("j_password", TestData.PASSWORD)
        .post("/j_security_check")
        .then()
        .statusCode(302)
        .extract()
        .detailedCookies();
  }

  /** "METHOD /path" for every resource method of the application, from the compiled classes. */
  private static TreeSet<String> discoverRoutes() {
    var routes = new TreeSet<String>();
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.backupdesk.web");
    for (var javaClass : classes) {
      Class<?> type;
      try {
        type =
            Class.forName(
                javaClass.getName(), false, AccessControlTableTest.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      var base = type.getAnnotation(Path.class);
      if (base == null) {
        continue;
      }
      for (var method : type.getDeclaredMethods()) {
        for (var verb :
            List.<Class<? extends Annotation>>of(
                GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)) {
          if (method.isAnnotationPresent(verb)) {
            var sub = method.getAnnotation(Path.class);
            var path = join(base.value(), sub == null ? "" : sub.value());
            routes.add(verb.getSimpleName() + " " + path);
          }
        }
      }
    }
    return routes;
  }

  private static String join(String base, String sub) {
    var path = ("/" + base + "/" + sub).replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
