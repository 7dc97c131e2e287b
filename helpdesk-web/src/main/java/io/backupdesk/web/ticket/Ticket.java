package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.Channel;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A customer's request for help with one iPhone; its number is its id. */
@Entity
@Table(name = "ticket")
public class Ticket {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  public Customer customer;

  public String subject;
  public String description;

  @Column(name = "device_model")
  public String deviceModel;

  @Column(name = "ios_version")
  public String iosVersion;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  @Enumerated(EnumType.STRING)
  public Priority priority;

  @Enumerated(EnumType.STRING)
  public TicketStatus status;

  public String assignee;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @Column(name = "closed_at")
  public Instant closedAt;

  @Version public int version;

  /** Moves the ticket through the core's status table and keeps the milestone times in step. */
  void moveTo(TicketStatus next, Instant at) {
    status = status.moveTo(next);
    resolvedAt =
        next == TicketStatus.RESOLVED ? at : (next == TicketStatus.CLOSED ? resolvedAt : null);
    closedAt = next == TicketStatus.CLOSED ? at : null;
    updatedAt = at;
  }
}
