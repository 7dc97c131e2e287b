package io.backupdesk.web.playbook.ui;

import io.backupdesk.diagnostics.playbook.draft.FixOptionDraft;
import io.backupdesk.diagnostics.playbook.draft.InstructionDraft;
import io.backupdesk.diagnostics.playbook.draft.StepDraft;
import io.backupdesk.web.common.Text;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step editor's form: a step's texts, its instruction and customer-message blocks (variant, iOS
 * range, one line per line of the text area) and its fix options, each list with one empty row more
 * to add one. A row left empty is dropped; what the rows say is the core's to judge on publishing.
 * Only what a form cannot express as a draft (a number that is not one) is refused here.
 */
record StepForm(StepDraft step, Map<String, String> errors) {

  /** How many rows the form has for a list: those there, and one empty row to add one. */
  static int rows(List<?> list) {
    return list.size() + 1;
  }

  static StepForm read(StepDraft current, MultivaluedMap<String, String> form) {
    Map<String, String> errors = new LinkedHashMap<>();
    // This form is read as a map (its rows vary), so the strict reading every other form field
    // gets does not see it: text the database cannot store is refused here, beside its field.
    form.forEach(
        (name, values) ->
            values.forEach(
                v -> Text.unstorable(v).ifPresent(why -> errors.putIfAbsent(name, "This " + why))));
    List<InstructionDraft> instructions = blocks(form, "ins", errors);
    List<InstructionDraft> message = blocks(form, "msg", errors);
    List<FixOptionDraft> fixes = new ArrayList<>();
    for (int i = 0; form.containsKey("fix[" + i + "].key"); i++) {
      String at = "fix[" + i + "].";
      String key = value(form, at + "key");
      String label = value(form, at + "label");
      String text = value(form, at + "instructions");
      if (key == null && label == null && text == null) {
        continue;
      }
      fixes.add(
          new FixOptionDraft(
              key,
              label,
              text,
              form.containsKey(at + "changesData"),
              form.containsKey(at + "costsMoney"),
              value(form, at + "cost")));
    }
    StepDraft step =
        new StepDraft(
            current.key(),
            current.version(),
            value(form, "title"),
            value(form, "whyItMatters"),
            value(form, "check"),
            instructions,
            fixes,
            value(form, "cost"),
            value(form, "riskNote"),
            form.containsKey("detectsOutage"),
            form.containsKey("intrusive"),
            message);
    return new StepForm(step, errors);
  }

  private static List<InstructionDraft> blocks(
      MultivaluedMap<String, String> form, String prefix, Map<String, String> errors) {
    List<InstructionDraft> blocks = new ArrayList<>();
    for (int i = 0; form.containsKey(prefix + "[" + i + "].lines"); i++) {
      String at = prefix + "[" + i + "].";
      String text = value(form, at + "lines");
      if (text == null) {
        continue;
      }
      List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      blocks.add(
          new InstructionDraft(
              value(form, at + "variant"),
              number(form, at + "iosFrom", errors),
              number(form, at + "iosUntil", errors),
              lines));
    }
    return blocks;
  }

  private static Integer number(
      MultivaluedMap<String, String> form, String field, Map<String, String> errors) {
    String text = value(form, field);
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      errors.put(field, "Write an iOS major version as a whole number, e.g. 15, or leave it empty");
      return null;
    }
  }

  private static String value(MultivaluedMap<String, String> form, String field) {
    String value = form.getFirst(field);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
