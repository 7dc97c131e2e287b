package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.Channel;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.OptimisticLock;

/**
 * A customer's request for help with one iPhone; its number is its id. The stored form of a core
 * {@code TicketCase} plus what the customer wrote ({@link TicketMapper} copies between them). Its
 * version covers what people edit together (priority, assignee, status); appending to the timeline
 * does not change it.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Customer customer;

  public String subject;
  public String description;
  public String deviceModel;
  public String iosVersion;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  @Enumerated(EnumType.STRING)
  public Priority priority;

  @Enumerated(EnumType.STRING)
  public TicketStatus status;

  public String assignee;
  public String createdBy;
  public Instant createdAt;

  /**
   * The last activity, for the queue's order. Not versioned: a note or a recorded step moves it,
   * and that must not make a colleague's open priority, assignee or status form stale.
   */
  @OptimisticLock(excluded = true)
  public Instant updatedAt;

  public Instant resolvedAt;
  public Instant closedAt;
  public String resolvedBy;
  public String closedBy;
  // The ticket's clock (TicketClocks keeps these; the rules are the core's TicketClock).
  public Instant firstResponseAt;
  public Instant statusSince;
  public Instant followUpAt;
  public Instant dueAt;

  /** The ticket this one was merged into as a duplicate; set only on a closed ticket. */
  public Long mergedInto;

  @Version public int version;
}
