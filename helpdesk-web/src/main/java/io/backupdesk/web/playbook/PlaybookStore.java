package io.backupdesk.web.playbook;

import io.backupdesk.diagnostics.playbook.CatalogRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/**
 * The playbook's tables, read and written as rows: it stores and loads what the core accepted and
 * decides nothing. Plain SQL, because the rows are documents (a version's JSON) and single values
 * rather than entities with behaviour.
 */
@ApplicationScoped
@Transactional
class PlaybookStore {

  /** A published version as stored. */
  record StoredVersion(
      int version,
      String name,
      String content,
      Instant publishedAt,
      String publishedBy,
      String source) {}

  /** The draft as stored. */
  record StoredDraft(
      int basedOn, String content, int revision, Instant updatedAt, String updatedBy) {}

  /**
   * What changes whenever a model is added, edited, retired or restored: their count, the highest
   * id and the sum of their revisions (every change raises one row's revision by one).
   */
  record CatalogStamp(long count, long maxId, long revisions) {}

  private final EntityManager em;

  PlaybookStore(EntityManager em) {
    this.em = em;
  }

  int latestVersion() {
    Number max =
        (Number)
            em.createNativeQuery("SELECT coalesce(max(version), 0) FROM playbook_version")
                .getSingleResult();
    return max.intValue();
  }

  List<StoredVersion> versionsAfter(int version) {
    return versions("WHERE version > ?1", version);
  }

  Optional<StoredVersion> version(int version) {
    return versions("WHERE version = ?1", version).stream().findFirst();
  }

  /** Every version, content included, oldest first. */
  List<StoredVersion> versions() {
    return versions("WHERE version > ?1", 0);
  }

  @SuppressWarnings("unchecked")
  private List<StoredVersion> versions(String where, int version) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT version, name, content, published_at, published_by, source"
                    + " FROM playbook_version "
                    + where
                    + " ORDER BY version")
            .setParameter(1, version)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new StoredVersion(
                    ((Number) r[0]).intValue(),
                    (String) r[1],
                    (String) r[2],
                    instant(r[3]),
                    (String) r[4],
                    (String) r[5]))
        .toList();
  }

  /** False when the version exists already (someone published it first). */
  boolean insertVersion(
      int version, String name, String content, Instant at, String by, String source) {
    return em.createNativeQuery(
                "INSERT INTO playbook_version"
                    + " (version, name, content, published_at, published_by, source)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (version) DO NOTHING")
            .setParameter(1, version)
            .setParameter(2, name)
            .setParameter(3, content)
            .setParameter(4, Timestamp.from(at))
            .setParameter(5, by)
            .setParameter(6, source)
            .executeUpdate()
        == 1;
  }

  /** The draft, locked until the transaction ends when {@code lock}. */
  @SuppressWarnings("unchecked")
  Optional<StoredDraft> draft(boolean lock) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT based_on, content, revision, updated_at, updated_by FROM playbook_draft"
                    + " WHERE id = 1"
                    + (lock ? " FOR UPDATE" : ""))
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new StoredDraft(
                    ((Number) r[0]).intValue(),
                    (String) r[1],
                    ((Number) r[2]).intValue(),
                    instant(r[3]),
                    (String) r[4]));
  }

  /** Creates the draft unless another request just did. */
  void insertDraft(StoredDraft draft) {
    em.createNativeQuery(
            "INSERT INTO playbook_draft (id, based_on, content, revision, updated_at, updated_by)"
                + " VALUES (1, ?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING")
        .setParameter(1, draft.basedOn())
        .setParameter(2, draft.content())
        .setParameter(3, draft.revision())
        .setParameter(4, Timestamp.from(draft.updatedAt()))
        .setParameter(5, draft.updatedBy())
        .executeUpdate();
  }

  void updateDraft(StoredDraft draft) {
    em.createNativeQuery(
            "UPDATE playbook_draft SET based_on = ?1, content = ?2, revision = ?3,"
                + " updated_at = ?4, updated_by = ?5 WHERE id = 1")
        .setParameter(1, draft.basedOn())
        .setParameter(2, draft.content())
        .setParameter(3, draft.revision())
        .setParameter(4, Timestamp.from(draft.updatedAt()))
        .setParameter(5, draft.updatedBy())
        .executeUpdate();
  }

  CatalogStamp catalogStamp() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*), coalesce(max(id), 0), coalesce(sum(revision), 0)"
                        + " FROM device_model")
                .getSingleResult();
    return new CatalogStamp(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        ((Number) row[2]).longValue());
  }

  List<CatalogRow> deviceRows() {
    return devices("", null, false).stream().map(StoredDevice::row).toList();
  }

  /** Every model as stored, oldest first. */
  List<StoredDevice> devices() {
    return devices("", null, false);
  }

  /** One model, locked until the transaction ends when {@code lock}. */
  Optional<StoredDevice> device(long id, boolean lock) {
    return devices(" WHERE id = ?1", id, lock).stream().findFirst();
  }

  @SuppressWarnings("unchecked")
  private List<StoredDevice> devices(String where, Long id, boolean lock) {
    var query =
        em.createNativeQuery(
            "SELECT id, name, variant, first_ios, last_ios, retired_at, retired_by, revision,"
                + " changed_at, changed_by FROM device_model"
                + where
                + " ORDER BY id"
                + (lock ? " FOR UPDATE" : ""));
    if (id != null) {
      query.setParameter(1, id);
    }
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                new StoredDevice(
                    ((Number) r[0]).longValue(),
                    new CatalogRow(
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).intValue(),
                        r[4] == null ? null : ((Number) r[4]).intValue(),
                        r[5] != null),
                    ((Number) r[7]).intValue(),
                    instant(r[8]),
                    (String) r[9],
                    r[5] == null ? null : instant(r[5]),
                    (String) r[6]))
        .toList();
  }

  /**
   * Stores a model's new family, iOS range and retirement as the next revision; the retirement's
   * time and author are the first retirement's until the model is restored.
   */
  void updateDevice(long id, CatalogRow row, int revision, Instant at, String by) {
    em.createNativeQuery(
            "UPDATE device_model SET variant = ?2, first_ios = ?3, last_ios = ?4,"
                + " retired_at = CASE WHEN ?5 THEN coalesce(retired_at, ?6) END,"
                + " retired_by = CASE WHEN ?5 THEN coalesce(retired_by, ?7) END,"
                + " revision = ?8, changed_at = ?6, changed_by = ?7 WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, row.variant())
        .setParameter(3, row.firstIos())
        .setParameter(4, new TypedParameterValue<>(StandardBasicTypes.INTEGER, row.lastIos()))
        .setParameter(5, row.retired())
        .setParameter(6, Timestamp.from(at))
        .setParameter(7, by)
        .setParameter(8, revision)
        .executeUpdate();
  }

  void insertDevice(CatalogRow row, Instant at, String by) {
    em.createNativeQuery(
            "INSERT INTO device_model"
                + " (name, variant, first_ios, last_ios, added_at, added_by, changed_at, changed_by)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)")
        .setParameter(1, row.name())
        .setParameter(2, row.variant())
        .setParameter(3, row.firstIos())
        .setParameter(4, new TypedParameterValue<>(StandardBasicTypes.INTEGER, row.lastIos()))
        .setParameter(5, Timestamp.from(at))
        .setParameter(6, by)
        .executeUpdate();
  }

  /**
   * Serializes the first start's loading across app instances: the second waits for the first and
   * then finds the rows there.
   */
  void lockFirstStart() {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
        .setParameter(1, 0x706c6179L)
        .getSingleResult();
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    throw new IllegalStateException("Not a time: " + value);
  }
}
