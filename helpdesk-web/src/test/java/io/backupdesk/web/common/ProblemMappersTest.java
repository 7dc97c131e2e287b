package io.backupdesk.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** How failures that reach no specific mapper are answered. */
class ProblemMappersTest {

  private final ProblemMappers mappers = new ProblemMappers(null, null);

  @Test
  void aVersionCheckThatFailsAtCommitIsAConflictNotAServerError() {
    var atCommit = new RollbackException("ARJUNA016053: Could not commit transaction.");
    atCommit.initCause(new OptimisticLockException("Unexpected row count"));
    var wrapped = new RuntimeException("Error invoking subclass method", atCommit);

    var response = mappers.unexpected(wrapped, api("/api/v1/tickets/7/notes"));

    assertThat(response.getStatus()).isEqualTo(409);
    var problem = (Problem) response.getEntity();
    assertThat(problem.type()).isEqualTo("/problems/stale-version");
    assertThat(problem.detail()).contains("nothing of yours was saved");
  }

  @Test
  void anythingElseUnexpectedStaysA500() {
    var response =
        mappers.unexpected(new IllegalStateException("boom"), api("/api/v1/tickets/7/notes"));
    assertThat(response.getStatus()).isEqualTo(500);
  }

  @Test
  void aUniqueKeyTakenAtTheSameMomentIsA409NamingTheField() {
    var duplicate =
        new java.sql.SQLException(
            "ERROR: duplicate key value violates unique constraint \"agent_username_key\"",
            "23505");
    var wrapped = new RuntimeException("could not execute statement", duplicate);

    var response = mappers.unexpected(wrapped, api("/api/v1/admin/accounts"));

    assertThat(response.getStatus()).isEqualTo(409);
    var problem = (Problem) response.getEntity();
    assertThat(problem.type()).isEqualTo("/problems/already-exists");
    assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("username");
  }

  @Test
  void aPoolWithoutAFreeConnectionIsA503WithRetryAfter() {
    var timeout = new java.sql.SQLException("Sorry, acquisition timeout!");
    var wrapped = new RuntimeException("Unable to acquire JDBC Connection", timeout);

    var response = mappers.unexpected(wrapped, api("/api/v1/tickets"));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
    assertThat(((Problem) response.getEntity()).type()).isEqualTo("/problems/busy");
  }

  @Test
  void aCheckOfTheSchemaIsA422AndAValueItCannotHoldA400() {
    var check = new java.sql.SQLException("violates check constraint", "23514");
    assertThat(mappers.unexpected(new RuntimeException(check), api("/api/v1/x")).getStatus())
        .isEqualTo(422);
    var nul = new java.sql.SQLException("invalid byte sequence for encoding", "22021");
    assertThat(mappers.unexpected(new RuntimeException(nul), api("/api/v1/x")).getStatus())
        .isEqualTo(400);
  }

  @Test
  void aFormBodyThatCannotBeDecodedIsA400() {
    var broken = new IllegalArgumentException("Failed to decode %G1");
    broken.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "org.jboss.resteasy.reactive.common.util.URLUtils", "decode", "URLUtils.java", 1)
        });

    var response = mappers.unexpected(broken, api("/api/v1/tickets/7/notes"));

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(((Problem) response.getEntity()).type()).isEqualTo("/problems/malformed-form");
  }

  private static UriInfo api(String path) {
    return (UriInfo)
        Proxy.newProxyInstance(
            UriInfo.class.getClassLoader(),
            new Class<?>[] {UriInfo.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getPath")) {
                return path;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
