package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.diagnostics.diagnosis.Verification;
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
import java.time.Instant;

/** The stored answer to one step of one diagnosis, tied to the step version it answered. */
@Entity
@Table(name = "step_result")
public class StepResultRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "diagnosis_id")
  public DiagnosisRecord diagnosis;

  @Column(name = "step_key")
  public String stepKey;

  @Column(name = "step_number")
  public int stepNumber;

  @Column(name = "step_version")
  public int stepVersion;

  @Enumerated(EnumType.STRING)
  public StepOutcome outcome;

  @Column(name = "fix_option_key")
  public String fixOptionKey;

  @Column(name = "skip_reason")
  public String skipReason;

  public String note;

  @Column(name = "consent_given")
  public boolean consentGiven;

  @Enumerated(EnumType.STRING)
  public Verification verification;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  @Column(name = "recorded_by")
  public String recordedBy;

  @Column(name = "verified_at")
  public Instant verifiedAt;

  @Column(name = "verified_by")
  public String verifiedBy;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
