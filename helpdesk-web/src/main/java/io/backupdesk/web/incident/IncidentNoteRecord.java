package io.backupdesk.web.incident;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A note on an incident; never changed once written. */
@Entity
@Table(name = "incident_note")
public class IncidentNoteRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public Long incidentId;
  public String text;
  public String agent;
  public Instant at;
}
