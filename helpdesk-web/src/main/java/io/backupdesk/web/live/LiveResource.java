package io.backupdesk.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupdesk.web.common.InvalidInputException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pages' live channel: a stream of server-sent events for a signed-in browser (the session
 * cookie, like every page) and who else views a page's subject. Events carry ids, kinds and who
 * acted; pages fetch what they show through their own routes and checks.
 */
@Path("/live")
@Tag(name = "Live updates", description = "Server-sent events for the agents' pages")
public class LiveResource {

  private static final long RECONNECT_MILLIS = 2_000;

  private final LiveHub hub;
  private final Presence presence;
  private final LiveConfig config;
  private final SecurityIdentity identity;
  private final ObjectMapper json;

  LiveResource(
      LiveHub hub,
      Presence presence,
      LiveConfig config,
      SecurityIdentity identity,
      ObjectMapper json) {
    this.hub = hub;
    this.presence = presence;
    this.config = config;
    this.identity = identity;
    this.json = json;
  }

  /** What the stream sends per event: the topic and its payload, as one JSON object. */
  record Message(String topic, Object payload) {}

  /** Who else is viewing a subject. */
  public record Viewers(String subject, List<Presence.Viewer> viewers) {}

  @GET
  @Path("events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Blocking
  @Operation(
      summary = "Live events for the signed-in agent's pages",
      description =
          "Server-sent events, one JSON object {topic, payload} per event, from every app"
              + " instance. The first event has the topic \"hello\"; \"resync\" means events may"
              + " have been missed. With viewing=ticket:42 the agent counts as viewing that"
              + " subject while the stream is open.")
  public Multi<OutboundSseEvent> events(
      @Parameter(description = "What the page shows, e.g. ticket:42") @QueryParam("viewing")
          String viewing,
      @Context Sse sse) {
    String username = identity.getPrincipal().getName();
    Optional<UUID> connection = Optional.empty();
    if (viewing != null && !viewing.isEmpty()) {
      connection = presence.join(subject(viewing, "viewing"), username);
      if (connection.isEmpty()) {
        throw new ForbiddenException("This account is not enabled.");
      }
    }
    var joined = connection;
    Multi<OutboundSseEvent> stream =
        Multi.createBy()
            .merging()
            .streams(
                hub.events()
                    .map(event -> message(sse, event.topic(), event.payload()))
                    .onOverflow()
                    .buffer(512),
                Multi.createFrom()
                    .item(
                        () ->
                            message(
                                sse, "hello", Map.of("viewing", viewing == null ? "" : viewing))),
                Multi.createFrom()
                    .ticks()
                    .every(config.keepAlive())
                    .map(tick -> sse.newEventBuilder().comment("keep-alive").build()))
            .select()
            .first(config.streamLifetime());
    return stream.onTermination().invoke(() -> joined.ifPresent(presence::leave));
  }

  @GET
  @Path("viewers")
  @Produces(MediaType.APPLICATION_JSON)
  @Blocking
  @Operation(summary = "Who else is viewing a subject now (the signed-in agent left out)")
  public Viewers viewers(
      @Parameter(description = "e.g. ticket:42", required = true) @QueryParam("subject")
          String subject) {
    String checked = subject(subject, "subject");
    return new Viewers(checked, presence.viewers(checked, identity.getPrincipal().getName()));
  }

  private OutboundSseEvent message(Sse sse, String topic, Object payload) {
    try {
      return sse.newEventBuilder()
          .data(json.writeValueAsString(new Message(topic, payload)))
          .reconnectDelay(RECONNECT_MILLIS)
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A live event could not be written as JSON", e);
    }
  }

  private static String subject(String value, String field) {
    if (value == null || !Presence.SUBJECT.matcher(value).matches()) {
      throw new InvalidInputException(
          field, "Name what the page shows as kind:id, for example ticket:42.");
    }
    return value;
  }
}
