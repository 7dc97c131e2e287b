package io.backupdesk.web.report;

import static io.backupdesk.web.report.ReportFixture.customer;
import static io.backupdesk.web.report.ReportFixture.diagnosis;
import static io.backupdesk.web.report.ReportFixture.ticket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A committed change reaches the reports within seconds without anyone asking: the application
 * refreshes the summaries every second, and says up to which moment they are exact.
 */
@QuarkusTest
class ReportFreshnessTest {

  static final String WEEK = "/api/v1/reports/escalations?from=2013-06-03&to=2013-06-09";

  @Test
  @TestSecurity(user = "fresh-lead", roles = "supervisor", authMechanism = "api")
  void aCommittedResolutionIsCountedWithinSecondsAndAsOfSaysSince() throws Exception {
    String agent = TestData.agent("fresh-ann");
    TestData.agent("fresh-lead", "supervisor");
    assertThat(ended(get())).isZero();

    long c = customer("Fresh One", "fresh-one@example.com");
    long t = ticket(c, "iPhone Fresh", "17.5", agent, "2013-06-05T09:00");
    diagnosis(t, 1, agent, "2013-06-05T09:00")
        .fixed(1, "turn-on-backup", true, "2013-06-05T09:00", "2013-06-05T09:04")
        .resolved(1, "turn-on-backup", "2013-06-05T09:10");
    Instant committed = Instant.now();

    JsonPath report = get();
    Instant deadline = committed.plus(Duration.ofSeconds(10));
    while (ended(report) == 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      report = get();
    }
    assertThat(ended(report)).isEqualTo(1);
    assertThat(Duration.between(committed, Instant.now())).isLessThan(Duration.ofSeconds(10));
    // Exact as of a moment after the commit: the refresh that counted it started later.
    assertThat(Instant.parse(report.getString("asOf"))).isAfter(committed.minusSeconds(1));
  }

  private static JsonPath get() {
    return given().get(WEEK).then().statusCode(200).extract().jsonPath();
  }

  private static int ended(JsonPath report) {
    return report.getInt("rows.find { it.week == 'total' }.ended");
  }
}
