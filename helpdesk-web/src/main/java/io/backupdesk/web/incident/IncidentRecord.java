package io.backupdesk.web.incident;

import io.backupdesk.diagnostics.incident.IncidentStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The stored form of a core {@code Incident}; {@link IncidentStore} copies between them. */
@Entity
@Table(name = "incident")
public class IncidentRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String title;

  @Enumerated(EnumType.STRING)
  public IncidentStatus status;

  public Instant startedAt;
  public Instant openedAt;
  public String openedBy;
  public Long suggestionId;
  public Instant recoveredAt;
  public String recoveredBy;

  @OneToMany(mappedBy = "incidentId", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("linkedAt, ticketId")
  public List<IncidentLink> links = new ArrayList<>();

  @OneToMany(mappedBy = "incidentId", cascade = CascadeType.ALL)
  @OrderBy("at, id")
  public List<IncidentNoteRecord> notes = new ArrayList<>();

  @Version public int version;
}
