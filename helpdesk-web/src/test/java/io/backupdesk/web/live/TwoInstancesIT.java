package io.backupdesk.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupdesk.web.testing.LiveStream;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged app ({@code target/quarkus-app}) on one PostgreSQL, as behind a
 * load balancer: a change made through one instance reaches a page streaming from the other within
 * two seconds, and a viewer on one instance is seen from the other. Nothing is shared between the
 * two processes but the database.
 */
class TwoInstancesIT {

  private static final Path APP =
      Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"));
  private static final String ADMIN_PASSWORD = "two instances share one database";
  private static final String AGENT_PASSWORD = "jordan has the ticket open";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static EmbeddedPostgres postgres;
  private static Process first;
  private static Process second;
  private static URI one;
  private static URI two;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    assertThat(APP.resolve("quarkus-run.jar")).as("the packaged app").exists();
    postgres = EmbeddedPostgres.builder().start();
    String url = postgres.getJdbcUrl("postgres", "postgres");
    // One after the other: the first migrates the empty database and creates the administrator.
    one = URI.create("http://localhost:" + freePort());
    first = start("one", one, url);
    awaitReady(one, first);
    two = URI.create("http://localhost:" + freePort());
    second = start("two", two, url);
    awaitReady(two, second);
  }

  @AfterAll
  static void stop() throws Exception {
    for (Process p : new Process[] {first, second}) {
      if (p != null) {
        p.destroy();
        p.waitFor();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aChangeOnOneInstanceReachesAPageOfTheOther() throws Exception {
    api(
        one,
        "POST",
        "/api/v1/admin/accounts",
        Map.of(
            "username", "jordan",
            "displayName", "Jordan Lee",
            "email", "jordan@backupdesk.test",
            "role", "agent",
            "password", AGENT_PASSWORD),
        201);
    long ticket =
        api(
                one,
                "POST",
                "/api/v1/tickets",
                Map.of(
                    "customerName", "Dana Customer",
                    "customerEmail", "dana@example.com",
                    "deviceModel", "iPhone 8",
                    "iosVersion", "16.7",
                    "channel", "PHONE",
                    "subject", "Backup has not run for a week"),
                201)
            .get("id")
            .asLong();

    String jordanOnTwo = LiveStream.signIn(two, "jordan", AGENT_PASSWORD);
    try (var page = LiveStream.open(two, jordanOnTwo, "ticket:" + ticket)) {
      api(one, "PATCH", "/api/v1/tickets/" + ticket, Map.of("priority", "HIGH"), 200);

      // Within two seconds of instance one's response (the commit).
      JsonNode event =
          page.next(LiveStream.ticketEvent(ticket, "PRIORITY_CHANGED"), Duration.ofSeconds(2));
      assertThat(event.get("payload").get("by").asText()).isEqualTo("admin");

      // Jordan's page streams from instance two; the administrator asks instance one.
      String adminOnOne = LiveStream.signIn(one, "admin", ADMIN_PASSWORD);
      var viewers =
          HTTP.send(
              HttpRequest.newBuilder(one.resolve("/live/viewers?subject=ticket:" + ticket))
                  .header("Cookie", adminOnOne)
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(viewers.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(viewers.body()).get("viewers").findValuesAsText("name"))
          .isEqualTo(List.of("Jordan Lee"));
    }
  }

  private static JsonNode api(URI app, String method, String path, Object body, int expected)
      throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    var response =
        HTTP.send(
            HttpRequest.newBuilder(app.resolve(path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(expected);
    return JSON.readTree(response.body());
  }

  private static Process start(String name, URI app, String jdbcUrl) throws IOException {
    Path log = Path.of("target", "two-instances-" + name + ".log");
    Files.createDirectories(log.getParent());
    var builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-jar",
                APP.resolve("quarkus-run.jar").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    var env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(app.getPort()));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
    env.put("HELPDESK_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("HELPDESK_SECURITY_SECURE_COOKIES", "false");
    return builder.start();
  }

  private static void awaitReady(URI app, Process process) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the instance on " + app + " is running").isTrue();
      try {
        var response =
            HTTP.send(
                HttpRequest.newBuilder(app.resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("The instance on " + app + " did not become ready");
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
