package io.backupdesk.web.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares the embedded PostgreSQL once for every {@code @QuarkusTest}: a global test resource, so
 * all test classes share one application and one database (and start it once).
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class EmbeddedDatabaseForAllTests {
  private EmbeddedDatabaseForAllTests() {}
}
