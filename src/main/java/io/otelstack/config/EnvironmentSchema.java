package io.otelstack.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code environments/environment.schema.json}, which describes one environment file, and the
 * checks it drives on a merged environment.
 *
 * <p>The committed schema requires nothing, because each file may leave any field to {@code
 * _defaults.yaml} and editors apply it file by file. The merged environment must be complete, so it
 * is validated against a strict copy in which every declared field is required.
 *
 * <p>The schema is read from the classpath (the build copies it there from {@code environments/})
 * rather than from the environments directory: the records bind exactly the fields this schema
 * declares, so the schema belongs to the code that was built with it, not to whatever sits next to
 * the YAML files.
 */
final class EnvironmentSchema {
  /** The resource name, next to this class. */
  static final String RESOURCE = "environment.schema.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  // Editor-only keyword (VS Code and yaml-language-server show it instead of the raw regex); the
  // messages here use it too.
  private static final String PATTERN_MESSAGE = "patternErrorMessage";
  // The last camel-case word of a field name that holds a credential.
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(key|token|password|passwd|secret)");
  private static final Pattern WORD_BOUNDARY =
      Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+");

  private final JsonNode schema;
  private final JsonSchema strict;

  private EnvironmentSchema(JsonNode schema) {
    this.schema = schema;
    JsonMetaSchema meta =
        JsonMetaSchema.builder(JsonMetaSchema.getV7())
            .keyword(new AnnotationKeyword(PATTERN_MESSAGE))
            .build();
    this.strict =
        JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V7, builder -> builder.metaSchema(meta))
            .getSchema(requireAll(schema.deepCopy()));
  }

  /** The schema from the classpath. */
  static EnvironmentSchema load() {
    try (InputStream in = EnvironmentSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + "; rebuild the project");
      }
      return new EnvironmentSchema(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema as committed. Callers must not modify it. */
  JsonNode json() {
    return schema;
  }

  /**
   * Every problem the schema finds in a merged environment, plus fields it does not declare that
   * hold a literal under a secret-like name (reported as inline secrets, not as unknown fields).
   */
  List<Violation> validate(JsonNode environment) {
    List<Violation> violations = new ArrayList<>();
    Set<String> secrets = new HashSet<>();
    inlineSecrets(environment, schema, "", violations, secrets);
    List<ValidationMessage> messages = new ArrayList<>(strict.validate(environment));
    messages.sort(Comparator.comparing(ValidationMessage::getInstanceLocation));
    for (ValidationMessage message : messages) {
      String path = path(message.getInstanceLocation());
      if (message.getProperty() != null
          && message.getType().equals("additionalProperties")
          && secrets.contains(YamlFile.child(path, message.getProperty()))) {
        continue;
      }
      violations.add(translate(message, path));
    }
    return violations;
  }

  /** The schema of a child of a (resolved) schema node, or null if it has none. */
  private JsonNode child(JsonNode node, Object element) {
    JsonNode resolved = resolve(node);
    if (element instanceof Integer) {
      return resolved.get("items");
    }
    JsonNode declared = resolved.path("properties").get((String) element);
    if (declared != null) {
      return declared;
    }
    JsonNode additional = resolved.get("additionalProperties");
    return additional != null && additional.isObject() ? additional : null;
  }

  /** Follows {@code $ref} and single-element {@code allOf} to the schema that declares content. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (true) {
      if (current.has("$ref")) {
        current = schema.at(current.get("$ref").asText().substring(1));
      } else if (current.has("allOf") && current.get("allOf").size() == 1) {
        current = current.get("allOf").get(0);
      } else {
        return current;
      }
    }
  }

  /** The field names a schema node declares, in schema order. */
  private List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    resolve(node).path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private void inlineSecrets(
      JsonNode value, JsonNode fieldSchema, String path, List<Violation> out, Set<String> found) {
    if (fieldSchema == null || !value.isContainerNode()) {
      return;
    }
    JsonNode resolved = resolve(fieldSchema);
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        inlineSecrets(value.get(i), child(resolved, i), YamlFile.item(path, i), out, found);
      }
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      String fieldPath = YamlFile.child(path, name);
      boolean declared = resolved.path("properties").has(name);
      if (!declared && looksLikeSecret(name, field.getValue())) {
        found.add(fieldPath);
        out.add(
            new Violation(
                fieldPath,
                fieldPath
                    + " looks like an inline secret; secret values never go in environment"
                    + " files: store it in AWS Secrets Manager and reference it by name (the"
                    + " Coralogix key: coralogix.privateKeySecretName)",
                false));
      } else {
        inlineSecrets(field.getValue(), child(resolved, name), fieldPath, out, found);
      }
    }
  }

  private static boolean looksLikeSecret(String name, JsonNode value) {
    String[] words = WORD_BOUNDARY.split(name);
    boolean literal = (value.isTextual() && !value.asText().isBlank()) || value.isNumber();
    return literal && words.length > 0 && SECRET_NAME.matcher(words[words.length - 1]).matches();
  }

  private Violation translate(ValidationMessage message, String path) {
    JsonNode value = message.getInstanceNode();
    Object[] args = message.getArguments();
    JsonNode keywordSchema = schema.at(parentPointer(message));
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
        JsonNode names = resolve(keywordSchema.get("propertyNames"));
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
        resolve(schema.at(parentPointer(message))).path("properties").path(message.getProperty());
    boolean defaulted = field.has("default");
    String where =
        defaulted ? "; every field except cluster.accountId has its default in _defaults.yaml" : "";
    return new Violation(
        path, path + " is missing: " + field.path("description").asText() + where, defaulted);
  }

  private Violation unknown(String parent, String name, JsonNode parentSchema) {
    String path = YamlFile.child(parent, name);
    List<String> fields = fields(parentSchema);
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
    JsonNode resolved = schemaNode == null ? null : resolve(schemaNode);
    if (resolved != null && resolved.has(PATTERN_MESSAGE)) {
      return resolved.get(PATTERN_MESSAGE).asText();
    }
    String text = String.valueOf(fallback);
    return text.startsWith("^") ? "a match of " + text : text;
  }

  private static JsonPointer parentPointer(ValidationMessage message) {
    return JsonPointer.compile(message.getSchemaLocation().getFragment().toString()).head();
  }

  /** Marks every declared field of every object schema as required. */
  private static JsonNode requireAll(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode properties = object.get("properties");
      if (properties != null && properties.isObject()) {
        ArrayNode required = object.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
      }
    }
    node.forEach(EnvironmentSchema::requireAll);
    return node;
  }

  /** The path as messages print it. */
  private static String path(JsonNodePath location) {
    String path = "";
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path =
          element instanceof Integer index
              ? YamlFile.item(path, index)
              : YamlFile.child(path, (String) element);
    }
    return path;
  }

  /** A value as messages print it: scalars as written, containers summarized. */
  private static String show(JsonNode value) {
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

  /**
   * One schema problem.
   *
   * @param path the field at fault, as messages print it
   * @param message the message without file and line
   * @param fromDefaults whether {@code _defaults.yaml} should have held the field
   */
  record Violation(String path, String message, boolean fromDefaults) {}
}
