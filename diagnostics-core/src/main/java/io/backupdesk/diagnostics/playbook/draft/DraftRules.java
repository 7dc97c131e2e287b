package io.backupdesk.diagnostics.playbook.draft;

import io.backupdesk.diagnostics.playbook.Cost;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.DeviceModel;
import io.backupdesk.diagnostics.playbook.DeviceVariant;
import io.backupdesk.diagnostics.playbook.FieldProblem;
import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.InstructionCase;
import io.backupdesk.diagnostics.playbook.IosRange;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepInstructions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules a playbook draft must keep to be published (see the package documentation). */
final class DraftRules {
  static final int MAX_STEPS = 40;
  static final int MAX_FIX_OPTIONS = 12;
  static final int MAX_INSTRUCTION_BLOCKS = 20;
  static final int MAX_LINES = 30;
  // Stored results name steps and fixes in 40-character columns.
  static final int MAX_KEY = 40;
  static final int MAX_TITLE = 120;
  static final int MAX_PARAGRAPH = 2000;
  static final int MAX_LINE = 500;
  static final int HIGHEST_MAJOR = 99;

  private static final Pattern KEY = Pattern.compile(PlaybookStep.KEY_PATTERN);

  private DraftRules() {}

  /** The problems, and when there are none the content as a playbook numbered v1, steps v1. */
  record Checked(List<FieldProblem> problems, Playbook playbook) {}

  static Checked check(PlaybookDraft draft, DeviceCatalog catalog) {
    var rules = new DraftRules.Run(catalog);
    rules.playbook(draft);
    if (!rules.problems.isEmpty()) {
      return new Checked(List.copyOf(rules.problems), null);
    }
    try {
      return new Checked(List.of(), rules.build(draft));
    } catch (IllegalArgumentException e) {
      // The checks above mirror every rule of the playbook's own constructors; this only guards
      // against a rule added there and forgotten here.
      return new Checked(List.of(new FieldProblem("", e.getMessage())), null);
    }
  }

  private static final class Run {
    private final DeviceCatalog catalog;
    private final List<FieldProblem> problems = new ArrayList<>();

    Run(DeviceCatalog catalog) {
      this.catalog = catalog;
    }

    void playbook(PlaybookDraft draft) {
      title(
          "name", draft.name(), "The playbook needs a name", "The playbook", "its name", MAX_TITLE);
      if (draft.steps().isEmpty()) {
        add("steps", "A playbook needs at least one step");
      } else if (draft.steps().size() > MAX_STEPS) {
        add("steps", "A playbook has at most " + MAX_STEPS + " steps");
      }
      Map<String, Integer> keys = new HashMap<>();
      for (int i = 0; i < draft.steps().size(); i++) {
        StepDraft step = draft.steps().get(i);
        String at = "steps[" + i + "]";
        if (step == null) {
          add(at, "Step " + (i + 1) + " is empty: remove it");
          continue;
        }
        String name = "Step " + (i + 1) + (isKey(step.key()) ? " (" + step.key() + ")" : "");
        if (isKey(step.key())) {
          Integer first = keys.putIfAbsent(step.key(), i);
          if (first != null) {
            add(
                at + ".key",
                name + " uses the same key as step " + (first + 1) + ": every step needs its own");
          }
        }
        step(step, at, name);
      }
    }

    private void step(StepDraft step, String at, String name) {
      key(at + ".key", step.key(), name + " needs a key", name);
      title(at + ".title", step.title(), name + " needs a title", name, "the title", MAX_TITLE);
      paragraph(
          at + ".whyItMatters",
          step.whyItMatters(),
          name + " needs to say why it matters",
          name,
          "why it matters");
      paragraph(
          at + ".check",
          step.check(),
          name + " needs to say how the agent checks it",
          name,
          "the check");
      paragraph(
          at + ".riskNote",
          step.riskNote(),
          name + " needs a note on its risk for the customer",
          name,
          "the risk note");
      cost(at + ".cost", step.cost(), name);
      flag(
          at + ".detectsOutage",
          step.detectsOutage(),
          name + ": say whether it detects an Apple outage");
      flag(
          at + ".intrusive",
          step.intrusive(),
          name + ": say whether its check changes the phone or account");
      instructions(step.instructions(), at + ".instructions", name, "instruction");
      if (!step.customerMessage().isEmpty()) {
        instructions(step.customerMessage(), at + ".customerMessage", name, "customer message");
      }
      fixOptions(step, at, name);
      if (step.fixOptions().isEmpty() && !Boolean.TRUE.equals(step.detectsOutage())) {
        add(
            at + ".fixOptions",
            name
                + " leaves the agent nothing to do when it finds a problem: add a fix option, or"
                + " mark it as the step that detects Apple outages");
      }
    }

    /**
     * Blocks by button layout and iOS range: the agent's instructions (required) or the customer
     * message (optional, but when given it must reach every phone too, or some customers would get
     * nothing to read).
     */
    private void instructions(List<InstructionDraft> drafts, String at, String name, String kind) {
      if (drafts.isEmpty()) {
        add(at, name + " needs instructions for the agent");
        return;
      }
      if (drafts.size() > MAX_INSTRUCTION_BLOCKS) {
        add(at, name + " has more than " + MAX_INSTRUCTION_BLOCKS + " " + kind + " blocks");
        return;
      }
      List<InstructionCase> cases = new ArrayList<>();
      List<Integer> indexes = new ArrayList<>();
      boolean allValid = true;
      for (int j = 0; j < drafts.size(); j++) {
        InstructionCase c = instruction(drafts.get(j), at + "[" + j + "]", name, kind, j);
        if (c == null) {
          allValid = false;
        } else {
          cases.add(c);
          indexes.add(j);
        }
      }
      boolean overlapping = false;
      for (int a = 0; a < cases.size(); a++) {
        for (int b = a + 1; b < cases.size(); b++) {
          if (cases.get(a).overlaps(cases.get(b))) {
            overlapping = true;
            add(
                at + "[" + indexes.get(b) + "]",
                name
                    + ": "
                    + kind
                    + " blocks "
                    + (indexes.get(a) + 1)
                    + " and "
                    + (indexes.get(b) + 1)
                    + " both apply to "
                    + common(cases.get(a), cases.get(b))
                    + ": narrow the variant or the iOS range of one of them");
          }
        }
      }
      if (allValid && !overlapping && catalog != null) {
        coverage(cases, at, name, kind);
      }
    }

    /** Every phone the catalogue lists, on every iOS it runs, finds a block. */
    private void coverage(List<InstructionCase> cases, String at, String name, String kind) {
      int newest = catalog.newestIos();
      for (DeviceVariant variant : catalog.variants()) {
        int oldest =
            catalog.models().stream()
                .filter(model -> model.variant() == variant)
                .mapToInt(DeviceModel::firstIos)
                .min()
                .orElseThrow();
        Integer gapFrom = null;
        for (int major = oldest; major <= newest; major++) {
          int m = major;
          boolean covered =
              cases.stream()
                  .anyMatch(
                      c -> (c.variant() == null || c.variant() == variant) && c.ios().contains(m));
          if (!covered && gapFrom == null) {
            gapFrom = major;
          } else if (covered && gapFrom != null) {
            gap(at, name, kind, variant, IosRange.between(gapFrom, major - 1));
            gapFrom = null;
          }
        }
        if (gapFrom != null) {
          gap(at, name, kind, variant, IosRange.between(gapFrom, newest));
        }
      }
    }

    private void gap(String at, String name, String kind, DeviceVariant variant, IosRange range) {
      add(
          at,
          name
              + " has no "
              + (kind.equals("instruction") ? "instructions" : kind)
              + " for "
              + phones(variant, range)
              + ": add a block, or widen the iOS range of one");
    }

    private InstructionCase instruction(
        InstructionDraft draft, String at, String name, String kind, int j) {
      String block = name + ", " + kind + " block " + (j + 1);
      if (draft == null) {
        add(at, block + " is empty: remove it");
        return null;
      }
      int before = problems.size();
      DeviceVariant variant = null;
      if (draft.variant() != null && !draft.variant().isBlank()) {
        try {
          variant = DeviceVariant.valueOf(draft.variant().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          add(
              at + ".variant",
              block + ": the variant is FACE_ID, HOME_BUTTON, or empty for every phone");
        }
      }
      Integer from = draft.iosFrom();
      Integer until = draft.iosUntil();
      if (from != null && (from < 1 || from > HIGHEST_MAJOR)) {
        add(
            at + ".iosFrom",
            block + ": the first iOS version is 1 to " + HIGHEST_MAJOR + ", or empty");
      }
      if (until != null && (until < 1 || until > HIGHEST_MAJOR)) {
        add(
            at + ".iosUntil",
            block + ": the last iOS version is 1 to " + HIGHEST_MAJOR + ", or empty");
      } else if (from != null && until != null && from >= 1 && until < from) {
        add(
            at + ".iosUntil",
            block + ": the iOS range ends (" + until + ") before it starts (" + from + ")");
      }
      List<String> lines = draft.lines();
      if (lines.isEmpty()) {
        add(at + ".lines", block + " needs at least one line");
      } else if (lines.size() > MAX_LINES) {
        add(at + ".lines", block + " has more than " + MAX_LINES + " lines");
      } else {
        for (int k = 0; k < lines.size(); k++) {
          title(
              at + ".lines[" + k + "]",
              lines.get(k),
              block + ", line " + (k + 1) + " is empty: remove it",
              block,
              "line " + (k + 1),
              MAX_LINE);
        }
      }
      if (problems.size() > before) {
        return null;
      }
      return new InstructionCase(
          variant, new IosRange(from, until), lines.stream().map(String::strip).toList());
    }

    private void fixOptions(StepDraft step, String at, String name) {
      List<FixOptionDraft> options = step.fixOptions();
      if (options.size() > MAX_FIX_OPTIONS) {
        add(at + ".fixOptions", name + " offers more than " + MAX_FIX_OPTIONS + " fix options");
        return;
      }
      Map<String, Integer> keys = new HashMap<>();
      for (int j = 0; j < options.size(); j++) {
        FixOptionDraft option = options.get(j);
        String path = at + ".fixOptions[" + j + "]";
        String fix = name + ", fix option " + (j + 1);
        if (option == null) {
          add(path, fix + " is empty: remove it");
          continue;
        }
        key(path + ".key", option.key(), fix + " needs a key", fix);
        if (isKey(option.key())) {
          Integer first = keys.putIfAbsent(option.key(), j);
          if (first != null) {
            add(path + ".key", fix + " uses the same key as fix option " + (first + 1));
          }
        }
        title(path + ".label", option.label(), fix + " needs a label", fix, "the label", MAX_TITLE);
        paragraph(
            path + ".instructions",
            option.instructions(),
            fix + " needs instructions",
            fix,
            "the instructions");
        flag(
            path + ".changesData",
            option.changesData(),
            fix
                + ": say whether it deletes or resets something of the customer's (then it needs their consent)");
        flag(
            path + ".costsMoney",
            option.costsMoney(),
            fix
                + ": say whether it adds a charge to the customer's bill (then it needs their consent)");
        cost(path + ".cost", option.cost(), fix);
      }
    }

    Playbook build(PlaybookDraft draft) {
      List<PlaybookStep> steps = new ArrayList<>();
      for (int i = 0; i < draft.steps().size(); i++) {
        StepDraft s = draft.steps().get(i);
        List<InstructionCase> cases = cases(s.instructions());
        List<FixOption> options =
            s.fixOptions().stream()
                .map(
                    f ->
                        new FixOption(
                            f.key(),
                            f.label().strip(),
                            f.instructions().strip(),
                            f.changesData(),
                            f.costsMoney(),
                            parseCost(f.cost())))
                .toList();
        steps.add(
            new PlaybookStep(
                s.key(),
                i + 1,
                1,
                s.title().strip(),
                s.whyItMatters().strip(),
                s.check().strip(),
                StepInstructions.of(cases),
                options,
                parseCost(s.cost()),
                s.riskNote().strip(),
                s.detectsOutage(),
                s.intrusive(),
                cases(s.customerMessage())));
      }
      return new Playbook(1, draft.name().strip(), steps);
    }

    private static List<InstructionCase> cases(List<InstructionDraft> drafts) {
      List<InstructionCase> cases = new ArrayList<>();
      for (InstructionDraft d : drafts) {
        cases.add(
            new InstructionCase(
                d.variant() == null || d.variant().isBlank()
                    ? null
                    : DeviceVariant.valueOf(d.variant().strip().toUpperCase(Locale.ROOT)),
                new IosRange(d.iosFrom(), d.iosUntil()),
                d.lines().stream().map(String::strip).toList()));
      }
      return cases;
    }

    private void key(String at, String key, String missing, String owner) {
      if (key == null || key.isBlank()) {
        add(at, missing);
      } else if (key.length() > MAX_KEY || !KEY.matcher(key).matches()) {
        add(
            at,
            owner
                + ": '"
                + shorten(key)
                + "' is not a key: use lower-case words joined by dashes, e.g. low-power-mode, at"
                + " most "
                + MAX_KEY
                + " characters");
      }
    }

    /** A single line: a title, a label, an instruction line. */
    private void title(
        String at, String text, String missing, String owner, String field, int max) {
      if (text == null || text.isBlank()) {
        add(at, missing);
      } else if (text.strip().length() > max) {
        add(at, owner + ": keep " + field + " to " + max + " characters or fewer");
      } else if (hasControlCharacter(text)) {
        add(
            at,
            owner + ": write " + field + " on one line, without tabs or other control characters");
      }
    }

    /** A paragraph: one block of text, shown as it is written. */
    private void paragraph(String at, String text, String missing, String owner, String field) {
      if (text == null || text.isBlank()) {
        add(at, missing);
      } else if (text.strip().length() > MAX_PARAGRAPH) {
        add(at, owner + ": keep " + field + " to " + MAX_PARAGRAPH + " characters or fewer");
      } else if (hasControlCharacter(text)) {
        add(
            at,
            owner
                + ": write "
                + field
                + " as one paragraph, without line breaks, tabs or other control characters");
      }
    }

    private void cost(String at, String cost, String name) {
      if (parseCost(cost) == null) {
        add(at, name + ": the cost is LOW, MEDIUM or HIGH");
      }
    }

    private void flag(String at, Boolean flag, String missing) {
      if (flag == null) {
        add(at, missing + " (true or false)");
      }
    }

    private void add(String at, String message) {
      problems.add(new FieldProblem(at, message));
    }
  }

  static Cost parseCost(String name) {
    if (name == null) {
      return null;
    }
    try {
      return Cost.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static boolean isKey(String key) {
    return key != null && key.length() <= MAX_KEY && KEY.matcher(key).matches();
  }

  private static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /** The phones both cases apply to, in words. */
  private static String common(InstructionCase a, InstructionCase b) {
    DeviceVariant variant = a.variant() != null ? a.variant() : b.variant();
    Integer from = max(a.ios().from(), b.ios().from());
    Integer until = min(a.ios().until(), b.ios().until());
    return phones(variant, new IosRange(from, until));
  }

  private static String phones(DeviceVariant variant, IosRange ios) {
    String who = variant == null ? "every phone" : variant.label();
    return ios.isAny() ? who : who + " on " + ios.label();
  }

  private static Integer max(Integer a, Integer b) {
    return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
  }

  private static Integer min(Integer a, Integer b) {
    return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
  }
}
