package io.otelstack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the table of environment fields in {@code docs/environment.md} equal to what the schema
 * says: each row comes from a field's {@code description}, constraints and {@code default}. Rewrite
 * the table with {@code mvn test -Dsnapshots.update=true}.
 */
class EnvironmentFieldsReadmeTest {
  private static final String PAGE = "docs/environment.md";
  private static final String BEGIN = "<!-- fields:begin -->\n";
  private static final String END = "<!-- fields:end -->";
  private static final Pattern NEEDS_QUOTES =
      Pattern.compile("|true|false|null|yes|no|-?[0-9]+(\\.[0-9]+)?");

  @Test
  void documentsEveryFieldAsTheSchemaDescribesIt() throws IOException {
    Path readme = Path.of(System.getProperty("project.basedir", ".")).resolve(PAGE);
    String text = Files.readString(readme);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as(PAGE + " has " + BEGIN.strip()).isNotNegative();
    assertThat(end).as(PAGE + " has " + END).isGreaterThan(begin);
    String table = table();
    if (Boolean.getBoolean("snapshots.update")) {
      Files.writeString(
          readme, text.substring(0, begin + BEGIN.length()) + table + text.substring(end));
    } else {
      assertThat(text.substring(begin + BEGIN.length(), end))
          .as(PAGE + " fields table (regenerate: mvn test -Dsnapshots.update=true)")
          .isEqualTo(table);
    }
  }

  /** The markdown table, one row per field. */
  static String table() {
    StringBuilder out = new StringBuilder();
    out.append("| Field | Type | Default | Description |\n|---|---|---|---|\n");
    for (SchemaFields.Field field : SchemaFields.all()) {
      out.append("| `")
          .append(field.name())
          .append("` | ")
          .append(cell(type(field.resolved(), field)))
          .append(" | ")
          .append(cell(defaultOf(field)))
          .append(" | ")
          .append(cell(description(field)))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String type(JsonNode schema, SchemaFields.Field field) {
    if (field != null && field.isRecord()) {
      return "fields below";
    }
    if (field != null && field.isRecordMap()) {
      return "map of name to fields below";
    }
    if (field != null && field.isRecordList()) {
      return "list of fields below";
    }
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema.get("enum").forEach(value -> values.add("`" + value.asText() + "`"));
      return "one of " + String.join(", ", values);
    }
    String type = schema.path("type").asText();
    String range =
        schema.has("minimum") && schema.has("maximum")
            ? ", " + schema.get("minimum") + "–" + schema.get("maximum")
            : "";
    return switch (type) {
      case "array" -> "list of " + plural(SchemaFields.schema().resolve(schema.get("items")));
      case "object" ->
          "map of string to "
              + type(SchemaFields.schema().resolve(schema.get("additionalProperties")), null);
      default -> type + range;
    };
  }

  private static String plural(JsonNode item) {
    String type = type(item, null);
    return type.startsWith("one of") ? "(" + type + ")" : type + "s";
  }

  private static String description(SchemaFields.Field field) {
    StringBuilder out = new StringBuilder(field.declared().path("description").asText());
    JsonNode schema = field.resolved();
    constraint(out, "Must be", schema);
    if (schema.has("items")) {
      constraint(out, "Each must be", SchemaFields.schema().resolve(schema.get("items")));
    }
    if (schema.has("propertyNames")) {
      constraint(out, "Keys must be", SchemaFields.schema().resolve(schema.get("propertyNames")));
    }
    JsonNode values = schema.get("additionalProperties");
    if (values != null && values.isObject() && !field.isRecordMap()) {
      constraint(out, "Values must be", SchemaFields.schema().resolve(values));
    }
    return out.toString();
  }

  private static void constraint(StringBuilder out, String lead, JsonNode schema) {
    if (schema.has("patternErrorMessage")) {
      out.append(' ').append(lead).append(' ').append(schema.get("patternErrorMessage").asText());
      out.append('.');
    }
  }

  /**
   * The default from the nearest {@code default} keyword on the path, or "required". List items
   * have none: a list's default is the whole list.
   */
  private static String defaultOf(SchemaFields.Field field) {
    if (field.path().contains(SchemaFields.ITEMS)) {
      return "";
    }
    JsonNode node = SchemaFields.schema().json();
    List<String> path = field.path();
    for (int i = 0; i <= path.size(); i++) {
      if (node.has("default")) {
        return render(node.get("default"), path.subList(i, path.size()), field);
      }
      if (i < path.size()) {
        node = SchemaFields.schema().resolve(node).path("properties").path(path.get(i));
      }
    }
    return field.isRecord() ? "" : "required";
  }

  private static String render(JsonNode value, List<String> rest, SchemaFields.Field field) {
    if (rest.isEmpty()) {
      return field.isRecordMap() ? keys(value) : field.isRecord() ? "" : "`" + yaml(value) + "`";
    }
    if (rest.get(0).equals(SchemaFields.ANY)) {
      List<String> entries = new ArrayList<>();
      value
          .fields()
          .forEachRemaining(
              entry ->
                  entries.add(
                      entry.getKey()
                          + ": "
                          + render(entry.getValue(), rest.subList(1, rest.size()), field)));
      return String.join("; ", entries);
    }
    return render(value.path(rest.get(0)), rest.subList(1, rest.size()), field);
  }

  private static String keys(JsonNode map) {
    List<String> keys = new ArrayList<>();
    map.fieldNames().forEachRemaining(key -> keys.add("`" + key + "`"));
    return String.join(", ", keys);
  }

  /** A value in YAML flow style, as an environment file would state it. */
  private static String yaml(JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText();
      return NEEDS_QUOTES.matcher(text).matches() ? "\"" + text + "\"" : text;
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(yaml(item)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value.isObject()) {
      List<String> entries = new ArrayList<>();
      value.fields().forEachRemaining(e -> entries.add(e.getKey() + ": " + yaml(e.getValue())));
      return "{" + String.join(", ", entries) + "}";
    }
    return value.asText();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
