package io.backupdesk.web.playbook.ui;

import io.backupdesk.diagnostics.playbook.CatalogRow;
import io.backupdesk.diagnostics.playbook.Cost;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.DeviceModel;
import io.backupdesk.diagnostics.playbook.DeviceVariant;
import io.backupdesk.diagnostics.playbook.FieldProblem;
import io.backupdesk.diagnostics.playbook.InstructionBlock;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.playbook.Validated;
import io.backupdesk.diagnostics.playbook.draft.DraftEditException;
import io.backupdesk.diagnostics.playbook.draft.FixOptionDraft;
import io.backupdesk.diagnostics.playbook.draft.InstructionDraft;
import io.backupdesk.diagnostics.playbook.draft.PlaybookDiff;
import io.backupdesk.diagnostics.playbook.draft.PlaybookDraft;
import io.backupdesk.diagnostics.playbook.draft.StepDraft;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.playbook.DeviceCatalogs;
import io.backupdesk.web.playbook.PlaybookEditor;
import io.backupdesk.web.playbook.PlaybookFiles;
import io.backupdesk.web.playbook.PlaybookVersions;
import io.backupdesk.web.playbook.StoredDevice;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The playbook editor for administrators: the draft's steps with what stands in the way of
 * publishing, a form per step, adding and retiring steps, a preview for a chosen phone, publishing,
 * import and export, the device catalogue, and the difference between two versions. Every change
 * posts the draft revision the admin saw; a stale one shows who changed the draft meanwhile.
 *
 * <p>Administrators only, not supervisors: what the playbook says is what every agent tells every
 * customer, and a change is published to all of them at once, so it belongs with the role that
 * already answers for accounts and the audit trail. Supervisors read the version comparison.
 */
@Path("/admin/playbook")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class PlaybookEditorPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance editor(EditorPage page);

    static native TemplateInstance step(StepPage page);

    static native TemplateInstance preview(PreviewPage page);

    static native TemplateInstance diff(DiffPage page);
  }

  /** The editor's overview. */
  public record EditorPage(
      PlaybookEditor.Draft draft,
      List<StepRow> steps,
      List<ProblemLine> problems,
      List<Integer> versions,
      List<DeviceModel> models,
      List<DeviceRow> devices,
      String notice,
      String message,
      Map<String, String> errors,
      String importText) {
    public String error(String field) {
      return errors.get(field);
    }

    public long retiredCount() {
      return devices.stream().filter(DeviceRow::retired).count();
    }

    /** The page with one model's form as it was sent, its problems beside its fields. */
    EditorPage withDeviceForm(long id, DeviceRow sent) {
      return new EditorPage(
          draft,
          steps,
          problems,
          versions,
          models,
          devices.stream().map(d -> d.id() == id ? sent : d).toList(),
          notice,
          message,
          errors,
          importText);
    }

    public int latest() {
      return versions.get(versions.size() - 1);
    }

    public int previous() {
      return Math.max(1, latest() - 1);
    }
  }

  /**
   * A model of the catalogue with its edit form's values (as stored, or as sent when refused) and
   * the form's problems by field ({@code variant}, {@code firstIos}, {@code lastIos}).
   */
  public record DeviceRow(
      long id,
      String name,
      String variant,
      String firstIos,
      String lastIos,
      boolean retired,
      int revision,
      String summary,
      Map<String, String> errors) {
    static DeviceRow of(StoredDevice device) {
      CatalogRow row = device.row();
      return new DeviceRow(
          device.id(),
          row.name(),
          row.variant(),
          String.valueOf(row.firstIos()),
          row.lastIos() == null ? "" : String.valueOf(row.lastIos()),
          row.retired(),
          device.revision(),
          DeviceVariant.valueOf(row.variant()).label()
              + ", iOS "
              + row.firstIos()
              + (row.lastIos() == null ? " and later" : " to " + row.lastIos()),
          Map.of());
    }

    DeviceRow sent(String newVariant, String first, String last, Map<String, String> problems) {
      return new DeviceRow(
          id,
          name,
          newVariant,
          first == null ? "" : first,
          last == null ? "" : last,
          retired,
          revision,
          summary,
          Map.copyOf(problems));
    }

    public String error(String field) {
      return errors.get(field);
    }

    public boolean hasErrors() {
      return !errors.isEmpty();
    }

    /** The page-wide id stem of a field of this model's form: {@code device-7-firstIos}. */
    public String fieldId(String field) {
      return "device-" + id + "-" + field;
    }
  }

  /** A step of the draft in the overview's list. */
  public record StepRow(int number, String key, String title, String state, int problems) {}

  /** A problem of the draft, linked to the field it concerns. */
  public record ProblemLine(String field, String message, String link) {}

  /** The form of one step. */
  public record StepPage(
      PlaybookEditor.Draft draft,
      int number,
      StepDraft step,
      List<BlockRow> instructions,
      List<BlockRow> message,
      List<FixRow> fixes,
      Map<String, List<String>> problems,
      String message0,
      List<String> costs,
      List<String> variants) {
    /** The problems of one form field ({@code title}, {@code ins[0]}, {@code fix[1]}), joined. */
    public String problem(String field) {
      List<String> list = problems.get(field);
      return list == null ? null : String.join(" ", list);
    }

    public boolean hasProblems() {
      return !problems.isEmpty();
    }
  }

  /** One instruction ({@code ins}) or customer-message ({@code msg}) block as form fields. */
  public record BlockRow(
      String prefix, int index, String variant, Integer iosFrom, Integer iosUntil, String text) {
    /** The form field's name stem and the problem key: {@code ins[0]}. */
    public String field() {
      return prefix + "[" + index + "]";
    }

    /** The element id: {@code ins-0}. */
    public String id() {
      return prefix + "-" + index;
    }
  }

  /** One fix option as form fields. */
  public record FixRow(
      int index,
      String key,
      String label,
      String instructions,
      String cost,
      boolean changesData,
      boolean costsMoney) {
    public String field() {
      return "fix[" + index + "]";
    }

    public String id() {
      return "fix-" + index;
    }
  }

  /** The draft as an agent would see it for one phone. */
  public record PreviewPage(
      String model,
      String ios,
      List<DeviceModel> models,
      Playbook playbook,
      List<PreviewStep> steps,
      List<ProblemLine> problems,
      String message) {}

  /** One step of the preview, tailored to the phone. */
  public record PreviewStep(
      PlaybookStep step, List<InstructionBlock> instructions, List<InstructionBlock> message) {}

  /** Two versions and what changed between them. */
  public record DiffPage(int from, int to, List<Integer> versions, PlaybookDiff diff) {}

  private static final Pattern STEP_PATH = Pattern.compile("steps\\[(\\d+)](?:\\.(.*))?");

  private final PlaybookEditor editor;
  private final PlaybookVersions versions;
  private final DeviceCatalogs catalogs;
  private final SecurityIdentity identity;

  PlaybookEditorPages(
      PlaybookEditor editor,
      PlaybookVersions versions,
      DeviceCatalogs catalogs,
      SecurityIdentity identity) {
    this.editor = editor;
    this.versions = versions;
    this.catalogs = catalogs;
    this.identity = identity;
  }

  @GET
  public TemplateInstance overview(@RestQuery String done) {
    return Templates.editor(overviewPage(notice(done), null, Map.of(), null, null));
  }

  @POST
  @Path("steps")
  public Response addStep(
      @RestForm Integer revision,
      @RestForm String key,
      @RestForm String title,
      @RestForm Integer position) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (key == null || key.isBlank()) {
      errors.put("key", "Give the step a key, e.g. low-power-mode");
    } else if (!key.strip().matches(PlaybookStep.KEY_PATTERN)) {
      // The core refuses it too (PlaybookDraft.addStep); said here beside the field.
      errors.put("key", "Use lower-case words joined by dashes, e.g. low-power-mode");
    }
    if (title == null || title.isBlank()) {
      errors.put("title", "Give the step a title, e.g. Low Power Mode");
    }
    if (!errors.isEmpty()) {
      return overviewAgain(400, "The step was not added: see the fields marked below.", errors);
    }
    String stepKey = key.strip();
    return change(
        revision,
        "added step " + stepKey,
        draft ->
            draft.addStep(
                position == null ? draft.steps().size() + 1 : position,
                StepDraft.blank(stepKey, title.strip())),
        "/admin/playbook/steps/" + stepKey + "?done=added");
  }

  @POST
  @Path("steps/{key}/retire")
  public Response retireStep(@RestPath String key, @RestForm Integer revision) {
    return change(
        revision,
        "retired step " + key,
        draft -> draft.retireStep(key),
        "/admin/playbook?done=retired");
  }

  /**
   * Moves a step one place ({@code direction} up or down) or to a position; what the draft cannot
   * take comes back beside the position field.
   */
  @POST
  @Path("move")
  public Response moveStep(
      @RestForm String key,
      @RestForm Integer revision,
      @RestForm String direction,
      @RestForm String position) {
    Map<String, String> errors = new LinkedHashMap<>();
    UnaryOperator<PlaybookDraft> edit;
    String what;
    if ("up".equals(direction) || "down".equals(direction)) {
      edit = "up".equals(direction) ? d -> d.moveStepUp(key) : d -> d.moveStepDown(key);
      what = "moved step " + key + " " + direction;
    } else {
      Integer to = parse(position);
      if (to == null) {
        errors.put("movePosition", "Write the position the step should take as a number, e.g. 1");
        return overviewAgain(400, "The step was not moved: see the field marked below.", errors);
      }
      edit = d -> d.moveStep(key, to);
      what = "moved step " + key + " to position " + to;
    }
    try {
      editor.edit(revision == null ? -1 : revision, user(), what, edit);
      return seeOther("/admin/playbook?done=moved");
    } catch (ConflictException e) {
      return overviewAgain(409, e.getMessage(), Map.of());
    } catch (DraftEditException e) {
      errors.put("movePosition", e.getMessage());
      return overviewAgain(422, "The step was not moved: see the field marked below.", errors);
    }
  }

  @GET
  @Path("steps/{key}")
  public Response stepForm(@RestPath String key, @RestQuery String done) {
    PlaybookEditor.Draft draft = editor.draft();
    int index = index(draft.playbook(), key);
    if (index < 0) {
      return seeOther("/admin/playbook?done=gone");
    }
    StepDraft step = draft.playbook().steps().get(index);
    return Response.ok(
            Templates.step(
                stepPage(
                    draft,
                    index,
                    step,
                    Map.of(),
                    "added".equals(done) ? "Step added: fill in its texts below." : null)))
        .build();
  }

  @POST
  @Path("steps/{key}")
  public Response saveStep(@RestPath String key, MultivaluedMap<String, String> form) {
    PlaybookEditor.Draft draft = editor.draft();
    int index = index(draft.playbook(), key);
    if (index < 0) {
      return seeOther("/admin/playbook?done=gone");
    }
    StepForm read = StepForm.read(draft.playbook().steps().get(index), form);
    Integer revision = parse(form.getFirst("revision"));
    if (!read.errors().isEmpty()) {
      return stepAgain(
          400,
          draft,
          index,
          read,
          errorsAsProblems(read.errors()),
          "Nothing was saved yet: " + "see the fields marked below.");
    }
    try {
      PlaybookEditor.Draft saved =
          editor.edit(
              revision == null ? -1 : revision,
              user(),
              "edited step " + key,
              d -> d.withStep(key, read.step()));
      List<FieldProblem> problems = stepProblems(saved, key);
      String notice =
          problems.isEmpty()
              ? "Saved. The draft would publish as it is."
              : "Saved. Before publishing, fix what is marked below.";
      int at = index(saved.playbook(), key);
      return Response.ok(
              Templates.step(
                  stepPage(
                      saved, at, saved.playbook().steps().get(at), fieldsOf(problems), notice)))
          .build();
    } catch (ConflictException e) {
      return stepAgain(409, editor.draft(), index, read, Map.of(), e.getMessage());
    } catch (DraftEditException e) {
      return stepAgain(422, draft, index, read, Map.of(), e.getMessage());
    }
  }

  @POST
  @Path("publish")
  public Response publish(@RestForm Integer revision) {
    try {
      Playbook published = editor.publish(revision == null ? -1 : revision, user());
      return seeOther("/admin/playbook?done=published-" + published.version());
    } catch (PlaybookEditor.Refused e) {
      return Response.status(422)
          .entity(
              Templates.editor(
                  overviewPage(
                      null,
                      "Not published: the draft has "
                          + e.problems().size()
                          + (e.problems().size() == 1 ? " problem" : " problems")
                          + ", each listed below with a link to its field.",
                      Map.of(),
                      null,
                      e.problems())))
          .build();
    } catch (ConflictException e) {
      return overviewAgain(409, e.getMessage(), Map.of());
    }
  }

  @POST
  @Path("discard")
  public Response discard(@RestForm Integer revision) {
    try {
      editor.discard(revision == null ? -1 : revision, user());
      return seeOther("/admin/playbook?done=discarded");
    } catch (ConflictException e) {
      return overviewAgain(409, e.getMessage(), Map.of());
    }
  }

  @POST
  @Path("import")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response importFile(@RestForm String file, @RestForm String format) {
    return importText(file, PlaybookFiles.Format.of(format), null);
  }

  /**
   * The same import with an uploaded file: its name's ending (.json, .yaml, .yml) says the format.
   * Without a file the pasted text is imported, so one form serves both. The body limit is the
   * application's ({@code quarkus.http.limits.max-body-size}); a larger upload is a 413.
   */
  @POST
  @Path("import")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response importUpload(
      @RestForm("upload") FileUpload upload, @RestForm String file, @RestForm String format) {
    boolean none =
        upload == null
            || ((upload.fileName() == null || upload.fileName().isBlank()) && upload.size() == 0);
    if (none) {
      return importText(file, PlaybookFiles.Format.of(format), null);
    }
    String name = upload.fileName() == null ? "" : upload.fileName().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".json") && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
      return importRefused(
          List.of(
              new FieldProblem(
                  "upload",
                  "Choose a .json, .yaml or .yml file as exported from this page, or paste its"
                      + " content instead")),
          file);
    }
    String text;
    try {
      // A strict decoder: a binary file picked by mistake is named, not turned into replacement
      // characters that would then fail as puzzling JSON.
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(upload.uploadedFile())))
              .toString();
    } catch (IOException e) {
      return importRefused(
          List.of(
              new FieldProblem(
                  "upload",
                  "The file is not UTF-8 text: export the version again and upload that file")),
          file);
    }
    return importText(text, PlaybookFiles.Format.of(name), upload.fileName());
  }

  private Response importText(String file, PlaybookFiles.Format chosen, String uploaded) {
    Validated<PlaybookDraft> read = PlaybookFiles.read(file, chosen);
    List<FieldProblem> problems = read.problems();
    if (read.isValid()) {
      try {
        Playbook imported = editor.importVersion(read.value().orElseThrow(), user());
        return seeOther("/admin/playbook?done=imported-" + imported.version());
      } catch (PlaybookEditor.Refused e) {
        problems = e.problems();
      } catch (ConflictException e) {
        return overviewAgain(409, e.getMessage(), Map.of());
      }
    }
    // An uploaded file's content is not put into the text box: the admin fixes the file.
    return importRefused(problems, uploaded == null ? file : null);
  }

  private Response importRefused(List<FieldProblem> problems, String pasted) {
    Map<String, String> errors = new LinkedHashMap<>();
    problems.stream()
        .filter(p -> p.field().equals("upload"))
        .findFirst()
        .ifPresent(p -> errors.put("upload", p.message()));
    return Response.status(422)
        .entity(
            Templates.editor(
                overviewPage(
                    null,
                    "Nothing was imported: the file has "
                        + problems.size()
                        + (problems.size() == 1 ? " problem" : " problems")
                        + ", listed below.",
                    errors,
                    pasted,
                    problems,
                    false)))
        .build();
  }

  @POST
  @Path("devices")
  public Response addDevice(
      @RestForm String name,
      @RestForm String variant,
      @RestForm String firstIos,
      @RestForm String lastIos) {
    Map<String, String> errors = new LinkedHashMap<>();
    Integer first = number(firstIos, "firstIos", errors);
    Integer last = number(lastIos, "lastIos", errors);
    if (errors.isEmpty()) {
      try {
        editor.addDeviceModel(new CatalogRow(name, variant, first, last), user());
        return seeOther("/admin/playbook?done=device");
      } catch (PlaybookEditor.Refused e) {
        e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
      }
    }
    return overviewAgain(400, "The model was not added: see the fields marked below.", errors);
  }

  /** Changes a model's family and iOS range; problems come back beside that model's fields. */
  @POST
  @Path("devices/{id}")
  public Response changeDevice(
      @RestPath long id,
      @RestForm Integer revision,
      @RestForm String variant,
      @RestForm String firstIos,
      @RestForm String lastIos) {
    Map<String, String> errors = new LinkedHashMap<>();
    Integer first = number(firstIos, "firstIos", errors);
    Integer last = number(lastIos, "lastIos", errors);
    try {
      if (errors.isEmpty()) {
        editor.changeDeviceModel(
            id, revision == null ? -1 : revision, variant, first, last, user());
        return seeOther("/admin/playbook?done=device-changed");
      }
    } catch (PlaybookEditor.Refused e) {
      e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
    } catch (ConflictException e) {
      return overviewAgain(409, e.getMessage(), Map.of());
    } catch (NotFoundException e) {
      return overviewAgain(404, "That model is not in the catalogue.", Map.of());
    }
    EditorPage page =
        overviewPage(
            null, "The model was not changed: see its fields marked below.", Map.of(), null, null);
    DeviceRow row = page.devices().stream().filter(d -> d.id() == id).findFirst().orElse(null);
    if (row == null) {
      return overviewAgain(404, "That model is not in the catalogue.", Map.of());
    }
    return Response.status(422)
        .entity(
            Templates.editor(page.withDeviceForm(id, row.sent(variant, firstIos, lastIos, errors))))
        .build();
  }

  @POST
  @Path("devices/{id}/retire")
  public Response retireDevice(@RestPath long id, @RestForm Integer revision) {
    return retire(id, revision, true);
  }

  @POST
  @Path("devices/{id}/restore")
  public Response restoreDevice(@RestPath long id, @RestForm Integer revision) {
    return retire(id, revision, false);
  }

  private Response retire(long id, Integer revision, boolean retired) {
    try {
      editor.retireDeviceModel(id, revision == null ? -1 : revision, retired, user());
      return seeOther("/admin/playbook?done=device-" + (retired ? "retired" : "restored"));
    } catch (ConflictException e) {
      return overviewAgain(409, e.getMessage(), Map.of());
    } catch (NotFoundException e) {
      return overviewAgain(404, "That model is not in the catalogue.", Map.of());
    }
  }

  @GET
  @Path("preview")
  public TemplateInstance preview(@RestQuery String model, @RestQuery String ios) {
    DeviceCatalog catalog = catalogs.current();
    Validated<Playbook> next = editor.preview();
    if (!next.isValid()) {
      return Templates.preview(
          new PreviewPage(
              model,
              ios,
              catalog.models(),
              null,
              List.of(),
              lines(editor.draft().playbook(), next.problems()),
              "The draft has problems, so there is nothing to preview yet."));
    }
    Playbook playbook = next.value().orElseThrow();
    Device device = new Device(model, ios);
    List<PreviewStep> steps =
        playbook.steps().stream()
            .map(
                s ->
                    new PreviewStep(
                        s,
                        s.instructionsFor(device, catalog),
                        s.customerMessageFor(device, catalog)))
            .toList();
    return Templates.preview(
        new PreviewPage(model, ios, catalog.models(), playbook, steps, List.of(), null));
  }

  @GET
  @Path("diff")
  public Response diff(@RestQuery Integer from, @RestQuery Integer to) {
    Playbooks all = versions.all();
    int latest = all.current().version();
    int b = to == null ? latest : to;
    int a = from == null ? Math.max(1, b - 1) : from;
    if (all.version(a).isEmpty() || all.version(b).isEmpty()) {
      return Response.status(404)
          .entity(Templates.diff(new DiffPage(a, b, numbers(all), null)))
          .build();
    }
    return Response.ok(
            Templates.diff(
                new DiffPage(
                    a,
                    b,
                    numbers(all),
                    PlaybookDiff.between(
                        all.version(a).orElseThrow(), all.version(b).orElseThrow()))))
        .build();
  }

  private Response change(
      Integer revision, String what, UnaryOperator<PlaybookDraft> edit, String then) {
    try {
      editor.edit(revision == null ? -1 : revision, user(), what, edit);
      return seeOther(then);
    } catch (ConflictException e) {
      return overviewAgain(409, e.getMessage(), Map.of());
    } catch (DraftEditException e) {
      return overviewAgain(422, e.getMessage(), Map.of());
    }
  }

  private Response overviewAgain(int status, String message, Map<String, String> errors) {
    return Response.status(status)
        .entity(Templates.editor(overviewPage(null, message, errors, null, null)))
        .build();
  }

  private Response stepAgain(
      int status,
      PlaybookEditor.Draft draft,
      int index,
      StepForm read,
      Map<String, List<String>> problems,
      String message) {
    return Response.status(status)
        .entity(Templates.step(stepPage(draft, index, read.step(), problems, message)))
        .build();
  }

  private EditorPage overviewPage(
      String notice,
      String message,
      Map<String, String> errors,
      String importText,
      List<FieldProblem> shown) {
    return overviewPage(notice, message, errors, importText, shown, true);
  }

  private EditorPage overviewPage(
      String notice,
      String message,
      Map<String, String> errors,
      String importText,
      List<FieldProblem> shown,
      boolean ofDraft) {
    PlaybookEditor.Draft draft = editor.draft();
    Playbooks all = versions.all();
    List<FieldProblem> problems = shown != null ? shown : editor.problems();
    Playbook base = all.version(draft.basedOn()).orElse(all.current());
    List<StepRow> steps = new ArrayList<>();
    List<StepDraft> list = draft.playbook().steps();
    for (int i = 0; i < list.size(); i++) {
      StepDraft step = list.get(i);
      if (step == null) {
        continue;
      }
      String prefix = "steps[" + i + "]";
      int count =
          ofDraft
              ? (int)
                  problems.stream()
                      .filter(p -> p.field().equals(prefix) || p.field().startsWith(prefix + "."))
                      .count()
              : 0;
      String state =
          base.step(step.key())
              .map(
                  published ->
                      StepDraft.from(published).withVersion(step.version()).equals(step)
                          ? "as in v" + base.version()
                          : "changed")
              .orElse("new");
      steps.add(new StepRow(i + 1, step.key(), step.title(), state, count));
    }
    return new EditorPage(
        draft,
        steps,
        ofDraft ? lines(draft.playbook(), problems) : plain(problems),
        numbers(all),
        catalogs.current().models(),
        editor.devices().stream().map(DeviceRow::of).toList(),
        notice,
        message,
        errors,
        importText);
  }

  private StepPage stepPage(
      PlaybookEditor.Draft draft,
      int index,
      StepDraft step,
      Map<String, List<String>> problems,
      String message) {
    return new StepPage(
        draft,
        index + 1,
        step,
        blockRows("ins", step.instructions()),
        blockRows("msg", step.customerMessage()),
        fixRows(step.fixOptions()),
        problems,
        message,
        java.util.Arrays.stream(Cost.values()).map(Enum::name).toList(),
        java.util.Arrays.stream(DeviceVariant.values()).map(Enum::name).toList());
  }

  private List<FieldProblem> stepProblems(PlaybookEditor.Draft draft, String key) {
    int index = index(draft.playbook(), key);
    String prefix = "steps[" + index + "]";
    return editor.problems().stream()
        .filter(p -> p.field().equals(prefix) || p.field().startsWith(prefix + "."))
        .toList();
  }

  /** Publishing problems of one step by the form field they concern. */
  private static Map<String, List<String>> fieldsOf(List<FieldProblem> problems) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (FieldProblem problem : problems) {
      byField
          .computeIfAbsent(formField(problem.field()), f -> new ArrayList<>())
          .add(problem.message());
    }
    return byField;
  }

  private static Map<String, List<String>> errorsAsProblems(Map<String, String> errors) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    errors.forEach(
        (field, message) ->
            // A block's or fix row's own fields (ins[0].lines, fix[1].label) show at its row.
            byField.put(
                field.replaceAll("^((?:ins|msg|fix)\\[\\d+])\\..*$", "$1"), List.of(message)));
    return byField;
  }

  /**
   * The step form's field for a problem's path: {@code steps[7].instructions[0].lines[1]} is the
   * text area of block {@code ins[0]}, {@code steps[7].fixOptions[1].label} the row {@code fix[1]}.
   */
  static String formField(String path) {
    Matcher m = STEP_PATH.matcher(path);
    if (!m.matches() || m.group(2) == null) {
      return "step";
    }
    String rest = m.group(2);
    Matcher list =
        Pattern.compile("(instructions|customerMessage|fixOptions)(\\[(\\d+)])?.*").matcher(rest);
    if (list.matches()) {
      String prefix =
          switch (list.group(1)) {
            case "instructions" -> "ins";
            case "customerMessage" -> "msg";
            default -> "fix";
          };
      return list.group(3) == null ? prefix : prefix + "[" + list.group(3) + "]";
    }
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /** Problems with links to the step form's field. */
  private static List<ProblemLine> lines(PlaybookDraft draft, List<FieldProblem> problems) {
    List<ProblemLine> lines = new ArrayList<>();
    for (FieldProblem problem : problems) {
      Matcher m = STEP_PATH.matcher(problem.field());
      String link = null;
      if (m.matches()) {
        int index = Integer.parseInt(m.group(1));
        if (index < draft.steps().size()
            && draft.steps().get(index) != null
            && draft.steps().get(index).key() != null) {
          link =
              "/admin/playbook/steps/"
                  + UriBuilder.fromPath("{k}").build(draft.steps().get(index).key()).toString()
                  + "#field-"
                  + formField(problem.field()).replace("[", "-").replace("]", "");
        }
      }
      lines.add(new ProblemLine(problem.field(), problem.message(), link));
    }
    return lines;
  }

  private static List<ProblemLine> plain(List<FieldProblem> problems) {
    return problems.stream().map(p -> new ProblemLine(p.field(), p.message(), null)).toList();
  }

  private static List<BlockRow> blockRows(String prefix, List<InstructionDraft> blocks) {
    List<BlockRow> rows = new ArrayList<>();
    for (int i = 0; i < StepForm.rows(blocks); i++) {
      InstructionDraft block = i < blocks.size() ? blocks.get(i) : null;
      rows.add(
          block == null
              ? new BlockRow(prefix, i, null, null, null, "")
              : new BlockRow(
                  prefix,
                  i,
                  block.variant(),
                  block.iosFrom(),
                  block.iosUntil(),
                  String.join("\n", block.lines().stream().filter(Objects::nonNull).toList())));
    }
    return rows;
  }

  private static List<FixRow> fixRows(List<FixOptionDraft> fixes) {
    List<FixRow> rows = new ArrayList<>();
    for (int i = 0; i < StepForm.rows(fixes); i++) {
      FixOptionDraft fix = i < fixes.size() ? fixes.get(i) : null;
      rows.add(
          fix == null
              ? new FixRow(i, null, null, null, "LOW", false, false)
              : new FixRow(
                  i,
                  fix.key(),
                  fix.label(),
                  fix.instructions(),
                  fix.cost(),
                  Boolean.TRUE.equals(fix.changesData()),
                  Boolean.TRUE.equals(fix.costsMoney())));
    }
    return rows;
  }

  private static int index(PlaybookDraft draft, String key) {
    for (int i = 0; i < draft.steps().size(); i++) {
      StepDraft step = draft.steps().get(i);
      if (step != null && Objects.equals(step.key(), key)) {
        return i;
      }
    }
    return -1;
  }

  private static List<Integer> numbers(Playbooks all) {
    return all.all().stream().map(Playbook::version).toList();
  }

  private static Integer number(String text, String field, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      errors.put(field, "Write an iOS major version as a whole number, e.g. 18");
      return null;
    }
  }

  private static Integer parse(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String notice(String done) {
    if (done == null) {
      return null;
    }
    if (done.startsWith("published-")) {
      return "Published as v"
          + done.substring(10)
          + ": new diagnoses use it from now on;"
          + " running ones continue on their version.";
    }
    if (done.startsWith("imported-")) {
      return "Imported as v" + done.substring(9) + ": the draft now continues from it.";
    }
    return switch (done) {
      case "moved" -> "Step moved in the draft: its number follows the new order when published.";
      case "retired" -> "Step retired in the draft. Diagnoses on it keep it until they end.";
      case "discarded" -> "Draft discarded: it is the latest version again.";
      case "device" -> "Model added: agents can pick it now.";
      case "device-changed" -> "Model changed: tickets of it follow the change now.";
      case "device-retired" ->
          "Model retired: new tickets cannot name it; tickets that name it keep it.";
      case "device-restored" -> "Model restored: agents can pick it again.";
      case "gone" -> "That step is no longer in the draft: someone may have retired or renamed it.";
      default -> null;
    };
  }

  private static Response seeOther(String location) {
    return Response.seeOther(UriBuilder.fromUri(location).build()).build();
  }

  private String user() {
    return identity.getPrincipal().getName();
  }
}
