package io.backupdesk.web.hardening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.web.identity.TokenService;
import io.backupdesk.web.testing.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Creations that race for the same unique key, or for the pool's connections: every request gets
 * 201, a 409 problem, or a 503 problem with Retry-After, never a 500. Repeated, because a race that
 * loses only sometimes is still a race.
 */
@QuarkusTest
class ConcurrentCreationTest {

  private static final Set<Integer> ALLOWED = Set.of(201, 409, 503);

  @Inject EntityManager db;

  @Inject TokenService tokens;

  String admin;
  String token;

  @BeforeEach
  void admin() {
    admin = TestData.agent("race-admin-" + TestData.unique(), "admin");
    // A token, not a password: bcrypt on every request would make the test measure the CPU.
    token = tokens.issue(admin, "race", null).secret();
  }

  @RepeatedTest(3)
  void twentyFirstTicketsOfOneNewCustomerAtOnceMakeOneCustomer() {
    long n = TestData.unique();
    var email = "first" + n + "@race.example";
    List<Answer> answers =
        Parallel.run(
            20,
            i -> {
              var body = new HashMap<String, Object>();
              body.put("customerName", "Rae Race " + n);
              // The same address in varying letter case: one customer all the same.
              body.put("customerEmail", i % 2 == 0 ? email : email.toUpperCase());
              body.put("deviceModel", "iPhone 15");
              body.put("iosVersion", "17.5.1");
              body.put("channel", "CHAT");
              body.put("subject", "Backup fails (" + n + "/" + i + ")");
              return answer(
                  "POST /api/v1/tickets #" + i, asAdmin().body(body).post("/api/v1/tickets"));
            });

    everyAnswerIsCreatedOrAProblem(answers);
    assertThat(answers)
        .as("no ticket of a new customer is lost to the race")
        .allMatch(a -> a.status() == 201);
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        ((Number)
                                db.createNativeQuery(
                                        "select count(*) from customer where lower(email) = ?1")
                                    .setParameter(1, email)
                                    .getSingleResult())
                            .longValue()))
        .isEqualTo(1);
  }

  @RepeatedTest(3)
  void twentyCreationsOfOneUserNameAtOnceCreateItOnceAndRefuseTheRestWith409() {
    var name = "same-" + TestData.unique();
    List<Answer> answers =
        Parallel.run(
            20,
            i ->
                answer(
                    "POST /api/v1/admin/accounts " + name + " #" + i,
                    asAdmin()
                        .body(
                            Map.of(
                                "username",
                                name,
                                "displayName",
                                "Same Name " + i,
                                "role",
                                "agent",
                                "password",
                                "a long enough password"))
                        .post("/api/v1/admin/accounts")));

    everyAnswerIsCreatedOrAProblem(answers);
    assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
    assertThat(answers.stream().filter(a -> a.status() == 409))
        .allSatisfy(a -> assertThat(a.json().getString("detail")).contains("is taken"));
  }

  @RepeatedTest(3)
  void thirtyAccountCreationsAtOnceAreCreatedOrToldToRetry() {
    long n = TestData.unique();
    List<Answer> answers =
        Parallel.run(
            30,
            i ->
                answer(
                    "POST /api/v1/admin/accounts many-" + n + "-" + i,
                    asAdmin()
                        .body(
                            Map.of(
                                "username",
                                "many-" + n + "-" + i,
                                "displayName",
                                "Many " + i,
                                "role",
                                "agent",
                                "password",
                                "a long enough password"))
                        .post("/api/v1/admin/accounts")));

    everyAnswerIsCreatedOrAProblem(answers);
    assertThat(answers).noneMatch(a -> a.status() == 409);
  }

  /** The answer, with its Retry-After header (if any) kept beside the request. */
  private static Answer answer(String request, io.restassured.response.Response response) {
    var retry = response.header("Retry-After");
    return Answer.of(retry == null ? request : request + " (Retry-After: " + retry + ")", response);
  }

  private io.restassured.specification.RequestSpecification asAdmin() {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static void everyAnswerIsCreatedOrAProblem(List<Answer> answers) {
    assertThat(answers)
        .allSatisfy(
            a -> {
              assertThat(a.status()).as(a.toString()).isIn(ALLOWED);
              if (a.status() != 201) {
                assertThat(a.isProblem()).as(a.toString()).isTrue();
              }
            });
    // A 503 says when to come back.
    assertThat(answers.stream().filter(a -> a.status() == 503))
        .allSatisfy(a -> assertThat(a.request()).as(a.toString()).contains("Retry-After: 2"));
  }
}
