package io.backupdesk.web.hardening;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Every stored row of one ticket, read straight from the tables as JSON text: the ticket, its
 * diagnoses, their step results and its timeline. Two snapshots are equal exactly when nothing
 * about the ticket was written in between, whatever the API would show.
 */
record StoredState(
    String ticket, List<String> diagnoses, List<String> stepResults, List<String> events) {

  static StoredState of(long ticketId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                new StoredState(
                    rows("select row_to_json(t)::text from ticket t where t.id = ?1", ticketId)
                        .stream()
                        .findFirst()
                        .orElse(null),
                    rows(
                        "select row_to_json(d)::text from diagnosis d where d.ticket_id = ?1"
                            + " order by d.id",
                        ticketId),
                    rows(
                        "select row_to_json(s)::text from step_result s join diagnosis d on"
                            + " d.id = s.diagnosis_id where d.ticket_id = ?1 order by s.id",
                        ticketId),
                    rows(
                        "select row_to_json(e)::text from ticket_event e where e.ticket_id = ?1"
                            + " order by e.id",
                        ticketId)));
  }

  /** How many timeline events of this kind the ticket has. */
  long eventsOfKind(String kind) {
    return events.stream().filter(e -> e.contains("\"kind\":\"" + kind + "\"")).count();
  }

  /** One number from the database, e.g. a count or a sequence's last value. */
  static long number(String sql, Object... parameters) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query = em().createNativeQuery(sql);
              for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
              }
              return ((Number) query.getSingleResult()).longValue();
            });
  }

  /** Runs a statement (DDL in tests) in a transaction of its own. */
  static void execute(String sql) {
    QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery(sql).executeUpdate());
  }

  @SuppressWarnings("unchecked")
  private static List<String> rows(String sql, long ticketId) {
    return em().createNativeQuery(sql).setParameter(1, ticketId).getResultList();
  }

  private static EntityManager em() {
    return Arc.container().instance(EntityManager.class).get();
  }
}
