package io.backupdesk.web.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Who is viewing what, agreed by every instance: a row in {@code live_presence} per open event
 * stream that names its page's subject ("ticket:42"). This instance renews the rows of its own
 * streams, removes a row when its stream closes, and any instance clears rows whose instance
 * stopped renewing them. Each change is announced as a "presence" event naming the subject, and the
 * pages showing it ask {@link #viewers} again.
 */
@ApplicationScoped
public class Presence {

  /** A page's subject: what it shows, as kind and id. */
  public static final Pattern SUBJECT = Pattern.compile("[a-z]{1,20}:[0-9]{1,18}");

  private static final Logger LOG = Logger.getLogger(Presence.class);

  /** Someone viewing a subject, by account. */
  public record Viewer(String username, String name) {}

  private final UUID instance = UUID.randomUUID();
  private final Map<UUID, String> open = new ConcurrentHashMap<>();
  // Leaving is reported from the stream's I/O thread, which must never wait for the database.
  private final ExecutorService leaving =
      Executors.newSingleThreadExecutor(
          task -> {
            var thread = new Thread(task, "live-presence");
            thread.setDaemon(true);
            return thread;
          });
  private final EntityManager em;
  private final LiveEvents events;
  private final LiveConfig config;

  Presence(EntityManager em, LiveEvents events, LiveConfig config) {
    this.em = em;
    this.events = events;
    this.config = config;
  }

  /**
   * Records that {@code username} opened a page showing {@code subject}; returns the connection's
   * id for {@link #leave}, or empty when the account does not exist (anymore) or is disabled.
   */
  public Optional<UUID> join(String subject, String username) {
    if (!SUBJECT.matcher(subject).matches()) {
      throw new IllegalArgumentException("Not a subject: " + subject);
    }
    UUID connection = UUID.randomUUID();
    boolean joined =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  int rows =
                      em.createNativeQuery(
                              "INSERT INTO live_presence"
                                  + " (connection_id, instance_id, subject, username, expires_at)"
                                  + " SELECT CAST(:connection AS uuid), CAST(:instance AS uuid), :subject, username,"
                                  + " now() + make_interval(secs => :ttl)"
                                  + " FROM agent WHERE username = :username AND enabled")
                          .setParameter("connection", connection.toString())
                          .setParameter("instance", instance.toString())
                          .setParameter("subject", subject)
                          .setParameter("username", username)
                          .setParameter("ttl", ttlSeconds())
                          .executeUpdate();
                  if (rows == 1) {
                    announce(subject);
                  }
                  return rows == 1;
                });
    if (!joined) {
      return Optional.empty();
    }
    open.put(connection, subject);
    return Optional.of(connection);
  }

  /** The stream closed; its row goes, in the background. */
  public void leave(UUID connection) {
    if (open.remove(connection) == null) {
      return;
    }
    leaving.execute(
        () -> {
          try {
            QuarkusTransaction.requiringNew().run(() -> remove(List.of(connection)));
          } catch (RuntimeException e) {
            // The row expires on its own within the TTL.
            LOG.warnf("Live presence: could not remove a viewer (%s)", e.getMessage());
          }
        });
  }

  /** The agents other than {@code username} viewing {@code subject} now, by name. */
  @SuppressWarnings("unchecked")
  public List<Viewer> viewers(String subject, String username) {
    List<Object[]> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "SELECT DISTINCT a.username, a.display_name FROM live_presence p"
                                + " JOIN agent a ON a.username = p.username"
                                + " WHERE p.subject = :subject AND p.expires_at > now()"
                                + " AND p.username <> :username AND a.enabled"
                                + " ORDER BY a.display_name, a.username")
                        .setParameter("subject", subject)
                        .setParameter("username", username)
                        .getResultList());
    return rows.stream().map(r -> new Viewer((String) r[0], (String) r[1])).toList();
  }

  /**
   * Renews this instance's rows and clears the rows nobody renewed: an instance that died, or a
   * stream whose end was not written down.
   */
  @Scheduled(
      every = "${helpdesk.live.presence-renewal:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void renew() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (!open.isEmpty()) {
                em.createNativeQuery(
                        "UPDATE live_presence SET expires_at = now() + make_interval(secs => :ttl)"
                            + " WHERE connection_id = ANY(CAST(:ids AS uuid[]))")
                    .setParameter("ttl", ttlSeconds())
                    .setParameter("ids", uuidArray(open.keySet()))
                    .executeUpdate();
              }
              @SuppressWarnings("unchecked")
              List<String> gone =
                  em.createNativeQuery(
                          "DELETE FROM live_presence WHERE expires_at <= now() RETURNING subject")
                      .getResultList();
              new TreeSet<>(gone).forEach(this::announce);
            });
  }

  void shutdown(@Observes ShutdownEvent stopping) {
    leaving.shutdown();
    if (open.isEmpty()) {
      return;
    }
    try {
      QuarkusTransaction.requiringNew().run(() -> remove(new ArrayList<>(open.keySet())));
    } catch (RuntimeException e) {
      LOG.warnf("Live presence: rows left to expire (%s)", e.getMessage());
    }
    open.clear();
  }

  private void remove(List<UUID> connections) {
    @SuppressWarnings("unchecked")
    List<String> subjects =
        em.createNativeQuery(
                "DELETE FROM live_presence WHERE connection_id = ANY(CAST(:ids AS uuid[]))"
                    + " RETURNING subject")
            .setParameter("ids", uuidArray(connections))
            .getResultList();
    new TreeSet<>(subjects).forEach(this::announce);
  }

  private void announce(String subject) {
    events.publish("presence", Map.of("subject", subject));
  }

  /** The database's clock decides expiry, so instances with drifting clocks still agree. */
  private double ttlSeconds() {
    return config.presenceTtl().toMillis() / 1000.0;
  }

  private static String uuidArray(java.util.Collection<UUID> ids) {
    Set<String> text = new TreeSet<>();
    ids.forEach(id -> text.add(id.toString()));
    return "{" + String.join(",", text) + "}";
  }
}
