package io.backupdesk.web.identity;

import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.DatabaseRefusals;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.Limits;
import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.common.ProblemType;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What administrators do with accounts. Every change is audited; disabling an account or resetting
 * its password ends its sessions and tokens at once.
 */
@ApplicationScoped
@Transactional
public class AccountService {

  public static final int MIN_PASSWORD_LENGTH = 12;
  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

  @Inject AgentRepository agents;
  @Inject SessionRegistry sessions;
  @Inject TokenService tokens;
  @Inject AuditLog audit;
  @Inject AuditEntryRepository auditEntries;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Agent> all() {
    return agents.list("order by username");
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Agent get(String username) {
    return agents
        .findByUsername(username)
        .orElseThrow(() -> new NotFoundException("Account", username));
  }

  /**
   * Creates an account. Runs outside any transaction until the insert: bcrypt takes a tenth of a
   * second on purpose, and holding a pooled connection meanwhile let thirty creations at once
   * exhaust the pool. Two creations of one user name at the same moment both pass the look-up; the
   * unique key refuses the second, which is then the same 409 as a name taken earlier.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Agent create(
      String username,
      String displayName,
      String email,
      String role,
      String password,
      String actor) {
    var name = username == null ? "" : username.trim();
    if (!USERNAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "username",
          "A user name has 2 to 64 lower-case letters, digits, dots, dashes or underscores.");
    }
    if (displayName == null
        || displayName.isBlank()
        || displayName.strip().length() > Limits.DISPLAY_NAME) {
      throw new InvalidInputException(
          "displayName", "Enter the person's name (up to 120 characters).");
    }
    var mail = email == null || email.isBlank() ? null : email.strip();
    if (mail != null && (mail.length() > Limits.EMAIL || !EMAIL.matcher(mail).matches())) {
      throw new InvalidInputException(
          "email", "Enter an e-mail address such as ada@example.com, or leave it empty.");
    }
    Role granted = checkRole(role);
    checkPassword(password);
    String hash = BcryptUtil.bcryptHash(password);
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                if (agents.findByUsername(name).isPresent()) {
                  throw taken(name);
                }
                Instant now = clock.instant();
                var agent = new Agent();
                agent.username = name;
                agent.displayName = displayName.strip();
                agent.email = mail;
                agent.role = granted;
                agent.passwordHash = hash;
                agent.enabled = true;
                agent.createdAt = now;
                agent.updatedAt = now;
                agents.persist(agent);
                agents.flush();
                audit.recordWithin(
                    AuditEntry.Action.ACCOUNT_CREATED, actor, name, "role " + granted.value());
                return agent;
              });
    } catch (RuntimeException e) {
      if (DatabaseRefusals.isUniqueViolation(e, "agent_username_key")) {
        throw taken(name);
      }
      throw e;
    }
  }

  private static ConflictException taken(String name) {
    return new ConflictException(
        ProblemType.USERNAME_TAKEN, "The user name '" + name + "' is taken.", null);
  }

  /**
   * The newest change of an account as the audit log tells it: who (by name), when and what; for a
   * page that must say why the admin's change of it was not saved.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.Optional<ConflictException.LastChange> lastChangeOf(String username) {
    return auditEntries
        .find(
            "target = ?1 and action in ?2 order by at desc, id desc",
            username,
            List.of(
                AuditEntry.Action.ACCOUNT_CREATED,
                AuditEntry.Action.ROLE_CHANGED,
                AuditEntry.Action.ACCOUNT_DISABLED,
                AuditEntry.Action.ACCOUNT_ENABLED,
                AuditEntry.Action.PASSWORD_RESET))
        .firstResultOptional()
        .map(
            e ->
                new ConflictException.LastChange(
                    agents.findByUsername(e.actor).map(a -> a.displayName).orElse(e.actor),
                    e.at,
                    switch (e.action) {
                      case ROLE_CHANGED -> "new role: " + e.detail;
                      case ACCOUNT_DISABLED -> "disabled it";
                      case ACCOUNT_ENABLED -> "enabled it";
                      case PASSWORD_RESET -> "reset the password";
                      default -> "created it";
                    }));
  }

  public Agent changeRole(String username, String role, Integer expectedVersion, String actor) {
    Role next = checkRole(role);
    var agent = lockedForChange(username, expectedVersion);
    if (agent.role != next) {
      refuseLosingTheLastAdmin(agent, actor, "change the role of");
      var before = agent.role;
      agent.role = next;
      agent.updatedAt = clock.instant();
      // Roles live in the session cookie's identity only until the next request, but be strict.
      sessions.closeAll(username);
      audit.recordWithin(
          AuditEntry.Action.ROLE_CHANGED, actor, username, before.value() + " → " + next.value());
    }
    return agent;
  }

  public Agent setEnabled(String username, boolean enabled, Integer expectedVersion, String actor) {
    var agent = lockedForChange(username, expectedVersion);
    if (agent.enabled != enabled) {
      if (!enabled) {
        if (username.equals(actor)) {
          throw new ConflictException(
              ProblemType.OWN_ACCOUNT, "You cannot disable your own account.", null);
        }
        refuseLosingTheLastAdmin(agent, actor, "disable");
        sessions.closeAll(username);
        tokens.revokeAllOf(username);
      }
      agent.enabled = enabled;
      agent.updatedAt = clock.instant();
      audit.recordWithin(
          enabled ? AuditEntry.Action.ACCOUNT_ENABLED : AuditEntry.Action.ACCOUNT_DISABLED,
          actor,
          username,
          enabled ? null : "sessions ended, tokens revoked");
    }
    return agent;
  }

  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Agent resetPassword(
      String username, String newPassword, Integer expectedVersion, String actor) {
    checkPassword(newPassword);
    // Slow on purpose, so before the transaction: hashing holds no connection and no row lock.
    String hash = BcryptUtil.bcryptHash(newPassword);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var agent = lockedForChange(username, expectedVersion);
              agent.passwordHash = hash;
              agent.updatedAt = clock.instant();
              sessions.closeAll(username);
              audit.recordWithin(
                  AuditEntry.Action.PASSWORD_RESET, actor, username, "sessions ended");
              return agent;
            });
  }

  private Agent lockedForChange(String username, Integer expectedVersion) {
    var agent =
        agents
            .find("username", username)
            .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
            .firstResultOptional()
            .orElseThrow(() -> new NotFoundException("Account", username));
    if (expectedVersion != null && expectedVersion != agent.version) {
      throw ConflictException.stale("Account " + username, expectedVersion, agent.version, null);
    }
    return agent;
  }

  private void refuseLosingTheLastAdmin(Agent agent, String actor, String what) {
    if (agent.role == Role.ADMIN && agents.count("role = ?1 and enabled = true", Role.ADMIN) <= 1) {
      throw new ConflictException(
          ProblemType.LAST_ADMIN,
          "You cannot " + what + " the last enabled administrator: make someone else admin first.",
          null);
    }
  }

  private static Role checkRole(String role) {
    // Exactly as stored: "Admin" is no role (the API and the forms send the lower-case names).
    return Role.of(role)
        .filter(r -> r.value().equals(role))
        .orElseThrow(
            () -> new InvalidInputException("role", "Choose a role: agent, supervisor or admin."));
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputException(
          "password", "A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
    if (password.length() > 72) {
      // bcrypt ignores everything after 72 bytes; refusing is more honest than truncating.
      throw new InvalidInputException("password", "A password can have at most 72 characters.");
    }
  }
}
