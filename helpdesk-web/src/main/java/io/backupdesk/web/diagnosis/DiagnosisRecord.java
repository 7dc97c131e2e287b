package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OrderPolicy;
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

/** The stored form of a core {@code Diagnosis}: one walk through the playbook for a ticket. */
@Entity
@Table(name = "diagnosis")
public class DiagnosisRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public long ticketId;
  public int attempt;
  public int playbookVersion;
  public String deviceModel;
  public String iosVersion;

  @Enumerated(EnumType.STRING)
  public DiagnosisStatus status;

  @Enumerated(EnumType.STRING)
  public DiagnosisStatus statusBeforeAbandon;

  public Integer currentStep;
  public Instant currentStepStartedAt;
  public String resolvedStepKey;
  public Integer resolvedStepNumber;
  public String resolvedFixKey;

  @Enumerated(EnumType.STRING)
  public EscalationTarget escalationTarget;

  public String escalationReason;
  public Boolean escalationAutomatic;
  public Instant startedAt;
  public String startedBy;
  public Instant endedAt;
  public Instant updatedAt;

  /** The chosen order's step keys, comma-separated; null on rows written before orders. */
  public String stepOrder;

  @Enumerated(EnumType.STRING)
  public OrderPolicy orderPolicy = OrderPolicy.ARTICLE;

  public Integer orderModelVersion;
  public double orderPropensity = 1;
  public Integer orderOverrideFrom;
  public String orderOverrideBy;
  public Instant orderOverrideAt;

  /** Who paused the diagnosis, when and why; set only while it is paused. */
  public Instant pausedAt;

  public String pausedBy;
  public String pauseReason;

  @Version public int version;

  @OneToMany(mappedBy = "diagnosis", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position, attempt")
  public List<StepResultRecord> results = new ArrayList<>();

  @OneToMany(mappedBy = "diagnosis", cascade = CascadeType.ALL)
  @OrderBy("seq")
  public List<StepCorrectionRecord> corrections = new ArrayList<>();
}
