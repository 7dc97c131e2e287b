package io.backupdesk.web.playbook;

import io.backupdesk.diagnostics.playbook.CatalogRow;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.FieldProblem;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Validated;
import io.backupdesk.diagnostics.playbook.draft.DraftEditException;
import io.backupdesk.diagnostics.playbook.draft.PlaybookDraft;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.common.ProblemType;
import io.backupdesk.web.identity.AuditEntry;
import io.backupdesk.web.identity.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The administrators' commands on the playbook: edit the one shared draft, publish it as the next
 * version, import a file as the next version, add, change, retire or restore a device model. Each
 * runs in one transaction with the draft row locked; the core decides what is valid and how
 * versions are numbered, this class only loads, asks and stores.
 *
 * <p>Every change of the draft names the revision the editor saw: a stale one is refused with a 409
 * that says who changed the draft and when, so two admins never overwrite each other silently.
 */
@ApplicationScoped
@Transactional
public class PlaybookEditor {

  /** The draft as an editor sees it. */
  public record Draft(
      PlaybookDraft playbook, int basedOn, int revision, Instant updatedAt, String updatedBy) {}

  /** A refused document: every problem, each with its field's path. */
  public static final class Refused extends RuntimeException {
    private final transient List<FieldProblem> problems;

    public Refused(String what, List<FieldProblem> problems) {
      super(what + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
      this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
      return problems;
    }
  }

  private final PlaybookStore store;
  private final PlaybookVersions versions;
  private final DeviceCatalogs catalogs;
  private final AuditLog audit;
  private final Clock clock;
  private final Event<PlaybookVersions.Published> published;

  PlaybookEditor(
      PlaybookStore store,
      PlaybookVersions versions,
      DeviceCatalogs catalogs,
      AuditLog audit,
      Clock clock,
      Event<PlaybookVersions.Published> published) {
    this.store = store;
    this.versions = versions;
    this.catalogs = catalogs;
    this.audit = audit;
    this.clock = clock;
    this.published = published;
  }

  /** The draft; on first use, a copy of the latest version. */
  public Draft draft() {
    return store.draft(false).map(PlaybookEditor::toDraft).orElseGet(this::createDraft);
  }

  /**
   * Applies an edit of the core's draft (change a step, add or retire one, replace it all) on the
   * revision the editor saw. A stale revision is a 409; an edit the draft cannot take ({@link
   * DraftEditException}) is the caller's to show.
   */
  public Draft edit(
      int seenRevision, String actor, String what, UnaryOperator<PlaybookDraft> edit) {
    Draft current = locked(seenRevision);
    PlaybookDraft changed = edit.apply(current.playbook());
    Draft saved = save(current.basedOn(), changed, current.revision() + 1, actor);
    audit.record(AuditEntry.Action.PLAYBOOK_EDITED, actor, "playbook draft", what, null);
    return saved;
  }

  /** Replaces the draft with a copy of the latest version, throwing its edits away. */
  public Draft discard(int seenRevision, String actor) {
    Draft current = locked(seenRevision);
    Playbook latest = versions.fresh().current();
    Draft saved = save(latest.version(), PlaybookDraft.from(latest), current.revision() + 1, actor);
    audit.record(
        AuditEntry.Action.PLAYBOOK_EDITED,
        actor,
        "playbook draft",
        "discarded the draft: it is v" + latest.version() + " again",
        null);
    return saved;
  }

  /** Every problem publishing the draft would meet now; empty when it would publish. */
  public List<FieldProblem> problems() {
    Draft current = draft();
    Validated<Playbook> next =
        current.playbook().publish(catalogs.current(), versions.fresh().all());
    return next.problems();
  }

  /** The draft as the next version would read, for the preview; every problem if it is invalid. */
  public Validated<Playbook> preview() {
    return draft().playbook().validate(catalogs.current(), versions.fresh().all());
  }

  /**
   * Publishes the draft as the next version: the whole draft validated against the catalogue as it
   * is now, every problem listed at once. The draft then continues from the new version.
   */
  public Playbook publish(int seenRevision, String actor) {
    Draft current = locked(seenRevision);
    Playbook next = store(current.playbook(), actor, "EDITOR", "The draft");
    save(next.version(), PlaybookDraft.from(next), current.revision() + 1, actor);
    audit.record(
        AuditEntry.Action.PLAYBOOK_PUBLISHED,
        actor,
        "playbook v" + next.version(),
        "published from the draft (revision " + current.revision() + ")",
        null);
    return next;
  }

  /**
   * Publishes a file's content as the next version, by the same rules as a draft (a file with any
   * problem stores nothing). The draft is replaced by the new version: an older draft would undo
   * the import when published.
   */
  public Playbook importVersion(PlaybookDraft file, String actor) {
    Draft current = store.draft(true).map(PlaybookEditor::toDraft).orElseGet(this::createDraft);
    Playbook next = store(file, actor, "IMPORT", "The file");
    save(next.version(), PlaybookDraft.from(next), current.revision() + 1, actor);
    audit.record(
        AuditEntry.Action.PLAYBOOK_IMPORTED,
        actor,
        "playbook v" + next.version(),
        "imported from a file; the draft now continues from it",
        null);
    return next;
  }

  /**
   * Adds a model to the device catalogue, checked with every model already there (a name used
   * twice, an iOS range that is not one). Problems name the form's fields.
   */
  public DeviceCatalog addDeviceModel(CatalogRow row, String actor) {
    DeviceCatalog before = catalogs.current();
    Validated<DeviceCatalog> built = before.adding(row);
    if (!built.isValid()) {
      throw new Refused("The model", built.problems());
    }
    CatalogRow stored = built.value().orElseThrow().rows().get(before.models().size());
    store.insertDevice(stored, clock.instant(), actor);
    audit.record(
        AuditEntry.Action.DEVICE_MODEL_ADDED, actor, stored.name(), describe(stored), null);
    return built.value().orElseThrow();
  }

  /** Every model as stored, with the revision a change must name; oldest first. */
  public List<StoredDevice> devices() {
    return store.devices();
  }

  /** One model as stored; a 404 when there is none with this id. */
  public StoredDevice device(long id) {
    return store.device(id, false).orElseThrow(() -> new NotFoundException("Device model", id));
  }

  /**
   * Changes a model's family and iOS range on the revision the editor saw, by the catalogue's rules
   * for adding one (problems name the fields). The name stays: tickets store it.
   */
  public StoredDevice changeDeviceModel(
      long id, int seenRevision, String variant, Integer firstIos, Integer lastIos, String actor) {
    StoredDevice current = lockedDevice(id, seenRevision);
    String name = current.row().name();
    Validated<DeviceCatalog> built = catalogs.current().editing(name, variant, firstIos, lastIos);
    if (!built.isValid()) {
      throw new Refused("The model", built.problems());
    }
    CatalogRow row = CatalogRow.of(built.value().orElseThrow().find(name).orElseThrow());
    if (row.equals(current.row())) {
      return current;
    }
    StoredDevice saved = saveDevice(current, row, actor);
    audit.record(
        AuditEntry.Action.DEVICE_MODEL_CHANGED,
        actor,
        name,
        describe(current.row()) + " → " + describe(row),
        null);
    return saved;
  }

  /**
   * Retires a model ({@code retired}) or restores it, on the revision the editor saw. Tickets that
   * name a retired model keep it; new tickets cannot name it. Retiring a retired model changes
   * nothing.
   */
  public StoredDevice retireDeviceModel(long id, int seenRevision, boolean retired, String actor) {
    StoredDevice current = lockedDevice(id, seenRevision);
    String name = current.row().name();
    if (current.row().retired() == retired) {
      return current;
    }
    Validated<DeviceCatalog> built = catalogs.current().retiring(name, retired);
    if (!built.isValid()) {
      throw new Refused("The model", built.problems());
    }
    StoredDevice saved =
        saveDevice(
            current, CatalogRow.of(built.value().orElseThrow().find(name).orElseThrow()), actor);
    audit.record(
        retired ? AuditEntry.Action.DEVICE_MODEL_RETIRED : AuditEntry.Action.DEVICE_MODEL_RESTORED,
        actor,
        name,
        retired ? "new tickets can no longer name it" : "new tickets can name it again",
        null);
    return saved;
  }

  private StoredDevice lockedDevice(long id, int seenRevision) {
    StoredDevice current =
        store.device(id, true).orElseThrow(() -> new NotFoundException("Device model", id));
    if (current.revision() != seenRevision) {
      throw new ConflictException(
          ProblemType.STALE_VERSION,
          "The model "
              + current.row().name()
              + " was changed by "
              + current.changedBy()
              + " at "
              + current.changedAt()
              + " (revision "
              + current.revision()
              + "; you had revision "
              + seenRevision
              + "). Check their change, and make yours again if it is still needed.",
          new DeviceRef(id));
    }
    return current;
  }

  private StoredDevice saveDevice(StoredDevice current, CatalogRow row, String actor) {
    store.updateDevice(current.id(), row, current.revision() + 1, clock.instant(), actor);
    return store.device(current.id(), false).orElseThrow();
  }

  private static String describe(CatalogRow row) {
    return row.variant()
        + ", iOS "
        + row.firstIos()
        + (row.lastIos() == null ? " and later" : " to " + row.lastIos());
  }

  private Playbook store(PlaybookDraft content, String actor, String source, String what) {
    List<Playbook> published = versions.fresh().all();
    Validated<Playbook> next = content.publish(catalogs.current(), published);
    if (!next.isValid()) {
      throw new Refused(what, next.problems());
    }
    Playbook playbook = next.value().orElseThrow();
    String json = PlaybookFiles.write(PlaybookDraft.from(playbook), PlaybookFiles.Format.JSON);
    if (!store.insertVersion(
        playbook.version(), playbook.name(), json, clock.instant(), actor, source)) {
      throw new ConflictException(
          ProblemType.STALE_VERSION,
          "Someone published v"
              + playbook.version()
              + " a moment ago: reload the draft, check their version, and publish again.",
          null);
    }
    this.published.fire(new PlaybookVersions.Published(playbook.version()));
    return playbook;
  }

  private Draft locked(int seenRevision) {
    Draft current = store.draft(true).map(PlaybookEditor::toDraft).orElseGet(this::createDraft);
    if (current.revision() != seenRevision) {
      throw new ConflictException(
          ProblemType.STALE_VERSION,
          "The draft was changed by "
              + current.updatedBy()
              + " at "
              + current.updatedAt()
              + " (revision "
              + current.revision()
              + "; you had revision "
              + seenRevision
              + "). Reload it, check their change, and make yours again.",
          new DraftRef());
    }
    return current;
  }

  private Draft createDraft() {
    Playbook latest = versions.fresh().current();
    store.insertDraft(
        new PlaybookStore.StoredDraft(
            latest.version(),
            PlaybookFiles.write(PlaybookDraft.from(latest), PlaybookFiles.Format.JSON),
            1,
            clock.instant(),
            FirstStartLoader.SYSTEM));
    // Another request may have created it first: read what is there.
    return toDraft(store.draft(true).orElseThrow());
  }

  private Draft save(int basedOn, PlaybookDraft playbook, int revision, String actor) {
    var stored =
        new PlaybookStore.StoredDraft(
            basedOn,
            PlaybookFiles.write(playbook, PlaybookFiles.Format.JSON),
            revision,
            clock.instant(),
            actor);
    store.updateDraft(stored);
    return toDraft(stored);
  }

  private static Draft toDraft(PlaybookStore.StoredDraft stored) {
    PlaybookDraft playbook =
        PlaybookFiles.read(stored.content(), PlaybookFiles.Format.JSON)
            .orElseThrow("The stored draft");
    return new Draft(
        playbook, stored.basedOn(), stored.revision(), stored.updatedAt(), stored.updatedBy());
  }
}
