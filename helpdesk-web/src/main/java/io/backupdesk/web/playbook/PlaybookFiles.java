package io.backupdesk.web.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.backupdesk.diagnostics.playbook.FieldProblem;
import io.backupdesk.diagnostics.playbook.Validated;
import io.backupdesk.diagnostics.playbook.draft.FixOptionDraft;
import io.backupdesk.diagnostics.playbook.draft.InstructionDraft;
import io.backupdesk.diagnostics.playbook.draft.PlaybookDraft;
import io.backupdesk.diagnostics.playbook.draft.StepDraft;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A playbook as a JSON or YAML file: the core's draft records field for field. Reading lists every
 * problem of the file's shape at once (unknown fields, a text where a list belongs, a repeated key)
 * with its path, the same paths the core's validation uses; whether the content makes a valid
 * playbook is the core's question, asked afterwards.
 */
public final class PlaybookFiles {

  /** The formats a version is exported and imported in. */
  public enum Format {
    JSON("application/json", "json"),
    YAML("application/yaml", "yaml");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    public String mediaType() {
      return mediaType;
    }

    public String extension() {
      return extension;
    }

    /** "yaml", "yml", a YAML media type or a file name ending so; JSON otherwise. */
    public static Format of(String hint) {
      String h = hint == null ? "" : hint.strip().toLowerCase(Locale.ROOT);
      return h.endsWith("yaml") || h.endsWith("yml") ? YAML : JSON;
    }
  }

  private static final Set<String> PLAYBOOK_FIELDS = Set.of("version", "name", "steps");
  private static final Set<String> STEP_FIELDS =
      Set.of(
          "key",
          "version",
          "title",
          "whyItMatters",
          "check",
          "instructions",
          "fixOptions",
          "cost",
          "riskNote",
          "detectsOutage",
          "intrusive",
          "customerMessage");
  private static final Set<String> BLOCK_FIELDS = Set.of("variant", "iosFrom", "iosUntil", "lines");
  private static final Set<String> FIX_FIELDS =
      Set.of("key", "label", "instructions", "changesData", "costsMoney", "cost");

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();
  private static final ObjectMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  // One text, one line: a reviewer's diff shows the sentence that changed.
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private PlaybookFiles() {}

  /** The file's text: fields in the records' order, absent values left out. */
  public static String write(PlaybookDraft draft, Format format) {
    try {
      return (format == Format.YAML ? YAML : JSON).writeValueAsString(draft);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A draft always serializes", e);
    }
  }

  /** The draft a file holds, or every problem of its shape. */
  public static Validated<PlaybookDraft> read(String text, Format format) {
    if (text == null || text.isBlank()) {
      return Validated.invalid(List.of(new FieldProblem("", "The file is empty")));
    }
    JsonNode root;
    try {
      root = (format == Format.YAML ? YAML : JSON).readTree(text);
    } catch (JsonProcessingException e) {
      return Validated.invalid(List.of(new FieldProblem("", unreadable(e, format))));
    }
    if (root == null || !root.isObject()) {
      // An empty file, `null`, `~`, a list or a single value: nothing to walk.
      return Validated.invalid(
          List.of(
              new FieldProblem(
                  "",
                  "The file holds no playbook: expected one "
                      + format.name()
                      + " object with the playbook's name and steps")));
    }
    var reader = new Reader();
    PlaybookDraft draft = reader.playbook(root);
    return reader.problems.isEmpty() ? Validated.valid(draft) : Validated.invalid(reader.problems);
  }

  private static String unreadable(JsonProcessingException e, Format format) {
    String message = e.getOriginalMessage();
    if (message != null && message.startsWith("Duplicate field")) {
      message = message.replace("Duplicate field", "The key") + " appears twice in one object";
    }
    var at = e.getLocation();
    return "The file is not readable "
        + format.name()
        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
        + ": "
        + message;
  }

  /** Walks the tree once, collecting every problem instead of stopping at the first. */
  private static final class Reader {
    final List<FieldProblem> problems = new ArrayList<>();

    PlaybookDraft playbook(JsonNode node) {
      if (!object(node, "", PLAYBOOK_FIELDS)) {
        return null;
      }
      return new PlaybookDraft(
          integer(node, "version", ""),
          text(node, "name", ""),
          list(node, "steps", "", this::step));
    }

    StepDraft step(JsonNode node, String at) {
      if (!object(node, at, STEP_FIELDS)) {
        return null;
      }
      return new StepDraft(
          text(node, "key", at),
          integer(node, "version", at),
          text(node, "title", at),
          text(node, "whyItMatters", at),
          text(node, "check", at),
          list(node, "instructions", at, this::block),
          list(node, "fixOptions", at, this::fix),
          text(node, "cost", at),
          text(node, "riskNote", at),
          flag(node, "detectsOutage", at),
          flag(node, "intrusive", at),
          list(node, "customerMessage", at, this::block));
    }

    InstructionDraft block(JsonNode node, String at) {
      if (!object(node, at, BLOCK_FIELDS)) {
        return null;
      }
      return new InstructionDraft(
          text(node, "variant", at),
          integer(node, "iosFrom", at),
          integer(node, "iosUntil", at),
          list(node, "lines", at, this::line));
    }

    FixOptionDraft fix(JsonNode node, String at) {
      if (!object(node, at, FIX_FIELDS)) {
        return null;
      }
      return new FixOptionDraft(
          text(node, "key", at),
          text(node, "label", at),
          text(node, "instructions", at),
          flag(node, "changesData", at),
          flag(node, "costsMoney", at),
          text(node, "cost", at));
    }

    String line(JsonNode node, String at) {
      if (node.isNull()) {
        return null;
      }
      if (!node.isTextual()) {
        problems.add(new FieldProblem(at, "Write the line as text"));
        return null;
      }
      return node.textValue();
    }

    private boolean object(JsonNode node, String at, Set<String> known) {
      if (node == null || node.isNull()) {
        return false;
      }
      if (!node.isObject()) {
        problems.add(new FieldProblem(at, "Expected an object with fields " + sorted(known)));
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        String field = it.next().getKey();
        if (!known.contains(field)) {
          problems.add(
              new FieldProblem(
                  path(at, field),
                  "Unknown field '" + field + "': the fields here are " + sorted(known)));
        }
      }
      return true;
    }

    private String text(JsonNode node, String field, String at) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isValueNode() || value.isBinary()) {
        problems.add(new FieldProblem(path(at, field), "Write " + field + " as text"));
        return null;
      }
      return value.asText();
    }

    private Integer integer(JsonNode node, String field, String at) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isIntegralNumber() || !value.canConvertToInt()) {
        problems.add(new FieldProblem(path(at, field), "Write " + field + " as a whole number"));
        return null;
      }
      return value.intValue();
    }

    private Boolean flag(JsonNode node, String field, String at) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isBoolean()) {
        problems.add(new FieldProblem(path(at, field), "Write " + field + " as true or false"));
        return null;
      }
      return value.booleanValue();
    }

    private <T> List<T> list(
        JsonNode node, String field, String at, BiFunction<JsonNode, String, T> item) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return List.of();
      }
      String here = path(at, field);
      if (!value.isArray()) {
        problems.add(new FieldProblem(here, "Write " + field + " as a list"));
        return List.of();
      }
      List<T> items = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        items.add(item.apply(value.get(i), here + "[" + i + "]"));
      }
      return items;
    }

    private static String path(String at, String field) {
      return at.isEmpty() ? field : at + "." + field;
    }

    private static String sorted(Set<String> fields) {
      return String.join(", ", fields.stream().sorted().toList());
    }
  }
}
