package io.backupdesk.web.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes sure a new installation can be administered: creates the account {@code admin} from {@code
 * helpdesk.bootstrap.admin-password} when no administrator exists, and says how to do that when
 * there are no accounts at all. Runs before anything else that creates accounts (demo data).
 */
@ApplicationScoped
public class AdminBootstrap {

  public static final String USERNAME = "admin";
  public static final int MIN_PASSWORD_LENGTH = 12;
  static final String PROPERTY = "helpdesk.bootstrap.admin-password";
  static final String ENVIRONMENT = "HELPDESK_BOOTSTRAP_ADMIN_PASSWORD";

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

  /** What the bootstrap found and did. */
  public enum Outcome {
    /** An administrator already exists: nothing to do. */
    ADMIN_EXISTS,
    /** The account {@code admin} was created with the configured password. */
    CREATED,
    /** No administrator, no password configured, but other accounts exist. */
    NO_ADMIN,
    /** No account at all and no password: a warning after start-up explains what to do. */
    NO_ACCOUNTS,
    /** A non-administrator account is already called {@code admin}; nothing was changed. */
    NAME_TAKEN
  }

  private final AgentRepository agents;
  private final BootstrapConfig config;
  private final Clock clock;

  AdminBootstrap(AgentRepository agents, BootstrapConfig config, Clock clock) {
    this.agents = agents;
    this.config = config;
    this.clock = clock;
  }

  void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
    bootstrap(config.adminPassword());
  }

  /**
   * After the other start-up work (demo data may create accounts), says how to create the first
   * administrator if still nobody can sign in.
   */
  void afterStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 400) StartupEvent event) {
    if (QuarkusTransaction.requiringNew().call(agents::count) == 0) {
      LOG.warnf(
          "There are no accounts yet, so nobody can sign in. To create the first administrator,"
              + " set %s (property %s) to a password of at least %d characters and start the"
              + " application again: it creates the account '%s' with that password. Remove the"
              + " variable afterwards.",
          ENVIRONMENT, PROPERTY, MIN_PASSWORD_LENGTH, USERNAME);
    }
  }

  /** Checks the password first, so a bad one stops the start whatever the database holds. */
  public Outcome bootstrap(Optional<String> password) {
    password.ifPresent(AdminBootstrap::checkPassword);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              // Two instances starting at once must not both try to create the account.
              agents
                  .getEntityManager()
                  .createNativeQuery("LOCK TABLE agent IN SHARE ROW EXCLUSIVE MODE")
                  .executeUpdate();
              var outcome =
                  decide(
                      agents.count("role", Role.ADMIN),
                      agents.count(),
                      password.isPresent(),
                      agents.findByUsername(USERNAME).isPresent());
              switch (outcome) {
                case CREATED -> create(password.orElseThrow());
                case NAME_TAKEN ->
                    LOG.warnf(
                        "%s is set but no administrator was created: an account named '%s' exists"
                            + " and is not an administrator. Give an existing account the role"
                            + " admin in the database, or rename that account.",
                        ENVIRONMENT, USERNAME);
                default -> {}
              }
              return outcome;
            });
  }

  /** The decision, apart from the database: what to do given what exists. */
  static Outcome decide(long admins, long accounts, boolean passwordSet, boolean nameTaken) {
    if (admins > 0) {
      return Outcome.ADMIN_EXISTS;
    }
    if (!passwordSet) {
      return accounts == 0 ? Outcome.NO_ACCOUNTS : Outcome.NO_ADMIN;
    }
    return nameTaken ? Outcome.NAME_TAKEN : Outcome.CREATED;
  }

  /** Refuses a weak bootstrap password with a message that says what to change. */
  static void checkPassword(String password) {
    int length = password.strip().codePointCount(0, password.strip().length());
    if (length < MIN_PASSWORD_LENGTH) {
      throw new ConfigurationException(
          "The first administrator's password ("
              + ENVIRONMENT
              + ", property "
              + PROPERTY
              + ") has "
              + length
              + " characters; it needs at least "
              + MIN_PASSWORD_LENGTH
              + ". Choose a longer one (a few unrelated words work well) and start again.");
    }
  }

  private void create(String password) {
    Instant now = clock.instant();
    var admin = new Agent();
    admin.username = USERNAME;
    admin.displayName = "Administrator";
    admin.role = Role.ADMIN;
    admin.passwordHash = BcryptUtil.bcryptHash(password);
    admin.enabled = true;
    admin.createdAt = now;
    admin.updatedAt = now;
    agents.persist(admin);
    LOG.infof(
        "Created the first administrator account '%s' with the password from %s. Sign in, then"
            + " remove the variable: it is only used while no administrator exists.",
        USERNAME, ENVIRONMENT);
  }
}
