package io.backupdesk.web.order;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of the step-order settings, kept for the audit: who, when, before and after. */
@Entity
@Table(name = "order_settings_change")
class OrderSettingsChangeRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public Instant at;
  public String actor;
  public String before;
  public String after;
}
