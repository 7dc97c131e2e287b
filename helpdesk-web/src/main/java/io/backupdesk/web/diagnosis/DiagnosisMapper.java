package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.DiagnosisSnapshot;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.Escalation;
import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.OrderOverride;
import io.backupdesk.diagnostics.diagnosis.Resolution;
import io.backupdesk.diagnostics.diagnosis.StepResult;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/** Copies a core snapshot into the rows that store it, and back. */
final class DiagnosisMapper {

  private DiagnosisMapper() {}

  static DiagnosisSnapshot toSnapshot(DiagnosisRecord r, Playbook playbook) {
    OrderChoice choice = orderChoice(r);
    OrderOverride override =
        r.orderOverrideFrom == null
            ? null
            : new OrderOverride(r.orderOverrideFrom, r.orderOverrideBy, r.orderOverrideAt);
    StepOrder walked = walkedOrder(choice, override, playbook);
    var results =
        r.results.stream()
            // One row per step: the walk's sequence is the walked order's.
            .sorted(Comparator.comparingInt(row -> walked.positionOf(row.stepKey)))
            .map(
                s ->
                    new StepResult(
                        s.stepKey,
                        s.stepNumber,
                        s.stepVersion,
                        s.outcome,
                        s.fixOptionKey,
                        s.skipReason,
                        s.note,
                        s.consentGiven,
                        s.verification,
                        s.startedAt,
                        s.endedAt,
                        s.recordedBy,
                        s.verifiedAt,
                        s.verifiedBy,
                        walked.positionOf(s.stepKey),
                        1,
                        0))
            .toList();
    var resolution =
        r.resolvedFixKey == null
            ? null
            : new Resolution(r.resolvedStepKey, r.resolvedStepNumber, r.resolvedFixKey);
    var escalation =
        r.escalationTarget == null
            ? null
            : new Escalation(
                r.escalationTarget, r.escalationReason, Boolean.TRUE.equals(r.escalationAutomatic));
    return new DiagnosisSnapshot(
        r.playbookVersion,
        r.deviceModel,
        r.iosVersion,
        r.status,
        r.statusBeforeAbandon,
        r.currentStep == null ? 0 : r.currentStep,
        r.currentStepStartedAt,
        results,
        resolution,
        escalation,
        r.startedAt,
        r.startedBy,
        r.endedAt,
        choice,
        walked,
        override,
        List.of());
  }

  /** The stored choice; rows written before orders were recorded walked the article's order. */
  private static OrderChoice orderChoice(DiagnosisRecord r) {
    if (r.orderPolicy == null || r.stepOrder == null) {
      return null;
    }
    return new OrderChoice(
        new StepOrder(List.of(r.stepOrder.split(","))),
        r.orderPolicy,
        r.orderModelVersion,
        r.orderPropensity == null ? 1.0 : r.orderPropensity);
  }

  /**
   * The order being walked: the chosen one, or after the agent's switch the chosen order's first
   * steps and the rest in the article's order (what Diagnosis.followArticleOrder made of it).
   */
  private static StepOrder walkedOrder(
      OrderChoice choice, OrderOverride override, Playbook playbook) {
    StepOrder article = StepOrder.article(playbook);
    if (choice == null) {
      return article;
    }
    if (override == null) {
      return choice.order();
    }
    var keys = new ArrayList<>(choice.order().stepKeys().subList(0, override.fromPosition() - 1));
    for (String key : article.stepKeys()) {
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    return new StepOrder(keys);
  }

  /**
   * Writes the snapshot into the record; step rows are matched by step number and only touched if
   * changed.
   */
  static void write(DiagnosisSnapshot s, DiagnosisRecord r, Instant now) {
    r.playbookVersion = s.playbookVersion();
    r.deviceModel = s.deviceModel();
    r.iosVersion = s.iosVersion();
    r.status = s.status();
    // The schema keeps this only while abandoned: it is what a resume returns to.
    r.statusBeforeAbandon =
        s.status() == DiagnosisStatus.ABANDONED ? s.statusBeforeAbandon() : null;
    r.currentStep =
        s.currentStepNumber() >= 1 && !s.status().isEnded() ? s.currentStepNumber() : null;
    r.currentStepStartedAt = r.currentStep == null ? null : s.currentStepStartedAt();
    r.resolvedStepKey = s.resolution() == null ? null : s.resolution().stepKey();
    r.resolvedStepNumber = s.resolution() == null ? null : s.resolution().stepNumber();
    r.resolvedFixKey = s.resolution() == null ? null : s.resolution().fixOptionKey();
    r.escalationTarget = s.escalation() == null ? null : s.escalation().target();
    r.escalationReason = s.escalation() == null ? null : s.escalation().reason();
    r.escalationAutomatic = s.escalation() == null ? null : s.escalation().automatic();
    r.startedAt = s.startedAt();
    r.startedBy = s.startedBy();
    r.endedAt = s.endedAt();
    r.updatedAt = now;
    OrderChoice choice = s.orderChoice();
    if (choice != null) {
      r.stepOrder = String.join(",", choice.order().stepKeys());
      r.orderPolicy = choice.policy();
      r.orderModelVersion = choice.modelVersion();
      r.orderPropensity = choice.propensity();
    }
    OrderOverride override = s.orderOverride();
    r.orderOverrideFrom = override == null ? null : override.fromPosition();
    r.orderOverrideBy = override == null ? null : override.agent();
    r.orderOverrideAt = override == null ? null : override.at();

    var existing = new HashMap<Integer, StepResultRecord>();
    r.results.forEach(row -> existing.put(row.stepNumber, row));
    for (StepResult result : s.results()) {
      var row = existing.get(result.stepNumber());
      if (row == null) {
        row = new StepResultRecord();
        row.diagnosis = r;
        r.results.add(row);
      } else if (sameAs(row, result)) {
        continue;
      }
      copy(result, row);
      row.updatedAt = now;
    }
  }

  private static boolean sameAs(StepResultRecord row, StepResult s) {
    return row.outcome == s.outcome()
        && row.verification == s.verification()
        && Objects.equals(row.fixOptionKey, s.fixOptionKey())
        && Objects.equals(row.note, s.note())
        && Objects.equals(row.endedAt, s.endedAt())
        && Objects.equals(row.verifiedAt, s.verifiedAt());
  }

  private static void copy(StepResult s, StepResultRecord row) {
    row.stepKey = s.stepKey();
    row.stepNumber = s.stepNumber();
    row.stepVersion = s.stepVersion();
    row.outcome = s.outcome();
    row.fixOptionKey = s.fixOptionKey();
    row.skipReason = s.skipReason();
    row.note = s.note();
    row.consentGiven = s.consentGiven();
    row.verification = s.verification();
    row.startedAt = s.startedAt();
    row.endedAt = s.endedAt();
    row.recordedBy = s.recordedBy();
    row.verifiedAt = s.verifiedAt();
    row.verifiedBy = s.verifiedBy();
  }
}
