package io.backupdesk.web.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.web.testing.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * What a start does to the open tickets' due times: nothing while the targets are those the tickets
 * were last brought to, and every open ticket when they changed or a ticket has no clock.
 */
@QuarkusTest
class TicketClocksStartTest {

  @Inject TicketClocks clocks;
  @Inject EntityManager em;

  @Test
  void aStartWalksTheOpenTicketsOnlyWhenTheTargetsChangedOrATicketHasNoClock() {
    TestData.agent("clock-start");
    long id = TestData.ticket().priority(Priority.URGENT).openedBy("clock-start");
    Instant due = dueAt(id);
    assertThat(due).isNotNull();
    Instant wrong = due.plus(Duration.ofDays(3));

    // The targets the tickets were brought to are the configured ones: a start leaves them be.
    clocks.onStart(null);
    assertThat(storedTargets()).isEqualTo(TicketClocks.describe(clocks.targets()));
    setDue(id, wrong);
    clocks.onStart(null);
    assertThat(dueAt(id)).isEqualTo(wrong);

    // Configured targets other than those stored (as after a change of the settings): every open
    // ticket is brought to them, and they are stored.
    run("UPDATE ticket_clock_targets SET targets = 'URGENT PT1H PT8H' WHERE id = 1");
    clocks.onStart(null);
    assertThat(dueAt(id)).isEqualTo(due);
    assertThat(storedTargets()).isEqualTo(TicketClocks.describe(clocks.targets()));

    // An open ticket without a clock (written by an older version or the generator) is filled and
    // the walk runs though the targets did not change.
    setDue(id, wrong);
    run("UPDATE ticket SET status_since = NULL WHERE id = " + id);
    clocks.onStart(null);
    assertThat(dueAt(id)).isEqualTo(due);
  }

  private Instant dueAt(long id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var at =
                  (OffsetDateTime)
                      em.createNativeQuery(
                              "SELECT due_at FROM ticket WHERE id = :id", OffsetDateTime.class)
                          .setParameter("id", id)
                          .getSingleResult();
              return at == null ? null : at.toInstant();
            });
  }

  private void setDue(long id, Instant at) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("UPDATE ticket SET due_at = :at WHERE id = :id")
                    .setParameter("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                    .setParameter("id", id)
                    .executeUpdate());
  }

  private String storedTargets() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    em.createNativeQuery(
                            "SELECT targets FROM ticket_clock_targets WHERE id = 1", String.class)
                        .getSingleResult());
  }

  private void run(String sql) {
    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
  }
}
