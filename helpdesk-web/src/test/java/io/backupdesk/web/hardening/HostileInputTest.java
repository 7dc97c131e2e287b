package io.backupdesk.web.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupdesk.web.identity.TokenService;
import io.backupdesk.web.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of malformed and hostile requests against every write endpoint of the API, drawn from a
 * seeded generator (rerun one with {@code -Dfuzz.seed=...}). Each request is built to be invalid,
 * so each must be refused with a 4xx problem, never a 5xx or a dropped connection, and the stored
 * rows must be exactly as they were.
 *
 * <p>Raw {@link HttpClient} rather than REST Assured: the point is to send bytes, headers and paths
 * that a well-behaved client library would refuse to produce or would quietly repair.
 */
@QuarkusTest
@TestSecurity(
    user = "fuzz-admin",
    roles = {"agent", "supervisor", "admin"},
    authMechanism = "api")
class HostileInputTest {

  private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBLEM = "application/problem+json";

  @TestHTTPResource("/")
  URI base;

  @Inject TokenService tokens;

  HttpClient http;
  String admin;
  String target;
  int targetVersion;
  long ticket;
  long diagnosed;
  int ticketVersion;
  int diagnosisVersion;
  long othersToken;

  @BeforeEach
  void fixtures() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    admin = TestData.agent("fuzz-admin", "admin");
    target = TestData.agent("fuzz-target-" + TestData.unique());
    targetVersion =
        (int) StoredState.number("select version from agent where username = ?1", target);
    ticket = TestData.ticket().openedBy(admin);
    ticketVersion = 0;
    diagnosed = TestData.ticket().openedBy(admin);
    var started = send("POST", "/api/v1/tickets/" + diagnosed + "/diagnosis", null, null, Map.of());
    assertThat(started.status).as(started.toString()).isEqualTo(201);
    diagnosisVersion = started.json().get("version").asInt();
    othersToken = tokens.issue(target, "not yours", null).token().id;
  }

  @Test
  void thousandsOfInvalidRequestsAreEachRefusedWithAProblemAndChangeNothing() {
    var before = snapshot();
    var random = new Random(SEED);
    var endpoints = endpoints();
    var failures = new ArrayList<String>();
    var statuses = new TreeMap<Integer, Integer>();
    for (int i = 0; i < REQUESTS; i++) {
      var endpoint = endpoints.get(random.nextInt(endpoints.size()));
      var probe = new Generator(random, endpoint).probe();
      var answer = send(probe.method, probe.path, probe.contentType, probe.body, probe.headers);
      statuses.merge(answer.status, 1, Integer::sum);
      var problem = problemWith(answer, true);
      if (problem != null) {
        failures.add("#" + i + " " + probe + "\n    → " + problem);
      }
    }
    System.out.printf("Fuzz seed %d: %d requests, statuses %s%n", SEED, REQUESTS, statuses);
    assertThat(failures)
        .as(
            "seed %d (rerun with -Dfuzz.seed=%d): %d of %d requests were mishandled; first ones:%n%s",
            SEED,
            SEED,
            failures.size(),
            REQUESTS,
            failures.stream().limit(25).collect(Collectors.joining("\n")))
        .isEmpty();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aNulCharacterInAnyTextIsA400NamingTheField() {
    var before = snapshot();
    var answer =
        send(
            "POST",
            "/api/v1/tickets/" + ticket + "/notes",
            "application/json",
            "{\"body\": \"before\\u0000after\"}".getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(answer.status).as(answer.toString()).isEqualTo(400);
    assertThat(answer.contentType).startsWith(PROBLEM);
    assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
    assertThat(answer.json().get("detail").asText()).contains("body");

    var outcome =
        send(
            "POST",
            "/api/v1/tickets/" + diagnosed + "/diagnosis/outcomes",
            "application/json",
            ("{\"stepKey\": \"backup-switch\", \"outcome\": \"NOTHING_WRONG\", \"note\":"
                    + " \"\\u0000\"}")
                .getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(outcome.status).as(outcome.toString()).isEqualTo(400);
    assertThat(outcome.json().get("errors").get(0).get("field").asText()).isEqualTo("note");
    var surrogate =
        send(
            "POST",
            "/api/v1/tickets/" + ticket + "/notes",
            "application/json",
            "{\"body\": \"half \\ud800 a character\"}".getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(surrogate.status).as(surrogate.toString()).isEqualTo(400);
    assertThat(surrogate.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
    var path =
        send(
            "PATCH",
            "/api/v1/admin/accounts/a%00b",
            "application/json",
            "{\"role\":\"agent\"}".getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(path.status).as(path.toString()).isBetween(400, 499);
    assertThat(path.contentType).startsWith(PROBLEM);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aNumberIsNoEnumValue() {
    var before = snapshot();
    var answer =
        send(
            "POST",
            "/api/v1/tickets/" + diagnosed + "/diagnosis/outcomes",
            "application/json",
            "{\"stepKey\": \"backup-switch\", \"outcome\": 0}".getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(answer.status).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().get("detail").asText()).contains("outcome");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aBodyOverTheLimitIsA413ProblemNotADroppedConnection() {
    var before = snapshot();
    // A well-formed note of 10 MB, so that nothing but its size is wrong with it.
    var huge = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    var start = "{\"body\": \"".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(start, 0, huge, 0, start.length);
    huge[huge.length - 2] = '"';
    huge[huge.length - 1] = '}';
    for (var path :
        List.of(
            "/api/v1/tickets/" + diagnosed + "/diagnosis/outcomes",
            "/api/v1/tickets/" + ticket + "/notes",
            "/api/v1/tickets")) {
      var answer = send("POST", path, "application/json", huge, Map.of());
      assertThat(answer.status).as(answer.toString()).isEqualTo(413);
      assertThat(problemWith(answer, false)).as(answer.toString()).isNull();
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  // ---- the endpoints and how to break a request to each
  // ------------------------------------------

  enum Kind {
    TEXT,
    ENUM,
    FLAG,
    NUMBER,
    TIME
  }

  /**
   * One write endpoint: a valid request to start from, its fields and their limits. {@code
   * alwaysRefused} marks endpoints that refuse even the template in the fixtures' state (e.g. a
   * verification with no fix pending), {@code emptyIsValid} those that accept no body at all.
   */
  record Endpoint(
      String method,
      String path,
      List<String> ids,
      Map<String, Object> template,
      Map<String, Kind> fields,
      Set<String> required,
      Map<String, Integer> limits,
      boolean readsIfMatch,
      boolean versioned,
      boolean alwaysRefused,
      boolean emptyIsValid) {}

  private List<Endpoint> endpoints() {
    var ticketIds = List.of(Long.toString(ticket));
    var diagnosedIds = List.of(Long.toString(diagnosed));
    var ticketForm = new LinkedHashMap<String, Object>();
    ticketForm.put("customerName", "Fuzz Customer");
    ticketForm.put("customerEmail", "fuzz-" + TestData.unique() + "@fuzz.invalid");
    ticketForm.put("customerPhone", "+1 555 0100");
    ticketForm.put("deviceModel", "iPhone 8");
    ticketForm.put("iosVersion", "16.7");
    ticketForm.put("channel", "PHONE");
    ticketForm.put("priority", "HIGH");
    ticketForm.put("subject", "Backup stuck");
    ticketForm.put("description", "It says the last backup was a week ago.");
    var fields = new LinkedHashMap<String, Kind>();
    ticketForm.keySet().forEach(k -> fields.put(k, Kind.TEXT));
    fields.put("channel", Kind.ENUM);
    fields.put("priority", Kind.ENUM);
    var diagnosisPath = "/api/v1/tickets/{id}/diagnosis";
    return List.of(
        new Endpoint(
            "POST",
            "/api/v1/tickets",
            List.of(),
            ticketForm,
            fields,
            Set.of(
                "customerName", "customerEmail", "deviceModel", "iosVersion", "channel", "subject"),
            Map.of(
                "customerName", 120,
                "customerEmail", 254,
                "customerPhone", 40,
                "deviceModel", 60,
                "subject", 200,
                "description", 10_000),
            false,
            false,
            false,
            false),
        new Endpoint(
            "PATCH",
            "/api/v1/tickets/{id}",
            ticketIds,
            map("priority", "HIGH", "version", ticketVersion),
            Map.of(
                "status", Kind.ENUM,
                "priority", Kind.ENUM,
                "assignee", Kind.TEXT,
                "unassign", Kind.FLAG,
                "version", Kind.NUMBER),
            Set.of(),
            Map.of("assignee", 64),
            true,
            true,
            false,
            false),
        new Endpoint(
            "POST",
            "/api/v1/tickets/{id}/notes",
            ticketIds,
            map("body", "Called the customer back."),
            Map.of("body", Kind.TEXT),
            Set.of("body"),
            Map.of("body", 10_000),
            false,
            false,
            false,
            false),
        new Endpoint(
            "POST",
            diagnosisPath,
            diagnosedIds,
            null,
            Map.of(),
            Set.of(),
            Map.of(),
            false,
            false,
            true,
            true),
        new Endpoint(
            "POST",
            diagnosisPath + "/outcomes",
            diagnosedIds,
            map(
                "stepKey", "backup-switch",
                "outcome", "NOTHING_WRONG",
                "note", "Switch was on",
                "version", diagnosisVersion),
            Map.of(
                "stepKey", Kind.TEXT,
                "outcome", Kind.ENUM,
                "fixOption", Kind.TEXT,
                "skipReason", Kind.TEXT,
                "note", Kind.TEXT,
                "consent", Kind.FLAG,
                "version", Kind.NUMBER),
            Set.of("stepKey", "outcome"),
            Map.of("note", 4000, "skipReason", 2000),
            true,
            true,
            false,
            false),
        new Endpoint(
            "POST",
            diagnosisPath + "/verification",
            diagnosedIds,
            map("stepKey", "backup-switch", "backupCompleted", true, "version", diagnosisVersion),
            Map.of("stepKey", Kind.TEXT, "backupCompleted", Kind.FLAG, "version", Kind.NUMBER),
            Set.of("stepKey", "backupCompleted"),
            Map.of(),
            true,
            true,
            true,
            false),
        new Endpoint(
            "POST",
            diagnosisPath + "/escalation",
            diagnosedIds,
            map("target", "TIER_2", "reason", "Needs tier 2", "version", diagnosisVersion),
            Map.of("target", Kind.ENUM, "reason", Kind.TEXT, "version", Kind.NUMBER),
            Set.of("target", "reason"),
            Map.of("reason", 2000),
            true,
            true,
            false,
            false),
        new Endpoint(
            "POST",
            diagnosisPath + "/abandonment",
            diagnosedIds,
            map("reason", "Customer had to go", "version", diagnosisVersion),
            Map.of("reason", Kind.TEXT, "version", Kind.NUMBER),
            Set.of(),
            Map.of("reason", 1000),
            true,
            true,
            false,
            true),
        new Endpoint(
            "POST",
            diagnosisPath + "/resumption",
            diagnosedIds,
            map("version", diagnosisVersion),
            Map.of("version", Kind.NUMBER),
            Set.of(),
            Map.of(),
            true,
            true,
            true,
            true),
        new Endpoint(
            "POST",
            "/api/v1/me/tokens",
            List.of(),
            map(
                "name",
                "fuzz token",
                "expiresAt",
                Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()),
            Map.of("name", Kind.TEXT, "expiresAt", Kind.TIME),
            Set.of("name"),
            Map.of("name", 80),
            false,
            false,
            false,
            false),
        new Endpoint(
            "DELETE",
            "/api/v1/me/tokens/{id}",
            List.of(Long.toString(othersToken)),
            null,
            Map.of(),
            Set.of(),
            Map.of(),
            false,
            false,
            true,
            true),
        new Endpoint(
            "POST",
            "/api/v1/admin/accounts",
            List.of(),
            map(
                "username", "fz-new-" + TestData.unique(),
                "displayName", "Fuzz New",
                "email", "new@fuzz.invalid",
                "role", "agent",
                "password", "a long enough password"),
            Map.of(
                "username", Kind.TEXT,
                "displayName", Kind.TEXT,
                "email", Kind.TEXT,
                "role", Kind.TEXT,
                "password", Kind.TEXT),
            Set.of("username", "displayName", "role", "password"),
            Map.of("username", 64, "displayName", 120, "email", 254, "password", 72),
            false,
            false,
            false,
            false),
        new Endpoint(
            "PATCH",
            "/api/v1/admin/accounts/{id}",
            List.of(target),
            map("role", "supervisor", "version", targetVersion),
            Map.of("role", Kind.TEXT, "enabled", Kind.FLAG, "version", Kind.NUMBER),
            Set.of(),
            Map.of(),
            false,
            true,
            false,
            false),
        new Endpoint(
            "POST",
            "/api/v1/admin/accounts/{id}/password",
            List.of(target),
            map("password", "another long password", "version", targetVersion),
            Map.of("password", Kind.TEXT, "version", Kind.NUMBER),
            Set.of("password"),
            Map.of("password", 72),
            false,
            true,
            false,
            false));
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A request ready to send, and how it was made, for the failure report. */
  record Probe(
      String method,
      String path,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      String how) {
    @Override
    public String toString() {
      var shown =
          body == null
              ? "(no body)"
              : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                  + (body.length > 300 ? "… (" + body.length + " bytes)" : "");
      return method + " " + path + " [" + how + "] " + contentType + " " + headers + " " + shown;
    }
  }

  /** Breaks one endpoint's valid request in one way that makes it invalid, plus some noise. */
  final class Generator {

    private static final List<String> ABSURD_IDS =
        List.of(
            "-1",
            "0",
            "99999999999999999999",
            "9223372036854775807",
            "abc",
            "1.5",
            "1e3",
            "0x10",
            "%00",
            "1%00",
            "%FF%FE",
            "%20",
            "1%3B2",
            "%2e%2e",
            "%27%20or%201%3D1--",
            "1".repeat(400),
            "%E2%80%AE42");
    private static final List<String> ABSURD_NAMES =
        List.of("%00", "a%00b", "%FF", "..", "%2F", "x".repeat(300), "%E2%80%AE", "no-such-user");
    private static final List<String> GARBAGE =
        List.of(
            "{",
            "}",
            "[",
            "{\"",
            "{'stepKey':'wifi'}",
            "not json",
            "<xml/>",
            "a=b&c=d",
            "[]",
            "[{}]",
            "\"text\"",
            "42",
            "-1",
            "true",
            "{\"a\":}",
            "{,}",
            "{\"x\":1,}",
            "{\"x\" 1}",
            "{\"x\":01}",
            "{\"x\":\"\\q\"}",
            "{\"x\":\"unterminated}",
            "\u0000");
    private static final List<String> BAD_CONTENT_TYPES =
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "application/jsonx",
            "image/png");

    private final Random random;
    private final Endpoint endpoint;
    private final List<String> how = new ArrayList<>();
    private String method;
    private String id;
    private String contentType = "application/json";
    private Map<String, Object> body;
    private byte[] raw;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Generator(Random random, Endpoint endpoint) {
      this.random = random;
      this.endpoint = endpoint;
      this.method = endpoint.method();
      this.id = endpoint.ids().isEmpty() ? null : pick(endpoint.ids());
      this.body = endpoint.template() == null ? null : new LinkedHashMap<>(endpoint.template());
    }

    Probe probe() {
      breakIt();
      if (random.nextInt(3) == 0) {
        addNoise();
      }
      var path = id == null ? endpoint.path() : endpoint.path().replace("{id}", id);
      byte[] bytes = raw != null ? raw : body == null ? null : json(body);
      return new Probe(method, path, contentType, bytes, headers, String.join(", ", how));
    }

    /** One change that no correct server may accept. */
    private void breakIt() {
      var options = new ArrayList<Runnable>();
      if (endpoint.alwaysRefused()) {
        options.add(() -> how.add("as is"));
      }
      options.add(this::wrongMethod);
      if (id != null) {
        options.add(this::absurdId);
        options.add(this::absurdId);
      }
      if (body != null) {
        options.add(this::truncated);
        options.add(this::garbage);
        options.add(this::wrongContentType);
        options.add(this::wrongType);
        options.add(this::wrongType);
        options.add(this::deeplyNested);
        options.add(this::invalidUtf8);
        if (!textFields().isEmpty()) {
          options.add(this::nul);
          options.add(this::nul);
        }
        if (!endpoint.required().isEmpty()) {
          options.add(this::missingOrNull);
        }
        if (!endpoint.limits().isEmpty()) {
          options.add(this::tooLong);
        }
        if (endpoint.fields().containsValue(Kind.ENUM)) {
          options.add(this::unknownEnum);
        }
        if (endpoint.versioned()) {
          options.add(this::staleVersion);
        }
        if (endpoint.readsIfMatch()) {
          options.add(this::badIfMatch);
        }
        if (endpoint.fields().containsValue(Kind.TIME)) {
          options.add(this::absurdTime);
        }
        if (endpoint.path().equals("/api/v1/admin/accounts")) {
          options.add(this::takenUserName);
        }
      } else if (!endpoint.emptyIsValid()) {
        options.add(this::garbage);
      }
      pick(options).run();
    }

    private void wrongMethod() {
      method = pick(List.of("PUT", "DELETE", "PATCH", "POST"));
      if (method.equals(endpoint.method())) {
        method = "PUT";
      }
      if (method.equals("DELETE") && endpoint.path().startsWith("/api/v1/me/tokens")) {
        method = "PUT";
      }
      how.add("method " + method);
    }

    private void absurdId() {
      id = endpoint.path().contains("accounts/") ? pick(ABSURD_NAMES) : pick(ABSURD_IDS);
      how.add("id " + abbreviate(id));
    }

    private void truncated() {
      var full = json(body);
      raw = java.util.Arrays.copyOf(full, 1 + random.nextInt(full.length - 1));
      how.add("truncated JSON");
    }

    private void garbage() {
      if (random.nextBoolean() || endpoint.emptyIsValid()) {
        raw = pick(GARBAGE).getBytes(StandardCharsets.UTF_8);
      } else if (random.nextBoolean()) {
        raw = new byte[0];
      } else {
        raw = new byte[3 + random.nextInt(200)];
        random.nextBytes(raw);
        raw[0] =
            (byte) (int) pick(List.of((int) 'x', (int) '\'', (int) '<', (int) '#', 0x01, 0xFF));
      }
      how.add("garbage body");
    }

    private void wrongContentType() {
      // (No Content-Type at all is read as JSON, which is lenient but not wrong: not sent here.)
      contentType = pick(BAD_CONTENT_TYPES);
      how.add("content type " + contentType);
    }

    private void wrongType() {
      var field = pick(new ArrayList<>(endpoint.fields().keySet()));
      Object value =
          switch (endpoint.fields().get(field)) {
            case TEXT ->
                pick(List.<Object>of(List.of(), Map.of(), List.of(1, 2), Map.of("a", "b")));
            case ENUM -> pick(List.<Object>of(0, 1, -1, 3.5, true, List.of(), Map.of()));
            case FLAG -> pick(List.<Object>of("yes", "maybe", List.of(), Map.of()));
            case NUMBER ->
                pick(
                    List.<Object>of(
                        "abc",
                        List.of(),
                        Map.of(),
                        new java.math.BigInteger("99999999999999999999"),
                        new java.math.BigInteger("-99999999999999999999")));
            case TIME -> pick(List.<Object>of("tomorrow", "2026-13-45T00:00:00Z", List.of(), true));
          };
      body.put(field, value);
      how.add("wrong type for " + field);
    }

    private void deeplyNested() {
      var field = pick(new ArrayList<>(endpoint.fields().keySet()));
      int depth = 500 + random.nextInt(5000);
      var text = json(body);
      var nested =
          "{\""
              + field
              + "\": "
              + "[".repeat(depth)
              + "]".repeat(depth)
              + ", "
              + new String(text, StandardCharsets.UTF_8).substring(1);
      raw = nested.getBytes(StandardCharsets.UTF_8);
      how.add("nested " + depth + " deep in " + field);
    }

    private void invalidUtf8() {
      // Bytes that are no UTF-8 at all, inside a string value or before the body.
      var text = new String(json(body), StandardCharsets.UTF_8);
      int quote = text.indexOf("\":\"");
      var bad =
          pick(
              List.of(
                  new byte[] {(byte) 0xFF},
                  new byte[] {(byte) 0xC3, 0x28},
                  new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                  new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
      var out = new ByteArrayOutputStream();
      if (quote < 0) {
        out.writeBytes(bad);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      } else {
        out.writeBytes(text.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(text.substring(quote + 3).getBytes(StandardCharsets.UTF_8));
      }
      raw = out.toByteArray();
      how.add("invalid UTF-8");
    }

    private void nul() {
      var field = pick(textFields());
      var value = body.get(field) instanceof String s ? s : "x";
      int at = random.nextInt(value.length() + 1);
      body.put(field, value.substring(0, at) + "\u0000" + value.substring(at));
      how.add("NUL in " + field);
    }

    private void missingOrNull() {
      var field = pick(new ArrayList<>(endpoint.required()));
      if (random.nextBoolean()) {
        body.remove(field);
        how.add("without " + field);
      } else {
        body.put(field, null);
        how.add(field + " null");
      }
    }

    private void tooLong() {
      var field = pick(new ArrayList<>(endpoint.limits().keySet()));
      int limit = endpoint.limits().get(field);
      int length =
          random.nextInt(10) == 0
              ? 300_000 + random.nextInt(400_000)
              : limit + 1 + random.nextInt(50);
      var filler = pick(List.of("a", "é", "😀", "\u202E"));
      // Each filler is one character (code point), as the database counts: over the limit by any
      // measure.
      var value = filler.repeat(length);
      // Any address becomes too long by its local part, any other text by its length.
      body.put(field, field.toLowerCase().contains("email") ? value + "@x.io" : value.toString());
      how.add(field + " of " + length + " chars");
    }

    private void unknownEnum() {
      var field =
          pick(
              endpoint.fields().entrySet().stream()
                  .filter(e -> e.getValue() == Kind.ENUM)
                  .map(Map.Entry::getKey)
                  .toList());
      body.put(field, pick(List.of("NOT_A_VALUE", "fixed", "high", "TIER_3", "NULL", "0", "H1GH")));
      how.add("unknown " + field);
    }

    private void staleVersion() {
      var current = (Integer) endpoint.template().get("version");
      body.put(
          "version",
          random.nextBoolean() ? current + 1 + random.nextInt(1000) : -1 - random.nextInt(5));
      how.add("stale version");
    }

    private void badIfMatch() {
      headers.put(
          "If-Match",
          pick(
              List.of(
                  "abc", "\"abc\"", "W/\"x\"", "\"1\", \"2\"", "99999999999999999999", "\"", "-")));
      how.add("bad If-Match");
    }

    private void absurdTime() {
      body.put(
          "expiresAt",
          pick(
              List.of(
                  "+1000000-01-01T00:00:00Z",
                  "+294277-01-01T00:00:00Z",
                  "-4713-11-24T00:00:00Z",
                  "1970-01-01T00:00:00Z")));
      how.add("absurd time");
    }

    private void takenUserName() {
      body.put("username", admin);
      how.add("taken user name");
    }

    /** Things a valid request may carry too: they must not change how the break is answered. */
    private void addNoise() {
      if (raw != null || body == null) {
        return;
      }
      if (random.nextBoolean()) {
        body.put("unexpected" + random.nextInt(100), pick(List.of("x", 1, List.of(), Map.of())));
        how.add("+unknown field");
      } else {
        var texts = textFields();
        if (!texts.isEmpty()) {
          var field = pick(texts);
          if (body.get(field) instanceof String s) {
            body.put(
                field,
                s
                    + pick(
                        List.of(
                            "\u0007\u001b[31m",
                            "\r\n\t",
                            "\u202Etxt",
                            "😀",
                            "\u200B",
                            "<script>")));
            how.add("+odd characters in " + field);
          }
        }
      }
    }

    private List<String> textFields() {
      return endpoint.fields().entrySet().stream()
          .filter(e -> e.getValue() == Kind.TEXT)
          .map(Map.Entry::getKey)
          .sorted()
          .toList();
    }

    private <T> T pick(List<T> options) {
      return options.get(random.nextInt(options.size()));
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- sending and judging -------------------------------------------------------------------

  /** What came back, or the exception that ended the exchange. */
  record Reply(int status, String contentType, String body, String failure) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      if (failure != null) {
        return "no answer: " + failure;
      }
      var shown = body.length() > 400 ? body.substring(0, 400) + "…" : body;
      return status + " " + contentType + " " + shown;
    }
  }

  private Reply send(
      String method, String path, String contentType, byte[] body, Map<String, String> headers) {
    var request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    return exchange(request.build());
  }

  private Reply exchange(HttpRequest request) {
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body(),
          null);
    } catch (IOException e) {
      return new Reply(0, null, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Why this answer to an invalid request is wrong, or null if it is a proper refusal. */
  private static String problemWith(Reply reply, boolean mustBeRefused) {
    if (reply.failure != null) {
      return "the connection failed: " + reply.failure;
    }
    if (reply.status >= 500) {
      return "server error " + reply;
    }
    if (reply.status < 400) {
      return mustBeRefused ? "an invalid request was accepted: " + reply : null;
    }
    if (reply.contentType == null || !reply.contentType.startsWith(PROBLEM)) {
      return "not a problem+json answer: " + reply;
    }
    try {
      var json = JSON.readTree(reply.body);
      if (json == null || !json.hasNonNull("detail") || json.get("detail").asText().isBlank()) {
        return "a problem without detail: " + reply;
      }
      if (json.path("status").asInt() != reply.status) {
        return "a problem whose status differs from the answer's: " + reply;
      }
    } catch (IOException e) {
      return "a problem body that is not JSON: " + reply;
    }
    return null;
  }

  /** The stored rows this test's requests could touch. */
  private List<Object> snapshot() {
    return List.of(
        StoredState.of(ticket),
        StoredState.of(diagnosed),
        StoredState.number("select count(*) from api_token where agent = ?1", admin),
        StoredState.number(
            "select count(*) from api_token where revoked_at is not null and agent = ?1", target),
        StoredState.number("select count(*) from agent where username like 'fz-new-%'"),
        StoredState.number("select count(*) from customer where email like '%@fuzz.invalid'"),
        StoredState.number("select count(*) from ticket where created_by = ?1", admin),
        StoredState.number("select count(*) from audit_log where actor = ?1", admin),
        StoredState.number(
            "select count(*) from agent where username = ?1 and role = 'agent' and version = ?2",
            target,
            targetVersion));
  }
}
