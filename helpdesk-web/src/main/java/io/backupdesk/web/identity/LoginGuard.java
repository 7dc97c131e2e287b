package io.backupdesk.web.identity;

import io.backupdesk.web.common.Limits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Throttles password guessing: after {@code maxFailures} failed sign-ins on one account within the
 * window, every attempt (even with the right password) is refused until the oldest of those
 * failures leaves the window. Counted in the database, so it holds across app instances.
 */
@ApplicationScoped
public class LoginGuard {

  private final LoginFailureRepository failures;
  private final SecurityConfig config;
  private final Clock clock;

  LoginGuard(LoginFailureRepository failures, SecurityConfig config, Clock clock) {
    this.failures = failures;
    this.config = config;
    this.clock = clock;
  }

  /** How long the account stays locked, or empty if sign-in may be tried now. */
  public Optional<Duration> lockedFor(String username) {
    Instant now = clock.instant();
    Instant windowStart = now.minus(config.failureWindow());
    List<Instant> recent =
        QuarkusTransaction.joiningExisting()
            .call(() -> failures.recentFailures(key(username), windowStart, config.maxFailures()));
    if (recent.size() < config.maxFailures()) {
      return Optional.empty();
    }
    Instant oldestCounted = recent.get(recent.size() - 1);
    Duration left = Duration.between(now, oldestCounted.plus(config.failureWindow()));
    return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
  }

  /** The message for a locked account, in words a person can act on. */
  public static String lockedMessage(Duration left) {
    return "Too many failed sign-ins on this account. Try again in "
        + Math.max(1, (left.toSeconds() + 59) / 60)
        + " minute(s), or ask an administrator to reset the password.";
  }

  /** Carries "locked for N minutes" across the form login's redirect to the sign-in page. */
  public static final String LOCKED_COOKIE = "backupdesk-locked";

  /**
   * The sign-in page's notice for a locked account, or null when the cookie says nothing usable.
   */
  public static String lockedNotice(String minutes) {
    if (minutes == null || !minutes.matches("\\d{1,3}")) {
      return null;
    }
    return lockedMessage(Duration.ofMinutes(Long.parseLong(minutes)));
  }

  public void recordFailure(String username, String ip) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var failure = new LoginFailure();
              failure.username = key(username);
              failure.at = clock.instant();
              failure.ip = ip;
              failures.persist(failure);
            });
  }

  /** A successful sign-in forgets earlier failures, so a typo today does not count tomorrow. */
  public void clearFailures(String username) {
    QuarkusTransaction.requiringNew().run(() -> failures.forget(key(username)));
  }

  private static String key(String username) {
    var k = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    return k.length() > Limits.USERNAME ? k.substring(0, Limits.USERNAME) : k;
  }
}
