package io.backupdesk.diagnostics.playbook.draft;

import io.backupdesk.diagnostics.playbook.IosRange;
import io.backupdesk.diagnostics.playbook.Playbook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between two versions of the playbook (or a version and a draft), for the version
 * comparison page: the playbook's own fields, then every step by key, in the newer order followed
 * by the removed ones.
 */
public record PlaybookDiff(
    Integer versionBefore,
    Integer versionAfter,
    List<FieldChange> playbookChanges,
    List<StepChange> steps) {

  public PlaybookDiff {
    playbookChanges = List.copyOf(playbookChanges);
    steps = List.copyOf(steps);
  }

  public static PlaybookDiff between(Playbook before, Playbook after) {
    return between(PlaybookDraft.from(before), PlaybookDraft.from(after));
  }

  /** Works on drafts as they are, valid or not; null entries in their lists are skipped. */
  public static PlaybookDiff between(PlaybookDraft before, PlaybookDraft after) {
    List<FieldChange> own = new ArrayList<>();
    compare(own, "name", before.name(), after.name());
    Map<String, Integer> oldIndex = index(before.steps());
    Map<String, Integer> newIndex = index(after.steps());
    List<StepChange> steps = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : newIndex.entrySet()) {
      String key = entry.getKey();
      StepDraft now = after.steps().get(entry.getValue());
      Integer was = oldIndex.get(key);
      if (was == null) {
        steps.add(
            new StepChange(
                key,
                StepChange.Kind.ADDED,
                null,
                entry.getValue() + 1,
                null,
                now.version(),
                fields(null, now)));
        continue;
      }
      StepDraft then = before.steps().get(was);
      List<FieldChange> changes = fields(then, now);
      StepChange.Kind kind =
          !changes.isEmpty()
              ? StepChange.Kind.CHANGED
              : was.equals(entry.getValue()) ? StepChange.Kind.UNCHANGED : StepChange.Kind.MOVED;
      steps.add(
          new StepChange(
              key, kind, was + 1, entry.getValue() + 1, then.version(), now.version(), changes));
    }
    for (Map.Entry<String, Integer> entry : oldIndex.entrySet()) {
      if (!newIndex.containsKey(entry.getKey())) {
        StepDraft then = before.steps().get(entry.getValue());
        steps.add(
            new StepChange(
                entry.getKey(),
                StepChange.Kind.REMOVED,
                entry.getValue() + 1,
                null,
                then.version(),
                null,
                fields(then, null)));
      }
    }
    return new PlaybookDiff(before.version(), after.version(), own, steps);
  }

  /** Nothing but positions differ: the same content in the same order. */
  public boolean isEmpty() {
    return playbookChanges.isEmpty()
        && steps.stream().allMatch(step -> step.kind() == StepChange.Kind.UNCHANGED);
  }

  /** Only the steps that were added, removed, changed or moved. */
  public List<StepChange> changedSteps() {
    return steps.stream().filter(step -> step.kind() != StepChange.Kind.UNCHANGED).toList();
  }

  private static Map<String, Integer> index(List<StepDraft> steps) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) != null && steps.get(i).key() != null) {
        index.putIfAbsent(steps.get(i).key(), i);
      }
    }
    return index;
  }

  private static List<FieldChange> fields(StepDraft before, StepDraft after) {
    List<FieldChange> changes = new ArrayList<>();
    compare(
        changes,
        "title",
        before == null ? null : before.title(),
        after == null ? null : after.title());
    compare(
        changes,
        "whyItMatters",
        before == null ? null : before.whyItMatters(),
        after == null ? null : after.whyItMatters());
    compare(
        changes,
        "check",
        before == null ? null : before.check(),
        after == null ? null : after.check());
    List<InstructionDraft> oldBlocks = before == null ? List.of() : before.instructions();
    List<InstructionDraft> newBlocks = after == null ? List.of() : after.instructions();
    for (int i = 0; i < Math.max(oldBlocks.size(), newBlocks.size()); i++) {
      compare(
          changes,
          "instructions[" + i + "]",
          i < oldBlocks.size() ? render(oldBlocks.get(i)) : null,
          i < newBlocks.size() ? render(newBlocks.get(i)) : null);
    }
    List<InstructionDraft> oldMessage = before == null ? List.of() : before.customerMessage();
    List<InstructionDraft> newMessage = after == null ? List.of() : after.customerMessage();
    for (int i = 0; i < Math.max(oldMessage.size(), newMessage.size()); i++) {
      compare(
          changes,
          "customerMessage[" + i + "]",
          i < oldMessage.size() ? render(oldMessage.get(i)) : null,
          i < newMessage.size() ? render(newMessage.get(i)) : null);
    }
    List<FixOptionDraft> oldFixes = before == null ? List.of() : before.fixOptions();
    List<FixOptionDraft> newFixes = after == null ? List.of() : after.fixOptions();
    compare(changes, "fixOptions", order(oldFixes), order(newFixes));
    Set<String> fixKeys = new LinkedHashSet<>();
    newFixes.stream().filter(Objects::nonNull).forEach(f -> fixKeys.add(f.key()));
    oldFixes.stream().filter(Objects::nonNull).forEach(f -> fixKeys.add(f.key()));
    for (String fixKey : fixKeys) {
      FixOptionDraft was = find(oldFixes, fixKey);
      FixOptionDraft now = find(newFixes, fixKey);
      String at = "fixOptions[" + fixKey + "].";
      compare(
          changes,
          at + "label",
          was == null ? null : was.label(),
          now == null ? null : now.label());
      compare(
          changes,
          at + "instructions",
          was == null ? null : was.instructions(),
          now == null ? null : now.instructions());
      compare(
          changes, at + "cost", was == null ? null : was.cost(), now == null ? null : now.cost());
      compare(
          changes,
          at + "changesData",
          was == null ? null : text(was.changesData()),
          now == null ? null : text(now.changesData()));
      compare(
          changes,
          at + "costsMoney",
          was == null ? null : text(was.costsMoney()),
          now == null ? null : text(now.costsMoney()));
    }
    compare(
        changes,
        "cost",
        before == null ? null : before.cost(),
        after == null ? null : after.cost());
    compare(
        changes,
        "riskNote",
        before == null ? null : before.riskNote(),
        after == null ? null : after.riskNote());
    compare(
        changes,
        "detectsOutage",
        before == null ? null : text(before.detectsOutage()),
        after == null ? null : text(after.detectsOutage()));
    compare(
        changes,
        "intrusive",
        before == null ? null : text(before.intrusive()),
        after == null ? null : text(after.intrusive()));
    return changes;
  }

  private static void compare(
      List<FieldChange> changes, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      changes.add(new FieldChange(field, before, after));
    }
  }

  private static FixOptionDraft find(List<FixOptionDraft> options, String key) {
    return options.stream()
        .filter(Objects::nonNull)
        .filter(option -> Objects.equals(option.key(), key))
        .findFirst()
        .orElse(null);
  }

  private static String order(List<FixOptionDraft> options) {
    List<String> keys = options.stream().filter(Objects::nonNull).map(FixOptionDraft::key).toList();
    return keys.isEmpty() ? null : String.join(", ", keys);
  }

  /** "For iPhone X and later (Face ID), iOS 15 and later:" then one line per instruction. */
  private static String render(InstructionDraft block) {
    if (block == null) {
      return null;
    }
    String who =
        block.variant() == null || block.variant().isBlank() ? "every phone" : block.variant();
    String ios;
    try {
      IosRange range = new IosRange(block.iosFrom(), block.iosUntil());
      ios = range.isAny() ? "" : ", " + range.label();
    } catch (IllegalArgumentException e) {
      ios = ", iOS " + block.iosFrom() + " to " + block.iosUntil();
    }
    return "For " + who + ios + ":\n" + String.join("\n", block.lines());
  }

  private static String text(Boolean flag) {
    return flag == null ? null : flag.toString();
  }
}
