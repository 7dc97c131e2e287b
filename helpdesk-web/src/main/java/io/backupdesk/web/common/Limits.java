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
  public static final int TOKEN_NAME = 80; // api_token.name
  public static final int AUDIT_TARGET = 200; // audit_log.target
  public static final int AUDIT_DETAIL = 1_000; // audit_log.detail
  public static final int IP = 64; // audit_log.ip, agent_session.ip, login_failure.ip
  public static final int USER_AGENT = 300; // agent_session.user_agent

  /**
   * Why the customer left. No column of its own: it lives in the timeline line, which keeps its
   * first 500 characters; this is the app's own limit.
   */
  public static final int ABANDON_REASON = 1_000;

  private Limits() {}
}
