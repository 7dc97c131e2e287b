package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import io.backupdesk.diagnostics.diagnosis.DiagnosisSnapshot;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.Escalation;
import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.OrderOverride;
import io.backupdesk.diagnostics.diagnosis.Resolution;
import io.backupdesk.diagnostics.diagnosis.StepCorrection;
import io.backupdesk.diagnostics.diagnosis.StepResult;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Copies a core snapshot into the rows that store it, and back. */
final class DiagnosisMapper {

  private DiagnosisMapper() {}

  static DiagnosisSnapshot toSnapshot(DiagnosisRecord r, Playbook playbook) {
    var chosen =
        r.stepOrder == null
            ? StepOrder.article(playbook)
            : new StepOrder(List.of(r.stepOrder.split(",")));
    var orderChoice =
        new OrderChoice(chosen, r.orderPolicy, r.orderModelVersion, r.orderPropensity);
    var override =
        r.orderOverrideFrom == null
            ? null
            : new OrderOverride(r.orderOverrideFrom, r.orderOverrideBy, r.orderOverrideAt);
    var walked = walked(chosen, override, playbook);
    var results =
        r.results.stream()
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
                        s.position,
                        s.attempt,
                        s.corrections))
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
        orderChoice,
        walked,
        override,
        r.corrections.stream().map(DiagnosisMapper::correction).toList());
  }

  /**
   * The order walked: the chosen one, or with an override the chosen keys before its position and
   * then the rest in the article's order (the only way the core changes an order).
   */
  private static StepOrder walked(StepOrder chosen, OrderOverride override, Playbook playbook) {
    if (override == null) {
      return chosen;
    }
    var keys = new ArrayList<>(chosen.stepKeys().subList(0, override.fromPosition() - 1));
    StepOrder.article(playbook).stepKeys().stream()
        .filter(key -> !keys.contains(key))
        .forEach(keys::add);
    return new StepOrder(keys);
  }

  private static StepCorrection correction(StepCorrectionRecord c) {
    var before =
        new StepResult(
            c.stepKey,
            c.stepNumber,
            c.stepVersion,
            c.beforeOutcome,
            c.beforeFixOptionKey,
            c.beforeSkipReason,
            c.note,
            c.beforeConsentGiven,
            c.beforeVerification,
            c.startedAt,
            c.endedAt,
            c.recordedBy,
            c.beforeVerifiedAt,
            c.beforeVerifiedBy,
            c.position,
            c.attempt,
            c.beforeCorrections);
    var after =
        c.afterOutcome == null
            ? null
            : new StepResult(
                c.stepKey,
                c.stepNumber,
                c.stepVersion,
                c.afterOutcome,
                c.afterFixOptionKey,
                c.afterSkipReason,
                c.note,
                Boolean.TRUE.equals(c.afterConsentGiven),
                c.afterVerification,
                c.startedAt,
                c.endedAt,
                c.recordedBy,
                c.afterVerifiedAt,
                c.afterVerifiedBy,
                c.position,
                c.attempt,
                c.beforeCorrections + 1);
    return new StepCorrection(before, after, c.reason, c.correctedBy, c.correctedAt);
  }

  /**
   * Writes the snapshot into the record; step rows are matched by step key and attempt and only
   * touched if changed, a withdrawn result's row is removed, and new corrections are appended.
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
    r.stepOrder = String.join(",", s.orderChoice().order().stepKeys());
    r.orderPolicy = s.orderChoice().policy();
    r.orderModelVersion = s.orderChoice().modelVersion();
    r.orderPropensity = s.orderChoice().propensity();
    r.orderOverrideFrom = s.orderOverride() == null ? null : s.orderOverride().fromPosition();
    r.orderOverrideBy = s.orderOverride() == null ? null : s.orderOverride().agent();
    r.orderOverrideAt = s.orderOverride() == null ? null : s.orderOverride().at();

    var existing = new HashMap<String, StepResultRecord>();
    r.results.forEach(row -> existing.put(row.stepKey + "#" + row.attempt, row));
    // A withdrawn result leaves the results; its original stays in the corrections.
    var kept = new HashSet<String>();
    s.results().forEach(result -> kept.add(result.stepKey() + "#" + result.attempt()));
    r.results.removeIf(row -> !kept.contains(row.stepKey + "#" + row.attempt));
    for (StepResult result : s.results()) {
      var row = existing.get(result.stepKey() + "#" + result.attempt());
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
    // The history only grows: append the corrections made since it was loaded.
    for (int i = r.corrections.size(); i < s.corrections().size(); i++) {
      var row = correctionRow(s.corrections().get(i));
      row.diagnosis = r;
      row.seq = i + 1;
      r.corrections.add(row);
    }
  }

  /**
   * Keeps who paused the diagnosis, when and why, for as long as it is paused: the paused screen
   * shows it to whoever picks the ticket up. A correction that reopens an ended diagnosis pauses it
   * too; its reason is the correction's.
   */
  static void notePause(DiagnosisRecord r, List<DiagnosisEvent> happened) {
    String correctionReason = null;
    for (DiagnosisEvent event : happened) {
      if (event instanceof DiagnosisEvent.Corrected corrected) {
        correctionReason = corrected.reason();
      } else if (event instanceof DiagnosisEvent.Abandoned abandoned) {
        r.pausedAt = abandoned.at();
        r.pausedBy = abandoned.agent();
        r.pauseReason = abandoned.reason();
      } else if (event instanceof DiagnosisEvent.Reopened reopened) {
        r.pausedAt = reopened.at();
        r.pausedBy = reopened.agent();
        r.pauseReason =
            correctionReason == null
                ? "Reopened by a correction"
                : "Reopened by a correction: " + correctionReason;
      }
    }
    if (r.status != DiagnosisStatus.ABANDONED) {
      r.pausedAt = null;
      r.pausedBy = null;
      r.pauseReason = null;
    }
  }

  private static StepCorrectionRecord correctionRow(StepCorrection c) {
    var row = new StepCorrectionRecord();
    StepResult before = c.before();
    row.stepKey = before.stepKey();
    row.stepNumber = before.stepNumber();
    row.stepVersion = before.stepVersion();
    row.position = before.position();
    row.attempt = before.attempt();
    row.note = before.note();
    row.startedAt = before.startedAt();
    row.endedAt = before.endedAt();
    row.recordedBy = before.recordedBy();
    row.beforeOutcome = before.outcome();
    row.beforeFixOptionKey = before.fixOptionKey();
    row.beforeSkipReason = before.skipReason();
    row.beforeConsentGiven = before.consentGiven();
    row.beforeVerification = before.verification();
    row.beforeVerifiedAt = before.verifiedAt();
    row.beforeVerifiedBy = before.verifiedBy();
    row.beforeCorrections = before.corrections();
    StepResult after = c.after();
    if (after != null) {
      row.afterOutcome = after.outcome();
      row.afterFixOptionKey = after.fixOptionKey();
      row.afterSkipReason = after.skipReason();
      row.afterConsentGiven = after.consentGiven();
      row.afterVerification = after.verification();
      row.afterVerifiedAt = after.verifiedAt();
      row.afterVerifiedBy = after.verifiedBy();
    }
    row.reason = c.reason();
    row.correctedBy = c.correctedBy();
    row.correctedAt = c.at();
    return row;
  }

  private static boolean sameAs(StepResultRecord row, StepResult s) {
    return row.outcome == s.outcome()
        && row.verification == s.verification()
        && Objects.equals(row.fixOptionKey, s.fixOptionKey())
        && Objects.equals(row.note, s.note())
        && Objects.equals(row.skipReason, s.skipReason())
        && row.consentGiven == s.consentGiven()
        && row.position == s.position()
        && row.corrections == s.corrections()
        && Objects.equals(row.verifiedBy, s.verifiedBy())
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
    row.position = s.position();
    row.attempt = s.attempt();
    row.corrections = s.corrections();
  }
}
