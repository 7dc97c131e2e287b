package io.backupdesk.web.testing;

import io.backupdesk.diagnostics.ticket.Channel;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.web.identity.Agent;
import io.backupdesk.web.identity.AgentRepository;
import io.backupdesk.web.identity.Role;
import io.backupdesk.web.ticket.NewTicket;
import io.quarkus.arc.Arc;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builders for the rows a test needs, each test making its own (all tests share one database).
 * Defaults describe a plausible ticket; tests change only what they are about.
 */
public final class TestData {

  /** The password every test account gets, for tests that sign in for real. */
  public static final String PASSWORD = "correct horse battery staple";

  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

  private TestData() {}

  /** A unique suffix, so that rows of different tests never collide. */
  public static long unique() {
    return SEQUENCE.incrementAndGet();
  }

  /** Makes sure an enabled account with this name and role exists; returns its user name. */
  public static String agent(String username, String role) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var agents = Arc.container().instance(AgentRepository.class).get();
              var agent = agents.findByUsername(username).orElseGet(Agent::new);
              if (agent.id == null) {
                agent.username = username;
                agent.displayName =
                    Character.toUpperCase(username.charAt(0)) + username.substring(1);
                agent.email = username + "@backupdesk.test";
                agent.passwordHash = BcryptUtil.bcryptHash(PASSWORD);
                agent.createdAt = Instant.now();
              }
              agent.role = Role.of(role).orElseThrow();
              agent.enabled = true;
              agent.updatedAt = Instant.now();
              agents.persist(agent);
              return username;
            });
  }

  public static String agent(String username) {
    return agent(username, "agent");
  }

  public static TicketBuilder ticket() {
    return new TicketBuilder();
  }

  /** A new ticket with sensible defaults: an iPhone 8 on iOS 16.7 whose backup fails. */
  public static final class TicketBuilder {
    private final long n = unique();
    private String customerName = "Dana Customer " + n;
    private String customerEmail = "dana" + n + "@example.com";
    private String customerPhone = "+1 555 0100";
    private String deviceModel = "iPhone 8";
    private String iosVersion = "16.7";
    private Channel channel = Channel.PHONE;
    private Priority priority = Priority.NORMAL;
    private String subject = "Backup has not run for a week (" + n + ")";
    private String description = "The phone says the last backup was seven days ago.";

    public TicketBuilder customer(String name, String email) {
      customerName = name;
      customerEmail = email;
      return this;
    }

    public TicketBuilder device(String model, String ios) {
      deviceModel = model;
      iosVersion = ios;
      return this;
    }

    public TicketBuilder priority(Priority p) {
      priority = p;
      return this;
    }

    public TicketBuilder subject(String s) {
      subject = s;
      return this;
    }

    public NewTicket form() {
      return new NewTicket(
          customerName,
          customerEmail,
          customerPhone,
          deviceModel,
          iosVersion,
          channel,
          priority,
          subject,
          description);
    }

    /** Opens the ticket as {@code agent} and returns its number. */
    public long openedBy(String agent) {
      return QuarkusTransaction.requiringNew()
          .call(() -> Arc.container().instance(TestTickets.class).get().create(form(), agent).id);
    }
  }
}
