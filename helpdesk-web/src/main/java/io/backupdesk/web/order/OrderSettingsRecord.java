package io.backupdesk.web.order;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The one stored row of step-order settings (migration V25). */
@Entity
@Table(name = "order_settings")
class OrderSettingsRecord {
  static final short ID = 1;

  @Id public short id;
  public boolean suggestionsOn;
  public double exploreShare;
  public double lowRiskPrice;
  public double mediumRiskPrice;
  public double highRiskPrice;
  public double paidFixPrice;
  public double escalationMinutes;
  public Instant updatedAt;
  public String updatedBy;
  @Version public int version;
}
