package io.backupdesk.web.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestTickets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The queue's per-status counts come from counters kept by triggers; whatever writes tickets (the
 * app, a bulk SQL update, a delete), they equal a real count.
 */
@QuarkusTest
class TicketStatusCountTest {

  @Inject TicketQueue queue;
  @Inject TestTickets tickets;
  @Inject EntityManager em;

  @Test
  void theCountersEqualARealCountAfterEveryKindOfWrite() {
    var agent = TestData.agent("count-agent");
    long first = TestData.ticket().openedBy(agent);
    long second = TestData.ticket().openedBy(agent);
    assertCountersExact();

    tickets.update(first, null, TicketChange.status(TicketStatus.CLOSED, null), agent);
    assertCountersExact();
    assertThat(queue.countsByStatus().get(TicketStatus.CLOSED)).isPositive();

    // A bulk statement moving several rows at once, and one that changes no status at all.
    sql(
        "UPDATE ticket SET status = 'WAITING_ON_CUSTOMER' WHERE id IN ("
            + first
            + ", "
            + second
            + ")");
    assertCountersExact();
    sql("UPDATE ticket SET priority = 'HIGH' WHERE id = " + second);
    assertCountersExact();

    sql("DELETE FROM ticket_event WHERE ticket_id = " + second);
    sql("DELETE FROM ticket WHERE id = " + second);
    assertCountersExact();
  }

  private void assertCountersExact() {
    @SuppressWarnings("unchecked")
    List<Object[]> mismatches =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            """
                            SELECT coalesce(c.status, t.status), c.tickets, t.n
                            FROM ticket_status_count c
                            FULL JOIN (SELECT status, count(*) AS n FROM ticket GROUP BY status) t
                              ON t.status = c.status
                            WHERE coalesce(c.tickets, 0) <> coalesce(t.n, 0)
                            """)
                        .getResultList());
    assertThat(mismatches).as("status, counter, real count").isEmpty();
  }

  private void sql(String statement) {
    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
  }
}
