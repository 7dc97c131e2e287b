package io.backupdesk.web.incident;

import io.backupdesk.web.live.LiveEvents;
import io.backupdesk.web.live.LiveNotice;
import io.backupdesk.web.live.LiveNoticeSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The banner every agent page shows while Apple is down: rendered with the page from the open
 * incident, and pushed to pages already open through the live channel when an incident opens or
 * recovers (so a second agent sees it without reloading).
 */
@ApplicationScoped
public class IncidentNotices implements LiveNoticeSource {

  static final String KEY = "incident";
  private static final DateTimeFormatter SINCE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final OpenIncident open;
  private final LiveEvents live;

  IncidentNotices(OpenIncident open, LiveEvents live) {
    this.open = open;
    this.live = live;
  }

  /** The notice of the open incident, for the page being rendered (a request's). */
  @Override
  public List<LiveNotice> current() {
    return open.get().map(i -> List.of(notice(i.id(), i.title(), i.startedAt()))).orElse(List.of());
  }

  /** Announces the open incident to every page, when the caller's transaction commits. */
  void opened(IncidentRecord incident) {
    var n = notice(incident.id, incident.title, incident.startedAt);
    live.publish(
        "incident",
        Map.of(
            "incident",
            incident.id,
            "notice",
            Map.of("key", n.key(), "text", n.text(), "href", n.href(), "level", n.level())));
  }

  /** Takes the banner down everywhere, when the caller's transaction commits. */
  void recovered(IncidentRecord incident) {
    live.publish("incident", Map.of("incident", incident.id, "clearNotice", KEY));
  }

  private static LiveNotice notice(long id, String title, Instant startedAt) {
    return new LiveNotice(
        KEY,
        "Apple outage: "
            + title
            + ", open since "
            + SINCE.format(startedAt)
            + ". Tickets ending \"waiting on Apple\" join it by themselves.",
        "/incidents/" + id,
        "warning");
  }
}
