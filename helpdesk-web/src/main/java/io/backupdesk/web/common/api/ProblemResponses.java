package io.backupdesk.web.common.api;

/**
 * Descriptions that the OpenAPI annotations of the API resources share; {@link
 * ProblemResponsesFilter} documents the error bodies themselves as RFC 9457 problems.
 */
public final class ProblemResponses {

  public static final String BAD_REQUEST =
      "Invalid input: a missing or malformed field, an unknown enum value, or a body that is not"
          + " JSON. `errors` names the fields.";
  public static final String UNAUTHORIZED =
      "No credentials, a wrong password, or an unknown, expired or revoked token.";
  public static final String FORBIDDEN = "Signed in, but the account lacks the agent role.";
  public static final String NOT_FOUND_TICKET = "No ticket with this number.";
  public static final String STALE =
      "The version you sent (body `version` or `If-Match`) is stale, or the change is not allowed"
          + " now; `currentState` holds the resource as it is, nothing was changed.";
  public static final String UNSUPPORTED = "The body was not sent as application/json.";
  public static final String BUSY =
      "No database connection came free in time (a burst of requests) or the request lost a"
          + " deadlock; nothing was saved. Send it again after `Retry-After` seconds.";
  public static final String RULE_BROKEN =
      "A rule of the playbook refused the command (unknown step or fix option, missing consent,"
          + " skip without reason, step out of order); `currentState` holds the diagnosis.";

  private ProblemResponses() {}
}
