package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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

  @Column(name = "ticket_id")
  public long ticketId;

  public int attempt;

  @Column(name = "playbook_version")
  public int playbookVersion;

  @Column(name = "device_model")
  public String deviceModel;

  @Column(name = "ios_version")
  public String iosVersion;

  @Enumerated(EnumType.STRING)
  public DiagnosisStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "status_before_abandon")
  public DiagnosisStatus statusBeforeAbandon;

  @Column(name = "current_step")
  public Integer currentStep;

  @Column(name = "current_step_started_at")
  public Instant currentStepStartedAt;

  @Column(name = "resolved_step_key")
  public String resolvedStepKey;

  @Column(name = "resolved_step_number")
  public Integer resolvedStepNumber;

  @Column(name = "resolved_fix_key")
  public String resolvedFixKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "escalation_target")
  public EscalationTarget escalationTarget;

  @Column(name = "escalation_reason")
  public String escalationReason;

  @Column(name = "escalation_automatic")
  public Boolean escalationAutomatic;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "started_by")
  public String startedBy;

  @Column(name = "ended_at")
  public Instant endedAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Version public int version;

  @OneToMany(mappedBy = "diagnosis", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("stepNumber")
  public List<StepResultRecord> results = new ArrayList<>();
}
