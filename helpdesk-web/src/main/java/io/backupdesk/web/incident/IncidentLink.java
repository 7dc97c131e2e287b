package io.backupdesk.web.incident;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A ticket held up by an incident. */
@Entity
@Table(name = "incident_ticket")
@IdClass(IncidentLink.Key.class)
public class IncidentLink {

  /** The composite key: one row per incident and ticket. */
  public record Key(Long incidentId, Long ticketId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id public Long incidentId;
  @Id public Long ticketId;
  public String linkedBy;
  public Instant linkedAt;
}
