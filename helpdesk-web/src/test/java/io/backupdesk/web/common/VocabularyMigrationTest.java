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
