package io.backupdesk.web.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * This instance's fan-out of the channel to its open event streams. It only ever holds what the
 * listener heard from PostgreSQL, never what this instance did itself: a change made here reaches
 * this instance's pages the same way as the other instances' pages, through the database.
 */
@ApplicationScoped
public class LiveHub {

  private static final Logger LOG = Logger.getLogger(LiveHub.class);

  private final BroadcastProcessor<LiveEvent> events = BroadcastProcessor.create();
  private final ObjectMapper json;

  LiveHub(ObjectMapper json) {
    this.json = json;
  }

  /** Every event from now on, for one stream. */
  Multi<LiveEvent> events() {
    return events;
  }

  /** A notification's text as the channel carries it: {"topic": ..., "payload": {...}}. */
  void deliver(String notification) {
    try {
      var message = json.readTree(notification);
      if (message.path("topic").isTextual() && message.path("payload") instanceof ObjectNode p) {
        emit(new LiveEvent(message.get("topic").asText(), p));
      } else {
        LOG.warnf("Ignored a live notification without topic and payload: %.200s", notification);
      }
    } catch (IOException e) {
      LOG.warnf("Ignored a live notification that is not JSON: %.200s", notification);
    }
  }

  /**
   * Tells every page that it may have missed events (the listener lost its connection for a while):
   * pages reload what they show or offer to.
   */
  void resync() {
    emit(new LiveEvent("resync", json.createObjectNode()));
  }

  private synchronized void emit(LiveEvent event) {
    events.onNext(event);
  }
}
