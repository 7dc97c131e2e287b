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

/**
 * The stored form of one core {@code StepCorrection}: a result as it was and as it became (the
 * {@code after} fields null when it was withdrawn). Written once, never changed.
 */
@Entity
@Table(name = "step_correction")
public class StepCorrectionRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public DiagnosisRecord diagnosis;

  public int seq;
  public String stepKey;
  public int stepNumber;
  public int stepVersion;
  public int position;
  public int attempt;
  public String note;
  public Instant startedAt;
  public Instant endedAt;
  public String recordedBy;

  @Enumerated(EnumType.STRING)
  public StepOutcome beforeOutcome;

  public String beforeFixOptionKey;
  public String beforeSkipReason;
  public boolean beforeConsentGiven;

  @Enumerated(EnumType.STRING)
  public Verification beforeVerification;

  public Instant beforeVerifiedAt;
  public String beforeVerifiedBy;
  public int beforeCorrections;

  @Enumerated(EnumType.STRING)
  public StepOutcome afterOutcome;

  public String afterFixOptionKey;
  public String afterSkipReason;
  public Boolean afterConsentGiven;

  @Enumerated(EnumType.STRING)
  public Verification afterVerification;

  public Instant afterVerifiedAt;
  public String afterVerifiedBy;
  public String reason;
  public String correctedBy;
  public Instant correctedAt;
}
