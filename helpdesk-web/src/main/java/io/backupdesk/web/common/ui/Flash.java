package io.backupdesk.web.common.ui;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a successful form post has to show on the page it redirects to (post/redirect/get): kept
 * here, on the server, for one read by the same account within two minutes, and found through a
 * random key in a short-lived cookie. Never in the address (a token's secret must not land in the
 * history or a log) and never in the cookie itself. One instance's memory: behind a load balancer,
 * route a browser's requests to one instance (sticky sessions) or the message after a redirect may
 * be missing, never shown to anyone else.
 */
@ApplicationScoped
public class Flash {

  public static final String COOKIE = "backupdesk-flash";
  public static final long LIFETIME_SECONDS = 120;
  static final Duration LIFETIME = Duration.ofSeconds(LIFETIME_SECONDS);

  private record Entry(String owner, Object value, Instant until) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  Flash(Clock clock) {
    this.clock = clock;
  }

  /** Keeps {@code value} for {@code owner}; the key goes into the redirect's cookie. */
  public String put(String owner, Object value) {
    Instant now = clock.instant();
    entries.values().removeIf(e -> e.until().isBefore(now));
    var bytes = new byte[24];
    random.nextBytes(bytes);
    var key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    entries.put(key, new Entry(owner, value, now.plus(LIFETIME)));
    return key;
  }

  /**
   * The value kept under {@code key} for {@code owner}, once; empty when gone or someone else's.
   */
  public <T> Optional<T> take(String key, String owner, Class<T> type) {
    if (key == null || owner == null) {
      return Optional.empty();
    }
    var entry = entries.remove(key);
    if (entry == null
        || !entry.owner().equals(owner)
        || entry.until().isBefore(clock.instant())
        || !type.isInstance(entry.value())) {
      return Optional.empty();
    }
    return Optional.of(type.cast(entry.value()));
  }
}
