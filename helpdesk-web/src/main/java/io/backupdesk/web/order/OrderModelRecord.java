package io.backupdesk.web.order;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One trained model of the step order, as stored (migration V25): its summary in columns, the
 * core's {@code LearnedModel} and the live off-policy comparison as JSON.
 */
@Entity
@Table(name = "order_model")
class OrderModelRecord {
  @Id public int version;
  public int playbookVersion;
  public Instant trainedAt;
  public String trainedBy;
  public Instant dataFrom;
  public Instant dataTo;
  public int walks;
  public int walksIgnored;
  public int segments;
  public String modelJson;
  public String liveJson;
}
