package io.backupdesk.web.incident;

import io.backupdesk.diagnostics.incident.Detection;
import io.backupdesk.diagnostics.incident.Signal;
import io.backupdesk.diagnostics.incident.SuggestionSnapshot;
import io.backupdesk.diagnostics.incident.SuggestionStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The stored form of a core {@code IncidentSuggestion}, with its evidence. */
@Entity
@Table(name = "incident_suggestion")
public class SuggestionRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Enumerated(EnumType.STRING)
  public Signal signal;

  public Instant windowStart;
  public Instant windowEnd;
  public int observed;
  public double expected;
  public double tailProbability;
  public int weeksOfHistory;
  public int historyCount;
  public Instant raisedAt;

  @Enumerated(EnumType.STRING)
  public SuggestionStatus status;

  public String decidedBy;
  public Instant decidedAt;
  public String dismissReason;

  @Version public int version;

  public Detection detection() {
    return new Detection(
        signal,
        windowStart,
        windowEnd,
        observed,
        expected,
        tailProbability,
        weeksOfHistory,
        historyCount,
        true);
  }

  SuggestionSnapshot snapshot() {
    return new SuggestionSnapshot(
        detection(), raisedAt, status, decidedBy, decidedAt, dismissReason);
  }

  void write(SuggestionSnapshot s) {
    status = s.status();
    decidedBy = s.decidedBy();
    decidedAt = s.decidedAt();
    dismissReason = s.dismissReason();
  }

  static SuggestionRecord of(SuggestionSnapshot s) {
    var r = new SuggestionRecord();
    Detection d = s.detection();
    r.signal = d.signal();
    r.windowStart = d.windowStart();
    r.windowEnd = d.windowEnd();
    r.observed = d.observed();
    r.expected = d.expected();
    r.tailProbability = d.tailProbability();
    r.weeksOfHistory = d.weeksOfHistory();
    r.historyCount = d.historyCount();
    r.raisedAt = s.raisedAt();
    r.write(s);
    return r;
  }
}
