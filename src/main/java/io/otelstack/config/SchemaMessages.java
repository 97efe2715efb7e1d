package io.otelstack.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import io.otelstack.config.EnvironmentSchema.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schema validator's findings as messages a user can act on: each names the field and the value
 * and says what is allowed, in the schema's own words where it has them ({@code description},
 * {@code patternErrorMessage}), with a suggestion for near-miss names and enum values.
 */
final class SchemaMessages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATTERN_MESSAGE = EnvironmentSchema.PATTERN_MESSAGE;

  private final EnvironmentSchema schema;

  SchemaMessages(EnvironmentSchema schema) {
    this.schema = schema;
  }

  /** The message of one validator finding at {@code path}. */
  Violation translate(ValidationMessage message, String path) {
    JsonNode value = message.getInstanceNode();
    Object[] args = message.getArguments();
    JsonNode keywordSchema = schema.json().at(parentPointer(message));
    String shown = path + " (" + show(value) + ")";
    return switch (message.getType()) {
      case "required" -> missing(message, path);
      case "additionalProperties" -> unknown(path, message.getProperty(), keywordSchema);
      case "type" -> new Violation(path, typeMessage(path, value, (String) args[1]), false);
      case "enum" -> new Violation(path, enumMessage(shown, value, keywordSchema), false);
      case "pattern" ->
          new Violation(path, shown + " must be " + allowed(keywordSchema, args[0]), false);
      case "propertyNames" -> {
        String key = message.getProperty();
        JsonNode names = schema.resolve(keywordSchema.get("propertyNames"));
        yield new Violation(
            YamlFile.child(path, key),
            path + " has the key " + key + ", which must be " + allowed(names, args[1]),
            false);
      }
      case "minimum" -> new Violation(path, shown + " must be >= " + args[0], false);
      case "maximum" -> new Violation(path, shown + " must be <= " + args[0], false);
      case "minItems" ->
          new Violation(path, path + " must list at least " + plural(args[0], "item"), false);
      case "maxItems" ->
          new Violation(path, path + " must list at most " + plural(args[0], "item"), false);
      case "uniqueItems" ->
          new Violation(path, shown + " lists an item twice; remove the repeat", false);
      case "minLength" -> new Violation(path, path + " must not be empty", false);
      case "maxLength" ->
          new Violation(path, shown + " must be at most " + plural(args[0], "character"), false);
      case "minProperties" ->
          new Violation(path, path + " must have at least " + plural(args[0], "entry"), false);
      default -> new Violation(path, shown + " " + message.getError(), false);
    };
  }

  private Violation missing(ValidationMessage message, String parent) {
    String path = YamlFile.child(parent, message.getProperty());
    JsonNode field =
        schema
            .resolve(schema.json().at(parentPointer(message)))
            .path("properties")
            .path(message.getProperty());
    boolean defaulted = field.has("default");
    String where =
        defaulted ? "; every field except cluster.accountId has its default in _defaults.yaml" : "";
    return new Violation(
        path, path + " is missing: " + field.path("description").asText() + where, defaulted);
  }

  private Violation unknown(String parent, String name, JsonNode parentSchema) {
    String path = YamlFile.child(parent, name);
    List<String> fields = schema.fields(parentSchema);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String field : fields) {
      int distance = distance(name.toLowerCase(Locale.ROOT), field.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = field;
        bestDistance = distance;
      }
    }
    String where = parent.isEmpty() ? "a top-level field" : "a field of " + parent;
    if (best != null && bestDistance <= Math.max(1, name.length() / 2)) {
      return new Violation(
          path,
          path + " is not " + where + "; did you mean " + YamlFile.child(parent, best) + "?",
          false);
    }
    return new Violation(
        path, path + " is not " + where + "; the fields are " + String.join(", ", fields), false);
  }

  private static String typeMessage(String path, JsonNode value, String expected) {
    if (value.isNull()) {
      return path
          + " is empty (null) but must be "
          + article(expected)
          + "; give it a value or remove the line";
    }
    String message =
        path
            + " ("
            + (value.isTextual() ? JSON.valueToTree(value).toString() : show(value))
            + ") must be "
            + article(expected)
            + ", not "
            + article(kind(value));
    if (expected.equals("string") && value.isValueNode()) {
      message += "; quote it: \"" + value.asText() + "\"";
    }
    return message;
  }

  private String enumMessage(String shown, JsonNode value, JsonNode keywordSchema) {
    List<String> allowed = new ArrayList<>();
    keywordSchema.get("enum").forEach(v -> allowed.add(v.asText()));
    String message = shown + " must be one of " + String.join(", ", allowed);
    for (String candidate : allowed) {
      if (candidate.equalsIgnoreCase(value.asText().replace('_', '-'))
          || candidate.equalsIgnoreCase(value.asText().replace('-', '_'))) {
        return message + "; did you mean " + candidate + "?";
      }
    }
    return message;
  }

  /** The schema's own wording of what a pattern allows, or the raw fallback. */
  private String allowed(JsonNode schemaNode, Object fallback) {
    JsonNode resolved = schemaNode == null ? null : schema.resolve(schemaNode);
    if (resolved != null && resolved.has(PATTERN_MESSAGE)) {
      return resolved.get(PATTERN_MESSAGE).asText();
    }
    String text = String.valueOf(fallback);
    return text.startsWith("^") ? "a match of " + text : text;
  }

  private static JsonPointer parentPointer(ValidationMessage message) {
    return JsonPointer.compile(message.getSchemaLocation().getFragment().toString()).head();
  }

  /** A value as messages print it: scalars as written, containers summarized. */
  static String show(JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText();
      return text.isBlank() ? JSON.valueToTree(text).toString() : text;
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(show(item)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    return value.asText();
  }

  private static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      default -> "null";
    };
  }

  private static String article(String jsonType) {
    return switch (jsonType) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "integer" -> "an integer";
      case "boolean" -> "true or false";
      default -> "a " + jsonType;
    };
  }

  private static String plural(Object count, String noun) {
    return count
        + " "
        + (String.valueOf(count).equals("1")
            ? noun
            : noun.equals("entry") ? "entries" : noun + "s");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
