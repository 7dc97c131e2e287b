package io.backupdesk.web.common;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a refusal of the database means for the person who caused it, in one place for the API and
 * the pages. The checks before a write (validation, a look-up of the user name) cannot close every
 * gap: two requests can both find an e-mail unused and both insert it, a pool can run out of
 * connections under a burst. Such a refusal is no server error, so it must not end as a 500: a
 * unique key taken meanwhile is a 409 naming the field, a CHECK the app did not know of is a 422,
 * and a database too busy to hand out a connection (or a deadlock victim) is a 503 with {@code
 * Retry-After}.
 */
public final class DatabaseRefusals {

  /** How long a client should wait before it retries a request the database was too busy for. */
  public static final int RETRY_AFTER_SECONDS = 2;

  /** The field each unique key is about, as the API and the forms name it. */
  private static final Map<String, String> UNIQUE_FIELDS =
      Map.of(
          "customer_email_key", "customerEmail",
          "agent_username_key", "username",
          "api_token_token_hash_key", "token",
          "diagnosis_one_open_per_ticket", "diagnosis",
          "diagnosis_ticket_id_attempt_key", "diagnosis",
          "step_result_diagnosis_step_attempt_key", "stepKey",
          "device_model_name_idx", "name");

  private static final Map<String, String> UNIQUE_WORDS =
      Map.of(
          "customerEmail", "A customer with this e-mail address was added at the same moment.",
          "username", "This user name was taken at the same moment.",
          "diagnosis", "A diagnosis of this ticket was started at the same moment.",
          "stepKey", "This step was recorded at the same moment.",
          "name", "A device model with this name was added at the same moment.");

  private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

  /** A refusal as the client gets it. */
  public record Refusal(ProblemType type, String detail, String field, Integer retryAfterSeconds) {
    public Problem problem() {
      var problem = Problem.of(type, detail);
      return field == null
          ? problem
          : problem.withErrors(java.util.List.of(new Problem.FieldError(field, detail)));
    }
  }

  private DatabaseRefusals() {}

  /** The refusal somewhere in {@code failure}'s causes, if the database refused something. */
  public static Optional<Refusal> of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (isPoolTimeout(cause)) {
        return Optional.of(busy());
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        var refusal = of(sql);
        if (refusal.isPresent()) {
          return refusal;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  /** Whether {@code failure} is the database refusing a second row for {@code constraint}. */
  public static boolean isUniqueViolation(Throwable failure, String constraint) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && "23505".equals(sql.getSQLState())
          && constraint.equals(constraintOf(sql))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static Optional<Refusal> of(SQLException sql) {
    String state = sql.getSQLState();
    return switch (state) {
      case "23505" -> {
        String field = UNIQUE_FIELDS.get(constraintOf(sql));
        yield Optional.of(
            new Refusal(
                ProblemType.ALREADY_EXISTS,
                field == null
                    ? "This already exists: someone saved the same thing at the same moment."
                        + " Reload and check before you try again."
                    : UNIQUE_WORDS.getOrDefault(field, "This " + field + " is taken.")
                        + " Reload and check before you try again.",
                field,
                null));
      }
      case "23514", "23502", "23503" ->
          Optional.of(
              new Refusal(
                  ProblemType.REFUSED_BY_DATABASE,
                  "The database refused to store this ("
                      + describe(state)
                      + "); nothing was saved. Check the values and try again.",
                  null,
                  null));
        // Text or numbers the database cannot hold: a NUL, an invalid byte, a date out of its
        // range.
      case "22P05", "22021", "22008", "22003", "22007", "22001" ->
          Optional.of(
              new Refusal(
                  ProblemType.INVALID_INPUT,
                  "A value cannot be stored as sent ("
                      + describe(state)
                      + "); nothing was saved. Correct it and try again.",
                  null,
                  null));
        // A deadlock victim or a serialisation failure: the same request will very likely succeed.
      case "40001", "40P01", "55P03", "57014", "53300" -> Optional.of(busy());
      default -> state.startsWith("08") ? Optional.of(busy()) : Optional.empty();
    };
  }

  private static Refusal busy() {
    return new Refusal(
        ProblemType.BUSY,
        "The service is too busy to answer right now; nothing was saved. Try again in "
            + RETRY_AFTER_SECONDS
            + " seconds.",
        null,
        RETRY_AFTER_SECONDS);
  }

  /** Agroal's "acquisition timeout" when every connection of the pool stays in use. */
  private static boolean isPoolTimeout(Throwable cause) {
    var message = cause.getMessage();
    return cause instanceof SQLException
        && message != null
        && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
  }

  private static String constraintOf(SQLException sql) {
    try {
      if (sql instanceof org.postgresql.util.PSQLException psql
          && psql.getServerErrorMessage() != null
          && psql.getServerErrorMessage().getConstraint() != null) {
        return psql.getServerErrorMessage().getConstraint();
      }
    } catch (LinkageError e) {
      // another driver: fall back to the message
    }
    var matcher = CONSTRAINT.matcher(String.valueOf(sql.getMessage()));
    return matcher.find() ? matcher.group(1) : null;
  }

  private static String describe(String state) {
    return switch (state) {
      case "23514" -> "a rule of a column";
      case "23502" -> "a required value is missing";
      case "23503" -> "it refers to something that no longer exists";
      case "22P05", "22021" -> "a character the database cannot store";
      case "22008", "22007" -> "a date or time out of range";
      case "22003" -> "a number out of range";
      case "22001" -> "a text too long";
      default -> "code " + state;
    };
  }
}
