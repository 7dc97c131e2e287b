package io.backupdesk.web.order;

import io.backupdesk.diagnostics.order.CostWeights;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Reads and changes the step-order settings. Who may change them is the callers' rule (admins
 * only); here every change is checked, refused when it names an older version, and written to the
 * settings' own audit table in the same transaction, so a change is never without its record.
 */
@ApplicationScoped
public class OrderSettingsService {

  @Inject EntityManager em;
  @Inject Clock clock;

  @Transactional
  public StepOrderSettings current() {
    return toSettings(em.find(OrderSettingsRecord.class, OrderSettingsRecord.ID));
  }

  /** The newest changes first. */
  @Transactional
  public List<SettingsChangeLine> changes(int limit) {
    return em
        .createQuery(
            "from OrderSettingsChangeRecord order by at desc, id desc",
            OrderSettingsChangeRecord.class)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(c -> new SettingsChangeLine(c.at, c.actor, c.before, c.after))
        .toList();
  }

  /** One recorded change of the settings. */
  public record SettingsChangeLine(Instant at, String actor, String before, String after) {}

  @Transactional
  public StepOrderSettings change(SettingsChange change, String actor) {
    CostWeights costs = validate(change);
    var row =
        em.find(OrderSettingsRecord.class, OrderSettingsRecord.ID, LockModeType.PESSIMISTIC_WRITE);
    if (change.version() != row.version) {
      throw ConflictException.stale("The step-order settings", change.version(), row.version, null);
    }
    StepOrderSettings before = toSettings(row);
    // Compared on the exact values, before the row changes: the audit's wording rounds, and a row
    // changed but not audited would still be written, with a new version, at commit.
    if (before.suggestionsOn() == change.suggestionsOn()
        && before.exploreShare() == change.exploreShare()
        && before.costs().equals(costs)) {
      // Saving the form unchanged records nothing and keeps the version.
      return before;
    }
    row.suggestionsOn = change.suggestionsOn();
    row.exploreShare = change.exploreShare();
    row.lowRiskPrice = costs.lowRiskPrice();
    row.mediumRiskPrice = costs.mediumRiskPrice();
    row.highRiskPrice = costs.highRiskPrice();
    row.paidFixPrice = costs.paidFixPrice();
    row.escalationMinutes = costs.escalationMinutes();
    StepOrderSettings after =
        new StepOrderSettings(
            row.suggestionsOn, row.exploreShare, costs, row.version + 1, clock.instant(), actor);
    row.updatedAt = after.updatedAt();
    row.updatedBy = actor;
    var audit = new OrderSettingsChangeRecord();
    audit.at = after.updatedAt();
    audit.actor = actor;
    audit.before = before.describe();
    audit.after = after.describe();
    em.persist(audit);
    em.flush();
    return toSettings(row);
  }

  private static CostWeights validate(SettingsChange c) {
    require(c.version(), "version", "Send the version of the settings you changed.");
    require(c.suggestionsOn(), "suggestionsOn", "Say whether suggestions are on.");
    double explore = number(c.exploreShare(), "exploreShare", "The exploration share");
    if (explore > StepOrderSettings.MAX_EXPLORE_SHARE) {
      throw new InvalidInputException(
          "exploreShare", "The exploration share is between 0 and 0.5 (50% of diagnoses).");
    }
    return new CostWeights(
        price(c.lowRiskPrice(), "lowRiskPrice", "The price of a low-risk step"),
        price(c.mediumRiskPrice(), "mediumRiskPrice", "The price of a medium-risk step"),
        price(c.highRiskPrice(), "highRiskPrice", "The price of a high-risk step"),
        price(c.paidFixPrice(), "paidFixPrice", "The price of a paid fix"),
        price(c.escalationMinutes(), "escalationMinutes", "The minutes of an escalation"));
  }

  private static double price(Double value, String field, String what) {
    double v = number(value, field, what);
    if (v > StepOrderSettings.MAX_PRICE) {
      throw new InvalidInputException(field, what + " is at most 1000 minutes.");
    }
    return v;
  }

  private static double number(Double value, String field, String what) {
    if (value == null || value.isNaN() || value.isInfinite() || value < 0) {
      throw new InvalidInputException(field, what + " is a number, 0 or more.");
    }
    return value;
  }

  private static void require(Object value, String field, String message) {
    if (value == null) {
      throw new InvalidInputException(field, message);
    }
  }

  static StepOrderSettings toSettings(OrderSettingsRecord row) {
    return new StepOrderSettings(
        row.suggestionsOn,
        row.exploreShare,
        new CostWeights(
            row.lowRiskPrice,
            row.mediumRiskPrice,
            row.highRiskPrice,
            row.paidFixPrice,
            row.escalationMinutes),
        row.version,
        row.updatedAt,
        row.updatedBy);
  }
}
