package io.otelstack.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields {@code environment.schema.json} declares, in schema order, for tests and the README.
 * Maps of records (node groups) appear once with {@code <name>} standing for the key, and lists of
 * records (taints) with {@code []} standing for the items.
 */
final class SchemaFields {
  /** The name that stands for the keys of a map of records. */
  static final String ANY = "<name>";

  /** The element that stands for the items of a list of records. */
  static final String ITEMS = "[]";

  private SchemaFields() {}

  /**
   * One declared field.
   *
   * @param path names from the root, {@link #ANY} for map keys
   * @param declared the field's own schema node, holding its description and default
   * @param resolved the schema the field's value must match ({@code $ref}/{@code allOf} followed)
   */
  record Field(List<String> path, JsonNode declared, JsonNode resolved) {
    /** The path as messages print it. */
    String name() {
      return String.join(".", path).replace("." + ITEMS, ITEMS);
    }

    /** Whether the value is a map of records whose fields are listed separately. */
    boolean isRecordMap() {
      return !resolved.has("properties") && recordItem() != null;
    }

    /** Whether the value has declared fields, listed separately. */
    boolean isRecord() {
      return resolved.has("properties");
    }

    /** Whether the value is a list of records whose fields are listed separately. */
    boolean isRecordList() {
      return resolved.has("items") && SCHEMA.resolve(resolved.get("items")).has("properties");
    }

    JsonNode recordItem() {
      JsonNode item = resolved.get("additionalProperties");
      return item != null && item.isObject() && SCHEMA.resolve(item).has("properties")
          ? item
          : null;
    }
  }

  private static final EnvironmentSchema SCHEMA = EnvironmentSchema.load();

  /** The schema every field comes from. */
  static EnvironmentSchema schema() {
    return SCHEMA;
  }

  /** Every declared field, depth first, parents before children. */
  static List<Field> all() {
    List<Field> fields = new ArrayList<>();
    walk(SCHEMA.json(), new ArrayList<>(), fields);
    return fields;
  }

  private static void walk(JsonNode node, List<String> path, List<Field> out) {
    JsonNode resolved = SCHEMA.resolve(node);
    Field field = new Field(List.copyOf(path), node, resolved);
    if (!path.isEmpty()) {
      out.add(field);
    }
    if (field.isRecord()) {
      children(resolved, path, out);
    } else if (field.isRecordMap()) {
      path.add(ANY);
      children(SCHEMA.resolve(field.recordItem()), path, out);
      path.remove(path.size() - 1);
    } else if (field.isRecordList()) {
      path.add(ITEMS);
      children(SCHEMA.resolve(resolved.get("items")), path, out);
      path.remove(path.size() - 1);
    }
  }

  private static void children(JsonNode record, List<String> path, List<Field> out) {
    record
        .get("properties")
        .fields()
        .forEachRemaining(
            child -> {
              path.add(child.getKey());
              walk(child.getValue(), path, out);
              path.remove(path.size() - 1);
            });
  }
}
