package io.backupdesk.web.ticket;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a ticket's timeline: who did what, when. Never updated once written. */
@Entity
@Table(name = "ticket_event")
public class TicketEvent {

  /** What happened; mirrored by a CHECK constraint in the schema. */
  public enum Kind {
    CREATED,
    ASSIGNED,
    PRIORITY_CHANGED,
    STATUS_CHANGED,
    NOTE,
    DIAGNOSIS_STARTED,
    STEP_RECORDED,
    VERIFIED,
    RESOLVED,
    ESCALATED,
    WAITING_ON_APPLE,
    ABANDONED,
    RESUMED,
    REOPENED,
    CLOSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public long ticketId;

  public Long diagnosisId;

  public Instant at;
  public String actor;

  @Enumerated(EnumType.STRING)
  public Kind kind;

  public String summary;
  public String body;
}
