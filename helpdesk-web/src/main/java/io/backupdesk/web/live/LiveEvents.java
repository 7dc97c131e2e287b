package io.backupdesk.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * The server's way to tell every signed-in page of every app instance that something happened:
 * {@code publish("incident", Map.of("incident", 7, "kind", "OPENED"))} inside the transaction that
 * made the change. PostgreSQL delivers the notification when that transaction commits and drops it
 * when it rolls back, so a page never hears of a change that did not happen, and hears of it only
 * once the change can be read.
 *
 * <p>Every signed-in account receives every topic: a payload carries ids, kinds and who acted,
 * never customer data; the page fetches what it shows through its own access checks.
 */
@ApplicationScoped
public class LiveEvents {

  /** PostgreSQL refuses a notification payload above 8000 bytes; stay well below with the topic. */
  static final int MAX_PAYLOAD_BYTES = 2_000;

  private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9-]{0,29}");

  private final EntityManager em;
  private final ObjectMapper json;

  LiveEvents(EntityManager em, ObjectMapper json) {
    this.em = em;
    this.json = json;
  }

  /**
   * Announces {@code payload} (a record or a map, written as a JSON object) under {@code topic}
   * when the caller's transaction commits. Must be called inside a transaction; a refused call is a
   * programming error and, like any exception here, rolls that transaction back.
   *
   * @throws IllegalArgumentException for a topic that is not lower-case words with dashes, a
   *     payload that is not a JSON object, or one larger than {@value #MAX_PAYLOAD_BYTES} bytes
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(String topic, Object payload) {
    if (topic == null || !TOPIC.matcher(topic).matches()) {
      throw new IllegalArgumentException("A live topic is lower-case words with dashes: " + topic);
    }
    if (!(json.valueToTree(payload) instanceof ObjectNode object)) {
      throw new IllegalArgumentException("A live payload is a JSON object");
    }
    String text;
    try {
      text = json.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The live payload cannot be written as JSON", e);
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "A live payload carries ids, not content: at most " + MAX_PAYLOAD_BYTES + " bytes");
    }
    // On the transaction's own connection: the notification commits or rolls back with it.
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (var statement =
                  connection.prepareStatement("SELECT live_publish(?, CAST(? AS jsonb))")) {
                statement.setString(1, topic);
                statement.setString(2, text);
                statement.execute();
              }
            });
  }
}
