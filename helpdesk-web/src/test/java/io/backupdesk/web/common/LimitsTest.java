package io.backupdesk.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.playbook.IosVersion;
import io.backupdesk.diagnostics.ticket.TimelineEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits that the API and the forms check are the lengths of the columns that store the text,
 * read from the migrated schema: a limit above its column would be a 500 from the database, one
 * below it a refusal of text that fits.
 */
@QuarkusTest
class LimitsTest {

  /** A column and the limit of the inputs it stores. */
  record Column(String table, String column, int limit) {}

  static final List<Column> COLUMNS =
      List.of(
          new Column("agent", "username", Limits.USERNAME),
          new Column("ticket", "assignee", Limits.USERNAME),
          new Column("ticket", "created_by", Limits.USERNAME),
          new Column("ticket_event", "actor", Limits.USERNAME),
          new Column("diagnosis", "started_by", Limits.USERNAME),
          new Column("step_result", "recorded_by", Limits.USERNAME),
          new Column("api_token", "agent", Limits.USERNAME),
          new Column("agent_session", "agent", Limits.USERNAME),
          new Column("login_failure", "username", Limits.USERNAME),
          new Column("audit_log", "actor", Limits.USERNAME),
          new Column("agent", "display_name", Limits.DISPLAY_NAME),
          new Column("agent", "email", Limits.EMAIL),
          new Column("customer", "email", Limits.EMAIL),
          new Column("customer", "name", Limits.CUSTOMER_NAME),
          new Column("customer", "phone", Limits.PHONE),
          new Column("ticket", "device_model", Limits.DEVICE_MODEL),
          new Column("ticket", "subject", Limits.SUBJECT),
          new Column("ticket_event", "body", Limits.TICKET_NOTE),
          new Column("ticket_event", "summary", TimelineEntry.MAX_SUMMARY),
          new Column("step_result", "note", Limits.STEP_NOTE),
          new Column("step_result", "skip_reason", Limits.SKIP_REASON),
          new Column("diagnosis", "escalation_reason", Limits.ESCALATION_REASON),
          new Column("diagnosis", "pause_reason", Limits.ABANDON_REASON),
          new Column("diagnosis", "paused_by", Limits.USERNAME),
          new Column("diagnosis", "order_override_by", Limits.USERNAME),
          new Column("step_correction", "reason", Limits.CORRECTION_REASON),
          new Column("step_correction", "corrected_by", Limits.USERNAME),
          new Column("api_token", "name", Limits.TOKEN_NAME),
          new Column("audit_log", "target", Limits.AUDIT_TARGET),
          new Column("audit_log", "detail", Limits.AUDIT_DETAIL),
          new Column("audit_log", "ip", Limits.IP),
          new Column("agent_session", "ip", Limits.IP),
          new Column("login_failure", "ip", Limits.IP),
          new Column("agent_session", "user_agent", Limits.USER_AGENT));

  @Inject EntityManager em;

  @Test
  void everyLimitIsTheLengthOfTheColumnsThatStoreTheText() {
    assertThat(COLUMNS)
        .allSatisfy(
            c ->
                assertThat(length(c.table(), c.column()))
                    .as(c.table() + "." + c.column())
                    .isEqualTo(c.limit()));
  }

  @Test
  void theDescriptionIsUnboundedTextSoItsLimitIsTheAppsOwn() {
    assertThat(length("ticket", "description")).isNull();
    assertThat(Limits.DESCRIPTION).isEqualTo(Limits.TICKET_NOTE);
  }

  /** Addresses where a careless pattern would differ between Java's and PostgreSQL's engines. */
  static final List<String> ADDRESSES =
      List.of(
          "dana@example.com",
          "Dana.Smith+backup@mail.example.co.uk",
          "o'neil@example.ie",
          "x!#$%&'*+/=?^_`{|}~-y@example.org",
          "a@b",
          "a@xn--bcher-kva.example",
          "\"john smith\"@example.org",
          "\"john\"@example.org",
          "john smith@example.org",
          "john..smith@example.org",
          ".john@example.org",
          "john.@example.org",
          "john@example..org",
          "john@-example.org",
          "john@example-.org",
          "john@[192.0.2.1]",
          "john\\@example.org",
          "jöhn@example.org",
          "john@example.org\n",
          "@example.org",
          "john@",
          "john@@example.org");

  @Test
  void theEmailRuleOfTheAppIsTheDatabasesCheckAndBothEnginesReadItAlike() {
    assertThat(constraint("customer", "customer_email_check"))
        .contains(Limits.EMAIL_PATTERN.replace("'", "''"));
    assertThat(ADDRESSES)
        .allSatisfy(
            address ->
                assertThat(databaseAccepts(address, Limits.EMAIL_PATTERN))
                    .as(address)
                    .isEqualTo(address.matches(Limits.EMAIL_PATTERN)));
    assertThat(ADDRESSES.stream().filter(a -> a.matches(Limits.EMAIL_PATTERN)))
        .containsExactly(
            "dana@example.com",
            "Dana.Smith+backup@mail.example.co.uk",
            "o'neil@example.ie",
            "x!#$%&'*+/=?^_`{|}~-y@example.org",
            "a@b",
            "a@xn--bcher-kva.example");
  }

  @Test
  void theIosVersionRuleOfTheCoreIsTheDatabasesCheck() {
    assertThat(constraint("ticket", "ticket_ios_version_check")).contains(IosVersion.PATTERN);
    for (String version : List.of("17", "17.4", "17.4.1", "26.0", "017", "17.04", "1.2.3.4", "")) {
      assertThat(databaseAccepts(version, IosVersion.PATTERN))
          .as(version)
          .isEqualTo(version.matches(IosVersion.PATTERN));
    }
  }

  private String constraint(String table, String name) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    em.createNativeQuery(
                            "SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c"
                                + " WHERE c.conrelid = CAST(?1 AS regclass) AND c.conname = ?2")
                        .setParameter(1, table)
                        .setParameter(2, name)
                        .getSingleResult());
  }

  /** Whether PostgreSQL matches the text against the pattern as the CHECKs write it. */
  private boolean databaseAccepts(String text, String pattern) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (Boolean)
                    em.createNativeQuery(
                            "SELECT CAST(?1 AS text) ~ ('^(' || CAST(?2 AS text) || ')$')")
                        .setParameter(1, text)
                        .setParameter(2, pattern)
                        .getSingleResult());
  }

  private Integer length(String table, String column) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<?> rows =
                  em.createNativeQuery(
                          "SELECT character_maximum_length FROM information_schema.columns"
                              + " WHERE table_schema = current_schema() AND table_name = ?1"
                              + " AND column_name = ?2")
                      .setParameter(1, table)
                      .setParameter(2, column)
                      .getResultList();
              assertThat(rows).as(table + "." + column + " exists").hasSize(1);
              return rows.get(0) == null ? null : ((Number) rows.get(0)).intValue();
            });
  }
}
