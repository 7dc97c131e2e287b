package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.diagnostics.diagnosis.Verification;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored answer to one step of one diagnosis, tied to the step version it answered. */
@Entity
@Table(name = "step_result")
public class StepResultRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public DiagnosisRecord diagnosis;

  public String stepKey;
  public int stepNumber;
  public int stepVersion;

  @Enumerated(EnumType.STRING)
  public StepOutcome outcome;

  public String fixOptionKey;
  public String skipReason;
  public String note;
  public boolean consentGiven;

  @Enumerated(EnumType.STRING)
  public Verification verification;

  public Instant startedAt;
  public Instant endedAt;
  public String recordedBy;
  public Instant verifiedAt;
  public String verifiedBy;
  public int position;
  public int attempt;
  public int corrections;
  public Instant updatedAt;
}
