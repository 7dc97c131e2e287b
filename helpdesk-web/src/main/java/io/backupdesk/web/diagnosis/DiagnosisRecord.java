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
  // The order the diagnosis walks (see DiagnosisMapper): the chosen order as comma-separated step
  // keys, the policy, model version and propensity that chose it, and the agent's switch to the
  // article's order.
  public String stepOrder;

  @Enumerated(EnumType.STRING)
  public OrderPolicy orderPolicy;

  public Integer orderModelVersion;
  public Double orderPropensity;
  public Integer orderOverrideFrom;
  public String orderOverrideBy;
  public Instant orderOverrideAt;

  @Version public int version;

  @OneToMany(mappedBy = "diagnosis", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("stepNumber")
  public List<StepResultRecord> results = new ArrayList<>();
}
