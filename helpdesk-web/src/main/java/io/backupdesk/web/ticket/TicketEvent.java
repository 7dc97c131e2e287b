package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.TimelineKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One stored line of a ticket's timeline ({@code TimelineEntry} of the core, which words it), and
 * the diagnosis it belongs to. Never updated once written.
 */
@Entity
@Table(name = "ticket_event")
public class TicketEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public long ticketId;
  public Long diagnosisId;
  public Instant at;
  public String actor;

  @Enumerated(EnumType.STRING)
  public TimelineKind kind;

  public String summary;
  public String body;
  public String fromValue;
  public String toValue;
}
