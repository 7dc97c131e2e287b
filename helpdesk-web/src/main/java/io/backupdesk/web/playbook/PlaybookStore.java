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

  /** What changes whenever a model is added: their count and the highest id. */
  record CatalogStamp(long count, long maxId) {}

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
            em.createNativeQuery("SELECT count(*), coalesce(max(id), 0) FROM device_model")
                .getSingleResult();
    return new CatalogStamp(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }

  @SuppressWarnings("unchecked")
  List<CatalogRow> deviceRows() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT name, variant, first_ios, last_ios FROM device_model ORDER BY id")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new CatalogRow(
                    (String) r[0],
                    (String) r[1],
                    ((Number) r[2]).intValue(),
                    r[3] == null ? null : ((Number) r[3]).intValue()))
        .toList();
  }

  void insertDevice(CatalogRow row, Instant at, String by) {
    em.createNativeQuery(
            "INSERT INTO device_model (name, variant, first_ios, last_ios, added_at, added_by)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
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
