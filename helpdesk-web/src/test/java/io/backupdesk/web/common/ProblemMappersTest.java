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
