package io.backupdesk.web.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One security-relevant event: a sign-in, a failure, an administrator's change. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

  /** What happened; mirrored by a CHECK constraint. */
  public enum Action {
    LOGIN,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    LOGOUT,
    ACCOUNT_CREATED,
    ROLE_CHANGED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    PASSWORD_RESET,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    RESULT_CORRECTED,
    PLAYBOOK_EDITED,
    PLAYBOOK_PUBLISHED,
    PLAYBOOK_IMPORTED,
    DEVICE_MODEL_ADDED,
    INCIDENT_OPENED,
    INCIDENT_RECOVERED,
    SUGGESTION_CONFIRMED,
    SUGGESTION_DISMISSED,
    TICKETS_MERGED,
    DEVICE_MODEL_CHANGED,
    DEVICE_MODEL_RETIRED,
    DEVICE_MODEL_RESTORED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public Instant at;
  public String actor;

  @Enumerated(EnumType.STRING)
  public Action action;

  public String target;
  public String detail;
  public String ip;
}
