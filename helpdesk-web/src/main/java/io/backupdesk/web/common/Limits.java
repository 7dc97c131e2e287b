package io.backupdesk.web.common;

/**
 * The longest text each input may have, in one place: the request records of the API and the forms
 * read these, and they equal the lengths of the columns that store the text ({@code LimitsTest}
 * compares them with the schema), so an over-long text is a 400 naming the field, never a 500 from
 * the database.
 */
public final class Limits {

  public static final int USERNAME = 64; // agent.username, and every column naming an account
  public static final int DISPLAY_NAME = 120; // agent.display_name
  public static final int TIME_ZONE = 64; // agent.time_zone
  public static final int EMAIL = 254; // agent.email, customer.email
  public static final int CUSTOMER_NAME = 120; // customer.name
  public static final int PHONE = 40; // customer.phone
  public static final int DEVICE_MODEL = 60; // ticket.device_model
  public static final int SUBJECT = 200; // ticket.subject
  public static final int DESCRIPTION = 10_000; // ticket.description is text: the app's own
  public static final int TICKET_NOTE = 10_000; // ticket_event.body: a ticket's internal note
  public static final int STEP_NOTE = 4_000; // step_result.note
  public static final int SKIP_REASON = 2_000; // step_result.skip_reason
  public static final int ESCALATION_REASON = 2_000; // diagnosis.escalation_reason
  public static final int CORRECTION_REASON = 2_000; // step_correction.reason
  public static final int ABANDON_REASON = 1_000; // diagnosis.pause_reason
  public static final int TOKEN_NAME = 80; // api_token.name
  public static final int AUDIT_TARGET = 200; // audit_log.target
  public static final int AUDIT_DETAIL = 1_000; // audit_log.detail
  public static final int IP = 64; // audit_log.ip, agent_session.ip, login_failure.ip
  public static final int USER_AGENT = 300; // agent_session.user_agent

  /**
   * What an e-mail address may look like, for the API, the forms and the schema's CHECK on {@code
   * customer.email} alike (it holds this text verbatim; {@code LimitsTest} checks that, and that
   * PostgreSQL's and Java's regular expressions agree on it): the dot-separated "atoms" of RFC 5322
   * before the {@code @}, host names after it. No quoted local parts ({@code "john
   * smith"@example.org}) and no address literals: no desk tool or mail client handles them well.
   * Only ASCII characters and no backslash, so that both engines read it the same way.
   */
  public static final String EMAIL_PATTERN =
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+([.][A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?([.][A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*";

  /** The refusal of an address that does not match {@link #EMAIL_PATTERN}. */
  public static final String EMAIL_MESSAGE =
      "Write the address as name@example.com: letters, digits and . ! # $ % & ' * + / = ? ^ _ ` {"
          + " | } ~ - before the @, no spaces or quotes";

  private Limits() {}
}
