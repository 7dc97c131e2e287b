package io.backupdesk.web.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The database holds the core's rule of which ticket statuses may stand beside the newest diagnosis
 * (V10), so that a writer that bypasses the app cannot store a contradiction either.
 */
@QuarkusTest
class StatusPairSchemaTest {

  @Inject EntityManager em;
  @Inject TestDiagnoses diagnoses;

  @Test
  void theDatabasesTableOfPairsIsTheCores() {
    for (TicketStatus ticket : TicketStatus.values()) {
      for (DiagnosisStatus diagnosis : DiagnosisStatus.values()) {
        boolean database =
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        (Boolean)
                            em.createNativeQuery("SELECT ticket_status_allowed_beside(?1, ?2)")
                                .setParameter(1, ticket.name())
                                .setParameter(2, diagnosis.name())
                                .getSingleResult());
        assertThat(database)
            .as(ticket + " beside " + diagnosis)
            .isEqualTo(TicketCase.mayCoexist(ticket, Optional.of(diagnosis)));
      }
    }
  }

  @Test
  void aTicketResolvedBehindTheAppsBackWhileItsDiagnosisRunsIsRefusedAtCommit() {
    String agent = TestData.agent("schema-agent");
    long ticket = TestData.ticket().openedBy(agent);
    QuarkusTransaction.requiringNew().run(() -> diagnoses.start(ticket, agent));

    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () ->
                            em.createNativeQuery(
                                    "UPDATE ticket SET status = 'RESOLVED', resolved_at = now()"
                                        + " WHERE id = ?1")
                                .setParameter(1, ticket)
                                .executeUpdate()))
        .hasStackTraceContaining("cannot be RESOLVED while its diagnosis 1 is IN_PROGRESS");
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        em.createNativeQuery("SELECT status FROM ticket WHERE id = ?1")
                            .setParameter(1, ticket)
                            .getSingleResult()))
        .isEqualTo("IN_DIAGNOSIS");
  }
}
