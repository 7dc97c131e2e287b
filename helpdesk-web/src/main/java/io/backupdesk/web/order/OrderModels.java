package io.backupdesk.web.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupdesk.diagnostics.order.LearnedModel;
import io.backupdesk.diagnostics.order.PolicyComparison;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versioned store of trained models. A stored model never changes, so each version read is kept
 * in memory; only "which version is the newest" is asked of the database, once per diagnosis
 * started, so that every instance of the app walks the newest model as soon as it is stored.
 */
@ApplicationScoped
public class OrderModels {
  private static final int REMEMBERED = 16;

  @Inject EntityManager em;
  @Inject ObjectMapper json;

  private final Map<Integer, StoredModel> read = new ConcurrentHashMap<>();

  /** The newest model, if one was trained. */
  @Transactional
  public Optional<StoredModel> latest() {
    Integer newest =
        em.createQuery("select max(version) from OrderModelRecord", Integer.class)
            .getSingleResult();
    return newest == null ? Optional.empty() : version(newest);
  }

  /** A model by its version; empty when there is no such version. */
  @Transactional
  public Optional<StoredModel> version(int version) {
    StoredModel known = read.get(version);
    if (known != null) {
      return Optional.of(known);
    }
    OrderModelRecord row = em.find(OrderModelRecord.class, version);
    if (row == null) {
      return Optional.empty();
    }
    StoredModel model = fromRow(row);
    if (read.size() >= REMEMBERED) {
      read.clear();
    }
    read.put(version, model);
    return Optional.of(model);
  }

  /** The newest models first, their summaries only. */
  @Transactional
  public List<ModelSummary> list(int limit) {
    return em
        .createQuery("from OrderModelRecord order by version desc", OrderModelRecord.class)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(ModelSummary::of)
        .toList();
  }

  /** One stored version's summary. */
  @Transactional
  public Optional<ModelSummary> summary(int version) {
    return Optional.ofNullable(em.find(OrderModelRecord.class, version)).map(ModelSummary::of);
  }

  /** The version the next model gets. */
  @Transactional
  public int nextVersion() {
    Integer newest =
        em.createQuery("select max(version) from OrderModelRecord", Integer.class)
            .getSingleResult();
    return newest == null ? 1 : newest + 1;
  }

  /**
   * Stores a newly trained model. Two trainings that finish together would take the same version:
   * the second is refused (409) rather than overwriting the first.
   */
  @Transactional
  public StoredModel store(StoredModel stored) {
    LearnedModel model = stored.model();
    if (em.find(OrderModelRecord.class, model.version()) != null) {
      throw taken(model.version());
    }
    var row = new OrderModelRecord();
    row.version = model.version();
    row.playbookVersion = model.playbookVersion();
    row.trainedAt = model.trainedAt();
    row.trainedBy = stored.trainedBy();
    row.dataFrom = model.dataFrom();
    row.dataTo = model.dataTo();
    row.walks = model.walks();
    row.walksIgnored = model.walksIgnored();
    row.segments = model.segments().size();
    row.modelJson = write(model);
    row.liveJson = stored.live() == null ? null : write(stored.live());
    try {
      em.persist(row);
      em.flush();
    } catch (PersistenceException e) {
      throw taken(model.version());
    }
    return stored;
  }

  private static ConflictException taken(int version) {
    return new ConflictException(
        ProblemType.STALE_VERSION,
        "Another training stored model v" + version + " first. Its figures are on the page now.",
        null);
  }

  private StoredModel fromRow(OrderModelRecord row) {
    try {
      LearnedModel model = json.readValue(row.modelJson, LearnedModel.class);
      PolicyComparison live =
          row.liveJson == null ? null : json.readValue(row.liveJson, PolicyComparison.class);
      return new StoredModel(model, row.trainedBy, live);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored model v" + row.version + " cannot be read", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A model cannot be written as JSON", e);
    }
  }
}
