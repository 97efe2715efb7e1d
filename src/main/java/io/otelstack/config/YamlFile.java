package io.otelstack.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One YAML file parsed strictly into a JSON tree, remembering the line of every field so that
 * messages can point at it.
 *
 * <p>Strict means: syntax errors, duplicate keys, aliases (Jackson would read {@code *x} as the
 * string {@code x}), several documents and a top level other than a mapping are errors.
 */
final class YamlFile {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private final String file;
  private final ObjectNode root;
  private final Map<String, Integer> lines;

  private YamlFile(String file, ObjectNode root, Map<String, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  /**
   * Parses {@code text}; on failure adds messages prefixed with {@code file} to {@code errors} and
   * returns null.
   */
  static YamlFile parse(String file, String text, List<String> errors) {
    Reader reader = new Reader(file, errors);
    ObjectNode root = reader.read(text);
    return root == null ? null : new YamlFile(file, root, reader.lines);
  }

  /** The path of a field as messages print it: {@code a.b}, or {@code a["b.c"]} for odd keys. */
  static String child(String parent, String key) {
    if (!PLAIN_KEY.matcher(key).matches()) {
      return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** The path of a list item. */
  static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The path as messages print it. */
  String file() {
    return file;
  }

  /** The document; callers must not modify it. */
  ObjectNode root() {
    return root;
  }

  /** Whether the file states this field. */
  boolean has(String path) {
    return lines.containsKey(path);
  }

  /** The line of a field, or 0 when the file does not state it. */
  int line(String path) {
    return lines.getOrDefault(path, 0);
  }

  private static final class Reader {
    private final String file;
    private final List<String> errors;
    private final Map<String, Integer> lines = new HashMap<>();
    private boolean failed;

    Reader(String file, List<String> errors) {
      this.file = file;
      this.errors = errors;
    }

    ObjectNode read(String text) {
      try (YAMLParser parser = YAML.createParser(text)) {
        if (parser.nextToken() == null) {
          error(
              "the file is empty; state the fields that differ from _defaults.yaml, at least"
                  + " cluster.accountId");
          return null;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
          error(
              "line "
                  + line(parser)
                  + ": the top level must be a mapping of fields such as cluster: and hpa:, not "
                  + describe(parser.currentToken()));
          return null;
        }
        JsonNode root = value(parser, "");
        if (!failed && parser.nextToken() != null) {
          error(
              "line "
                  + line(parser)
                  + ": a second YAML document starts here; an environment file holds one document"
                  + " (remove the ---)");
        }
        return failed ? null : (ObjectNode) root;
      } catch (JsonProcessingException e) {
        error(syntax(e));
        return null;
      } catch (IOException e) {
        error("cannot be read: " + e.getMessage());
        return null;
      }
    }

    private JsonNode value(YAMLParser p, String path) throws IOException {
      if (p.isCurrentAlias()) {
        error(
            "line "
                + line(p)
                + ": "
                + (path.isEmpty() ? "the document" : path)
                + " uses the alias *"
                + p.getText()
                + "; aliases are not supported, write the value out");
        p.skipChildren();
        return NODES.nullNode();
      }
      switch (p.currentToken()) {
        case START_OBJECT:
          return object(p, path);
        case START_ARRAY:
          ArrayNode array = NODES.arrayNode();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            String item = item(path, array.size());
            lines.put(item, line(p));
            array.add(value(p, item));
          }
          return array;
        case VALUE_STRING:
          return NODES.textNode(p.getText());
        case VALUE_NUMBER_INT:
          return switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
        case VALUE_NUMBER_FLOAT:
          return NODES.numberNode(p.getDecimalValue());
        case VALUE_TRUE:
        case VALUE_FALSE:
          return NODES.booleanNode(p.getBooleanValue());
        case VALUE_NULL:
          return NODES.nullNode();
        default:
          error(
              "line "
                  + line(p)
                  + ": "
                  + path
                  + " holds "
                  + describe(p.currentToken())
                  + ", which environment files do not use; write a plain value");
          return NODES.nullNode();
      }
    }

    private ObjectNode object(YAMLParser p, String path) throws IOException {
      ObjectNode object = NODES.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        String field = child(path, key);
        int line = line(p);
        p.nextToken();
        JsonNode value = value(p, field);
        if (object.has(key)) {
          error(
              "line "
                  + line
                  + ": duplicate key "
                  + field
                  + " (first at line "
                  + lines.get(field)
                  + "); state each field once");
        } else {
          lines.put(field, line);
          object.set(key, value);
        }
      }
      return object;
    }

    private void error(String message) {
      failed = true;
      errors.add(file + ": " + message);
    }

    private static int line(JsonParser p) {
      return p.currentTokenLocation().getLineNr();
    }

    /** One line, with position, rather than SnakeYAML's multi-line excerpt. */
    private static String syntax(JsonProcessingException e) {
      // Jackson's own position is just past the value, so only its line is worth printing.
      String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
      String problem = "cannot read the value: " + e.getOriginalMessage();
      if (e.getCause() instanceof MarkedYAMLException yaml) {
        problem =
            "YAML syntax error: "
                + (yaml.getContext() == null
                    ? yaml.getProblem()
                    : yaml.getContext() + ": " + yaml.getProblem());
        if (yaml.getProblemMark() != null) {
          where =
              "line "
                  + (yaml.getProblemMark().getLine() + 1)
                  + ", column "
                  + (yaml.getProblemMark().getColumn() + 1);
        }
      }
      return (where.isEmpty() ? "" : where + ": ") + problem.replaceAll("\\s+", " ").strip();
    }

    private static String describe(JsonToken token) {
      return switch (token) {
        case START_ARRAY -> "a list";
        case START_OBJECT -> "a mapping";
        case VALUE_EMBEDDED_OBJECT -> "binary data";
        default -> "a single value";
      };
    }
  }
}
