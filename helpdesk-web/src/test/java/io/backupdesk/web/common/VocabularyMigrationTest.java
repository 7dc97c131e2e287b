package io.backupdesk.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.ticket.TimelineKind;
import io.backupdesk.web.identity.AuditEntry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every timeline kind and audit action the code writes is one the schema's CHECK accepts, and the
 * other way round: a feature that adds one without a migration fails here, not on a customer's
 * first such event.
 */
@QuarkusTest
class VocabularyMigrationTest {

  @Inject EntityManager em;

  @Test
  @Transactional
  void theSchemaListsEveryTimelineKindAndAuditActionOfTheCode() {
    assertThat(listed("ticket_event_kind_check"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(TimelineKind.values()).map(Enum::name).toList());
    assertThat(listed("audit_log_action_check"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(AuditEntry.Action.values()).map(Enum::name).toList());
  }

  @Test
  @Transactional
  @SuppressWarnings("unchecked")
  void everyStepNumberAndPositionTheSchemaChecksReachesTheLargestPlaybook() {
    // The core lets a published playbook grow to 40 steps (DraftRules): a column that stops
    // earlier would refuse the result of a step the agent was shown.
    List<Object[]> checks =
        em.createNativeQuery(
                """
                SELECT conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
                  FROM pg_constraint
                 WHERE contype = 'c'
                   AND pg_get_constraintdef(oid) ~ '\\m(step_number|position|current_step)\\M'
                """)
            .getResultList();
    assertThat(checks).extracting(c -> (String) c[0]).isNotEmpty();
    assertThat(checks)
        .allSatisfy(
            c -> assertThat((String) c[1]).as((String) c[0]).contains("<= 40").contains(">= 1"));
  }

  private List<String> listed(String constraint) {
    String definition =
        (String)
            em.createNativeQuery(
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = ?1")
                .setParameter(1, constraint)
                .getSingleResult();
    var names = Pattern.compile("'([A-Z_]+)'").matcher(definition);
    return names.results().map(m -> m.group(1)).toList();
  }
}
