package io.otelstack.config;

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
  static final String PATTERN_MESSAGE = "patternErrorMessage";
  // The last camel-case word of a field name that holds a credential.
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(key|token|password|passwd|secret)");
  private static final Pattern WORD_BOUNDARY =
      Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+");

  private final JsonNode schema;
  private final JsonSchema strict;
  private final SchemaMessages explain = new SchemaMessages(this);

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
      violations.add(explain.translate(message, path));
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
  List<String> fields(JsonNode node) {
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

  /**
   * Marks every declared field of every object schema as required, except in an object that states
   * its own {@code required} list: the items of a list whose fields are optional in the merged
   * environment too ({@code logs.multiline}).
   */
  private static JsonNode requireAll(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode properties = object.get("properties");
      if (properties != null && properties.isObject() && !object.has("required")) {
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

  /**
   * One schema problem.
   *
   * @param path the field at fault, as messages print it
   * @param message the message without file and line
   * @param fromDefaults whether {@code _defaults.yaml} should have held the field
   */
  record Violation(String path, String message, boolean fromDefaults) {}
}
