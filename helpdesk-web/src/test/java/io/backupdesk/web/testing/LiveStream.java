package io.backupdesk.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A browser's live channel without the browser: signs in through the login form like a person,
 * opens {@code /live/events} with the session cookie and collects the events ({topic, payload}) it
 * receives, for tests against a {@code @QuarkusTest} app or a packaged jar alike.
 */
public final class LiveStream implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  // HTTP/1.1 as a browser's EventSource speaks it; the default would first try an h2c upgrade.
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final List<JsonNode> seen = new ArrayList<>();
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
  private volatile boolean closed;

  /** Takes the stream's lines as they come and keeps the data of each event. */
  private final Flow.Subscriber<String> lines =
      new Flow.Subscriber<>() {
        @Override
        public void onSubscribe(Flow.Subscription s) {
          subscription.set(s);
          if (closed) {
            s.cancel();
          } else {
            s.request(Long.MAX_VALUE);
          }
        }

        @Override
        public void onNext(String line) {
          if (line.startsWith("data:")) {
            try {
              events.add(JSON.readTree(line.substring(5).strip()));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        }

        @Override
        public void onError(Throwable gone) {
          // the test closed the stream, or the app went away: no more events
        }

        @Override
        public void onComplete() {}
      };

  private LiveStream() {}

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
    String path =
        "/live/events"
            + (subject == null
                ? ""
                : "?viewing=" + URLEncoder.encode(subject, StandardCharsets.UTF_8));
    var request =
        HttpRequest.newBuilder(app.resolve(path))
            .header("Accept", "text/event-stream")
            .header("Cookie", cookies)
            .GET()
            .build();
    var stream = new LiveStream();
    var status = new CompletableFuture<Integer>();
    // The lines arrive on the client's threads and the test closes by cancelling the subscription:
    // no thread of ours sits in a blocking read that a close would have to wait for.
    CLIENT.sendAsync(
        request,
        info -> {
          status.complete(info.statusCode());
          return BodySubscribers.fromLineSubscriber(stream.lines);
        });
    int answered;
    try {
      answered = status.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      stream.close();
      throw new AssertionError("The live stream did not answer within 10 s", e);
    }
    if (answered != 200) {
      stream.close();
      throw new AssertionError("The live stream answered " + answered);
    }
    stream.next(e -> e.path("topic").asText().equals("hello"), Duration.ofSeconds(10));
    return stream;
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
    closed = true;
    Flow.Subscription s = subscription.get();
    if (s != null) {
      s.cancel();
    }
  }
}
