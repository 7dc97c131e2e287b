package io.backupdesk.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A browser's live channel without the browser: signs in through the login form like a person,
 * opens {@code /live/events} with the session cookie and collects the events ({topic, payload}) it
 * receives, for tests against a {@code @QuarkusTest} app or a packaged jar alike.
 */
public final class LiveStream implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpURLConnection connection;
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final List<JsonNode> seen = new ArrayList<>();

  private LiveStream(HttpURLConnection connection) {
    this.connection = connection;
  }

  /** The session cookies ("a=b; c=d") of a sign-in through the login form. */
  public static String signIn(URI app, String username, String password) {
    try {
      var c = (HttpURLConnection) app.resolve("/j_security_check").toURL().openConnection();
      c.setInstanceFollowRedirects(false);
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
      String form =
          "j_username="
              + URLEncoder.encode(username, StandardCharsets.UTF_8)
              + "&j_password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8);
      try (OutputStream out = c.getOutputStream()) {
        out.write(form.getBytes(StandardCharsets.UTF_8));
      }
      if (c.getResponseCode() != 302 || c.getHeaderField("Location").contains("error")) {
        throw new AssertionError("Sign-in of " + username + " refused: " + c.getResponseCode());
      }
      var cookies = new ArrayList<String>();
      c.getHeaderFields()
          .forEach(
              (name, values) -> {
                if ("Set-Cookie".equalsIgnoreCase(name)) {
                  values.forEach(v -> cookies.add(v.split(";", 2)[0]));
                }
              });
      c.disconnect();
      return String.join("; ", cookies);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens the stream (viewing {@code subject}, or nothing when null) and waits for its "hello", so
   * that whatever the test does next happens while the stream listens.
   */
  public static LiveStream open(URI app, String cookies, String subject) {
    try {
      String path =
          "/live/events"
              + (subject == null
                  ? ""
                  : "?viewing=" + URLEncoder.encode(subject, StandardCharsets.UTF_8));
      var c = (HttpURLConnection) app.resolve(path).toURL().openConnection();
      c.setInstanceFollowRedirects(false);
      c.setRequestProperty("Accept", "text/event-stream");
      c.setRequestProperty("Cookie", cookies);
      c.setReadTimeout(0);
      int status = c.getResponseCode();
      if (status != 200) {
        c.disconnect();
        throw new AssertionError("The live stream answered " + status);
      }
      var stream = new LiveStream(c);
      Thread reader = new Thread(stream::read, "live-stream-reader");
      reader.setDaemon(true);
      reader.start();
      stream.next(e -> e.path("topic").asText().equals("hello"), Duration.ofSeconds(10));
      return stream;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status a request for the stream gets with these cookies (null: none), not following. */
  public static int status(URI app, String cookies) {
    try {
      var c = (HttpURLConnection) app.resolve("/live/events").toURL().openConnection();
      c.setInstanceFollowRedirects(false);
      c.setRequestProperty("Accept", "text/event-stream");
      if (cookies != null) {
        c.setRequestProperty("Cookie", cookies);
      }
      int status = c.getResponseCode();
      c.disconnect();
      return status;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read() {
    try (var in =
        new BufferedReader(
            new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("data:")) {
          events.add(JSON.readTree(line.substring(5).strip()));
        }
      }
    } catch (IOException closed) {
      // the test closed the stream, or the app went away: no more events
    }
  }

  /** The first event from now on that matches, within {@code within}; fails the test otherwise. */
  public JsonNode next(Predicate<JsonNode> matching, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonNode event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
        if (event == null) {
          throw new AssertionError(
              "No matching live event within " + within.toMillis() + " ms; received: " + seen);
        }
        seen.add(event);
        if (matching.test(event)) {
          return event;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for a live event", e);
    }
  }

  /** Whether an event matching arrives within {@code within} (for asserting that none does). */
  public boolean receives(Predicate<JsonNode> matching, Duration within) {
    try {
      next(matching, within);
      return true;
    } catch (AssertionError none) {
      return false;
    }
  }

  /** The topic-and-payload test for a ticket's event of a kind. */
  public static Predicate<JsonNode> ticketEvent(long ticket, String kind) {
    return e ->
        e.path("topic").asText().equals("ticket")
            && e.path("payload").path("ticket").asLong() == ticket
            && e.path("payload").path("kind").asText().equals(kind);
  }

  @Override
  public void close() {
    connection.disconnect();
  }
}
