package io.otelstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Golden files of synthesized stacks, under {@code src/test/resources/snapshots/<stack>.json}.
 *
 * <p>Keys are sorted and the cdktf version is stubbed, so a snapshot changes only when the
 * Terraform does. Regenerate with {@code mvn test -Dsnapshots.update=true} and read the diff.
 */
public final class Snapshots {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final int MAX_LINES = 40;

  private Snapshots() {}

  /** Compares (or, with the update flag, rewrites) the snapshot of one stack. */
  public static void assertMatches(String stackName, String synthesized) {
    JsonNode actual = normalize(Synth.parse(synthesized));
    Path file =
        ExternalTools.projectDir().resolve("src/test/resources/snapshots/" + stackName + ".json");
    try {
      String text = JSON.writeValueAsString(JSON.treeToValue(actual, Object.class)) + "\n";
      if (Boolean.getBoolean("snapshots.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        throw new AssertionError(
            "no snapshot for "
                + stackName
                + " at "
                + file
                + "; create it with -Dsnapshots.update=true");
      }
      JsonNode expected = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      List<String> diff = new ArrayList<>();
      diff(expected, actual, "", diff);
      if (!diff.isEmpty()) {
        List<String> shown = diff.subList(0, Math.min(MAX_LINES, diff.size()));
        throw new AssertionError(
            "snapshot "
                + file.getFileName()
                + " differs in "
                + diff.size()
                + " place(s) (regenerate with -Dsnapshots.update=true and review):\n  "
                + String.join("\n  ", shown)
                + (diff.size() > MAX_LINES ? "\n  ..." : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode normalize(JsonNode synthesized) {
    JsonNode copy = synthesized.deepCopy();
    JsonNode metadata = copy.path("//").path("metadata");
    if (metadata instanceof ObjectNode m) {
      m.put("version", "stubbed");
    }
    return copy;
  }

  /** Lists differences, each prefixed with the Terraform address it belongs to. */
  private static void diff(JsonNode expected, JsonNode actual, String path, List<String> out) {
    if (expected.equals(actual)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      actual.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        String p = path.isEmpty() ? k : path + "." + k;
        if (!expected.has(k)) {
          out.add("+ " + address(p) + ": added " + abbreviate(actual.get(k)));
        } else if (!actual.has(k)) {
          out.add("- " + address(p) + ": removed " + abbreviate(expected.get(k)));
        } else {
          diff(expected.get(k), actual.get(k), p, out);
        }
      }
      return;
    }
    if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        diff(expected.get(i), actual.get(i), path + "[" + i + "]", out);
      }
      return;
    }
    if (expected.isTextual() && actual.isTextual()) {
      // Helm values are one long YAML string: point at the first line that changed.
      String[] a = expected.asText().split("\n", -1);
      String[] b = actual.asText().split("\n", -1);
      int line = 0;
      while (line < a.length && line < b.length && a[line].equals(b[line])) {
        line++;
      }
      String was = line < a.length ? a[line].strip() : "(end)";
      String now = line < b.length ? b[line].strip() : "(end)";
      out.add("~ " + address(path) + " line " + (line + 1) + ": " + was + " -> " + now);
      return;
    }
    out.add("~ " + address(path) + ": " + abbreviate(expected) + " -> " + abbreviate(actual));
  }

  /** {@code resource.aws_eks_cluster.x.version} becomes {@code aws_eks_cluster.x (version)}. */
  private static String address(String path) {
    String[] parts = path.split("\\.", 4);
    if (parts.length >= 3 && (parts[0].equals("resource") || parts[0].equals("data"))) {
      String prefix = parts[0].equals("data") ? "data." : "";
      String attr = parts.length == 4 ? " (" + parts[3] + ")" : "";
      return prefix + parts[1] + "." + parts[2] + attr;
    }
    return path;
  }

  private static String abbreviate(JsonNode node) {
    String s = node.toString();
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
