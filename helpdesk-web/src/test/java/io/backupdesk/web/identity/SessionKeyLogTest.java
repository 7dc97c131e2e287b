package io.backupdesk.web.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The tests configure no session encryption key, so Quarkus generates a temporary one at start.
 * Whoever reads the log must learn that a temporary key is in use, and never the key itself.
 */
@QuarkusTest
class SessionKeyLogTest {

  @Test
  void theLogSaysATemporaryKeyIsInUseAndNeverShowsIt() throws Exception {
    // The form mechanism makes its key when it first serves a request: ask for a signed-in page
    // (a redirect to the sign-in form), so this test does not depend on others running first.
    given().redirects().follow(false).get("/").then().statusCode(302);
    var field =
        Class.forName("io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism")
            .getDeclaredField("encryptionKey");
    field.setAccessible(true);
    var key = (String) field.get(null);
    assertThat(key).as("Quarkus generated a temporary key").isNotBlank();

    var log = Files.readString(Path.of("target", "quarkus-test.log"));
    assertThat(log).contains("a temporary key is in use").doesNotContain(key);
  }
}
