package io.otelstack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.otelstack.ValidationException;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: every mutant of a committed environment file either loads or fails with a clean {@link
 * ValidationException}, never another exception.
 *
 * <p>Mutations, at every path of the file: drop the key (or list item), add an unknown key (a
 * near-miss of a sibling, or a secret-like name), change the value's type, negate a number, empty a
 * string; and truncate the text at every character (every line and a seeded sample of characters
 * for the long {@code _defaults.yaml}). Random choices use a fixed seed.
 */
class EnvironmentMutationTest {
  private static final long SEED = 0x5EED_0001L;
  private static final int DEFAULTS_TRUNCATION_SAMPLE = 200;
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> FILES =
      List.of(EnvironmentLoader.DEFAULTS, "dev.yaml", "prod.yaml", "staging.yaml");

  @TempDir Path dir;

  @ParameterizedTest(name = "everyMutantOf {0} loadsOrFailsCleanly")
  @ValueSource(strings = {"_defaults.yaml", "dev.yaml", "prod.yaml", "staging.yaml"})
  void everyMutantLoadsOrFailsCleanly(String file) {
    FILES.forEach(name -> EnvironmentFiles.write(dir, name, EnvironmentFiles.read(name)));
    String text = EnvironmentFiles.read(file);
    Random random = new Random(SEED ^ file.hashCode());
    List<String> mutants = new ArrayList<>();
    mutateTree(parse(text), random, mutants::add);
    truncate(text, file.equals(EnvironmentLoader.DEFAULTS), random, mutants::add);

    List<String> unclean = new ArrayList<>();
    for (String mutant : mutants) {
      EnvironmentFiles.write(dir, file, mutant);
      String problem = load(file);
      if (problem != null) {
        unclean.add(problem + "\n--- mutant:\n" + mutant);
      }
    }
    assertThat(mutants).hasSizeGreaterThan(100);
    assertThat(unclean).as("mutants that did not load or fail cleanly").isEmpty();
  }

  /** Null when loading succeeds or fails cleanly; otherwise what went wrong. */
  private String load(String file) {
    try {
      if (file.equals(EnvironmentLoader.DEFAULTS)) {
        EnvironmentLoader.loadAll(dir);
      } else {
        EnvironmentLoader.load(dir, file.substring(0, file.length() - ".yaml".length()));
      }
      return null;
    } catch (ValidationException e) {
      for (String error : e.errors()) {
        if (!error.startsWith(dir + File.separator)
            || error.contains("\n")
            || error.contains("Exception")
            || error.contains("com.")) {
          return "unclean message: " + error;
        }
      }
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      return "unexpected " + e;
    }
  }

  private static JsonNode parse(String text) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String render(JsonNode tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every tree mutation at every path, rendered back to YAML. */
  private static void mutateTree(JsonNode root, Random random, Consumer<String> out) {
    List<List<Object>> paths = new ArrayList<>();
    collect(root, new ArrayList<>(), paths);
    for (List<Object> path : paths) {
      if (!path.isEmpty()) {
        out.accept(render(edit(root, path, (parent, last) -> remove(parent, last))));
        JsonNode other = otherType(get(root, path), random);
        out.accept(render(edit(root, path, (parent, last) -> set(parent, last, other))));
      }
      JsonNode value = get(root, path);
      if (value.isNumber()) {
        JsonNode negated =
            value.isIntegralNumber()
                ? NODES.numberNode(value.asLong() == 0 ? -1 : -value.asLong())
                : NODES.numberNode(value.decimalValue().negate());
        out.accept(render(edit(root, path, (parent, last) -> set(parent, last, negated))));
      }
      if (value.isTextual()) {
        out.accept(
            render(edit(root, path, (parent, last) -> set(parent, last, NODES.textNode("")))));
      }
      if (value.isObject()) {
        String unknown = unknownKey(value, random);
        JsonNode copy = root.deepCopy();
        ((ObjectNode) get(copy, path)).put(unknown, "mutant-value");
        out.accept(render(copy));
      }
    }
  }

  private static void truncate(String text, boolean sample, Random random, Consumer<String> out) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.accept(text.substring(0, i + 1));
      }
    }
    if (sample) {
      random
          .ints(DEFAULTS_TRUNCATION_SAMPLE, 0, text.length())
          .forEach(at -> out.accept(text.substring(0, at)));
    } else {
      for (int at = 0; at < text.length(); at++) {
        out.accept(text.substring(0, at));
      }
    }
  }

  private static void collect(JsonNode node, List<Object> path, List<List<Object>> paths) {
    paths.add(List.copyOf(path));
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                path.add(name);
                collect(node.get(name), path, paths);
                path.remove(path.size() - 1);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        path.add(i);
        collect(node.get(i), path, paths);
        path.remove(path.size() - 1);
      }
    }
  }

  private interface Edit {
    void apply(JsonNode parent, Object last);
  }

  /** A copy of {@code root} with {@code edit} applied at {@code path}. */
  private static JsonNode edit(JsonNode root, List<Object> path, Edit edit) {
    JsonNode copy = root.deepCopy();
    edit.apply(get(copy, path.subList(0, path.size() - 1)), path.get(path.size() - 1));
    return copy;
  }

  private static JsonNode get(JsonNode root, List<Object> path) {
    JsonNode node = root;
    for (Object element : path) {
      node = element instanceof Integer index ? node.get(index) : node.get((String) element);
    }
    return node;
  }

  private static void remove(JsonNode parent, Object last) {
    if (last instanceof Integer index) {
      ((ArrayNode) parent).remove(index);
    } else {
      ((ObjectNode) parent).remove((String) last);
    }
  }

  private static void set(JsonNode parent, Object last, JsonNode value) {
    if (last instanceof Integer index) {
      ((ArrayNode) parent).set(index, value);
    } else {
      ((ObjectNode) parent).set((String) last, value);
    }
  }

  /** A value of another JSON type than {@code value}, picked at random. */
  private static JsonNode otherType(JsonNode value, Random random) {
    List<JsonNode> candidates =
        new ArrayList<>(
            List.of(
                NODES.textNode("mutant"),
                NODES.numberNode(7),
                NODES.numberNode(new java.math.BigDecimal("2.5")),
                NODES.booleanNode(true),
                NODES.arrayNode().add(1),
                NODES.objectNode().put("a", 1),
                NODES.nullNode()));
    candidates.removeIf(
        c ->
            c.getNodeType() == value.getNodeType()
                && c.isIntegralNumber() == value.isIntegralNumber());
    return candidates.get(random.nextInt(candidates.size()));
  }

  /** A near-miss of a sibling's name, or a secret-like name. */
  private static String unknownKey(JsonNode object, Random random) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty() || random.nextBoolean()) {
      return List.of("apiToken", "privateKey", "password", "extraSetting").get(random.nextInt(4));
    }
    String name = names.get(random.nextInt(names.size()));
    int at = random.nextInt(name.length());
    return name.substring(0, at) + (char) ('a' + random.nextInt(26)) + name.substring(at + 1);
  }
}
