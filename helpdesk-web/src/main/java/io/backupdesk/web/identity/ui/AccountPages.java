package io.backupdesk.web.identity.ui;

import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.identity.AccountService;
import io.backupdesk.web.identity.Agent;
import io.backupdesk.web.identity.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The accounts page for administrators: the list, a new-account form, and per account its role,
 * disable/enable and a password reset. Each change posts the version the admin saw; the rules (last
 * admin, own account, password length) are {@link AccountService}'s, shown here in words.
 */
@Path("/admin/accounts")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance accounts(AccountsPage page);
  }

  /** Everything the accounts page shows. */
  public record AccountsPage(
      List<Row> rows,
      NewAccountForm form,
      Map<String, String> errors,
      String message,
      String notice,
      List<String> roles) {
    public String error(String field) {
      return errors.get(field);
    }
  }

  /**
   * One account and, after a refused change of it, the message and the field it concerns ({@code
   * errorField} null when it is about the account as a whole).
   */
  public record Row(
      String username,
      String displayName,
      String email,
      String role,
      boolean enabled,
      Instant createdAt,
      int version,
      boolean me,
      String error,
      String errorField) {

    /** The id of this account's new-password field, for its label and message. */
    public String passwordFieldId() {
      return "password-" + username;
    }

    public String passwordError() {
      return "password".equals(errorField) ? error : null;
    }
  }

  /** A change of one account that the rules refused, shown next to that account. */
  private record Refusal(String username, String message, String field) {}

  /** Which change a redirect reports, and how it reads. */
  enum Done {
    CREATED("Account %s created: they can sign in now."),
    ROLE("%s now has the role %s."),
    DISABLED("%s is disabled: their sessions and API tokens have ended."),
    ENABLED("%s is enabled again."),
    PASSWORD("The password of %s is reset: their sessions have ended.");

    private final String text;

    Done(String text) {
      this.text = text;
    }

    static Optional<Done> of(String value) {
      return java.util.Arrays.stream(values())
          .filter(d -> d.name().equalsIgnoreCase(value == null ? "" : value))
          .findFirst();
    }
  }

  private final AccountService accounts;
  private final CurrentAgent currentAgent;
  private final Validator validator;

  AccountPages(AccountService accounts, CurrentAgent currentAgent, Validator validator) {
    this.accounts = accounts;
    this.currentAgent = currentAgent;
    this.validator = validator;
  }

  @GET
  public TemplateInstance list(@RestQuery String done, @RestQuery String account) {
    return Templates.accounts(
        page(new NewAccountForm(), Map.of(), null, notice(done, account), null));
  }

  @POST
  public Response create(@BeanParam NewAccountForm form) {
    var errors = new TreeMap<String, String>();
    validator.validate(form).stream()
        .sorted(Comparator.comparing(ConstraintViolation::getMessage))
        .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
    int status = 400;
    if (errors.isEmpty()) {
      try {
        var agent =
            accounts.create(
                form.username,
                form.displayName,
                form.email,
                form.role,
                form.password,
                currentAgent.username());
        return seeAccounts(Done.CREATED, agent.username);
      } catch (InvalidInputException e) {
        errors.put(e.field(), e.getMessage());
      } catch (ConflictException e) {
        errors.put("username", e.getMessage());
        status = 409;
      }
    }
    form.password = "";
    return Response.status(status)
        .entity(
            Templates.accounts(
                page(
                    form,
                    errors,
                    "The account was not created: see the fields marked below.",
                    null)))
        .build();
  }

  @POST
  @Path("{username}/role")
  public Response changeRole(
      @RestPath String username, @RestForm Integer version, @RestForm String role) {
    return change(
        username,
        () -> accounts.changeRole(username, role, version, currentAgent.username()),
        Done.ROLE);
  }

  @POST
  @Path("{username}/enabled")
  public Response setEnabled(
      @RestPath String username, @RestForm Integer version, @RestForm Boolean enabled) {
    if (enabled == null) {
      // A missing value is no "false": it must never disable an account.
      return refused(400, username, "Choose to enable or to disable the account.", "enabled");
    }
    return change(
        username,
        () -> accounts.setEnabled(username, enabled, version, currentAgent.username()),
        enabled ? Done.ENABLED : Done.DISABLED);
  }

  @POST
  @Path("{username}/password")
  public Response resetPassword(
      @RestPath String username, @RestForm Integer version, @RestForm String password) {
    return change(
        username,
        () -> accounts.resetPassword(username, password, version, currentAgent.username()),
        Done.PASSWORD);
  }

  /** Applies one change and redirects; a refused change shows the page again, saying why. */
  private Response change(String username, Supplier<Agent> change, Done done) {
    try {
      change.get();
    } catch (InvalidInputException e) {
      return refused(400, username, e.getMessage(), e.field());
    } catch (ConflictException e) {
      var subject =
          accounts.all().stream()
              .filter(a -> a.username.equals(username))
              .findFirst()
              .map(a -> "the account of " + a.displayName)
              .orElse("this account");
      return refused(
          409,
          username,
          e.inWords(subject, accounts.lastChangeOf(username).orElse(null), java.time.Instant.now()),
          null);
    }
    return seeAccounts(done, username);
  }

  private Response refused(int status, String username, String message, String field) {
    var refusal = new Refusal(username, message, field);
    return Response.status(status)
        .entity(
            Templates.accounts(
                page(new NewAccountForm(), Map.of(), "Nothing was changed: " + message, refusal)))
        .build();
  }

  private static Response seeAccounts(Done done, String username) {
    return Response.seeOther(
            UriBuilder.fromPath("/admin/accounts")
                .queryParam("done", done.name().toLowerCase(java.util.Locale.ROOT))
                .queryParam("account", username)
                .fragment("account-" + username)
                .build())
        .build();
  }

  private String notice(String done, String username) {
    var what = Done.of(done);
    if (what.isEmpty() || username == null || username.isBlank()) {
      return null;
    }
    try {
      var agent = accounts.get(username);
      return String.format(what.get().text, agent.username, agent.role.value());
    } catch (NotFoundException e) {
      return null;
    }
  }

  private AccountsPage page(
      NewAccountForm form, Map<String, String> errors, String message, Refusal refusal) {
    return page(form, errors, message, null, refusal);
  }

  private AccountsPage page(
      NewAccountForm form,
      Map<String, String> errors,
      String message,
      String notice,
      Refusal refusal) {
    var me = currentAgent.username();
    var rows =
        accounts.all().stream()
            .map(
                a -> {
                  boolean refused = refusal != null && refusal.username().equals(a.username);
                  return new Row(
                      a.username,
                      a.displayName,
                      a.email,
                      a.role.value(),
                      a.enabled,
                      a.createdAt,
                      a.version,
                      a.username.equals(me),
                      refused ? refusal.message() : null,
                      refused ? refusal.field() : null);
                })
            .toList();
    return new AccountsPage(
        rows,
        form,
        errors,
        message,
        notice,
        Arrays.stream(Role.values()).map(Role::value).toList());
  }
}
