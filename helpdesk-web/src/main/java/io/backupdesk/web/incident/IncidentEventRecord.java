package io.backupdesk.web.incident;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of an incident's (or a suggestion's) own timeline, as the core worded it. */
@Entity
@Table(name = "incident_event")
public class IncidentEventRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public Long incidentId;
  public Long suggestionId;
  public Instant at;
  public String actor;
  public String summary;
}
