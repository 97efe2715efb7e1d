package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Joins the lines of one multi-line record (a stack trace) of some containers into one log record:
 * a {@code recombine} operator in the agent's {@code file_log} receiver, after the container
 * parser, applied only to the records of the given namespace and/or container (the parser's {@code
 * k8s.namespace.name} and {@code k8s.container.name}). Lines are joined per log file, with {@code
 * \n}.
 *
 * <p>Either a {@code preset} (continuation lines of a Java or Python stack trace) or a {@code
 * startPattern} (the first line of every record, e.g. a timestamp) says where records begin.
 *
 * <p>Bounded: a record ends after {@code maxLines} lines or {@code maxSizeKi} KiB, and a record
 * with no new line for {@code flushSeconds} is sent as it is, so a stuck trace never holds the
 * file's later lines back for longer.
 *
 * @param namespace the namespace whose containers this applies to; null for any
 * @param container the container name this applies to; null for any
 * @param preset where records continue; null when {@code startPattern} is given
 * @param startPattern an RE2 pattern of a record's first line; null when {@code preset} is given
 * @param maxLines most lines in one record. Default: 500.
 * @param maxSizeKi most KiB in one record. Default: 256.
 * @param flushSeconds seconds without a new line after which a record is sent. Default: 5.
 */
public record MultilineRule(
    String namespace,
    String container,
    MultilinePreset preset,
    String startPattern,
    Integer maxLines,
    Integer maxSizeKi,
    Integer flushSeconds) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /**
   * Requires a target and exactly one of preset and start pattern; applies the bounds' defaults.
   */
  public MultilineRule {
    if (namespace == null && container == null) {
      throw new ValidationException(
          "logs.multiline entry must name a namespace, a container or both; a rule for every"
              + " container would join unrelated lines");
    }
    for (String name : new String[] {namespace, container}) {
      if (name != null && !NAME.matcher(name).matches()) {
        throw new ValidationException(
            "logs.multiline entry namespace or container ("
                + name
                + ") must be a Kubernetes name such as payments");
      }
    }
    if ((preset == null) == (startPattern == null)) {
      throw new ValidationException(
          "logs.multiline entry for "
              + target(namespace, container)
              + " must give exactly one of preset (java, python) and startPattern");
    }
    if (startPattern != null) {
      try {
        Pattern.compile(startPattern);
      } catch (PatternSyntaxException e) {
        throw new ValidationException(
            "logs.multiline startPattern ("
                + startPattern
                + ") is not a regular expression: "
                + e.getDescription());
      }
    }
    maxLines = atLeastOne("maxLines", maxLines, 500);
    maxSizeKi = atLeastOne("maxSizeKi", maxSizeKi, 256);
    flushSeconds = atLeastOne("flushSeconds", flushSeconds, 5);
  }

  private static int atLeastOne(String field, Integer value, int fallback) {
    int v = value == null ? fallback : value;
    if (v < 1) {
      throw new ValidationException(
          "logs.multiline entry " + field + " (" + v + ") must be >= 1; default is " + fallback);
    }
    return v;
  }

  private static String target(String namespace, String container) {
    List<String> parts = new ArrayList<>();
    if (namespace != null) {
      parts.add("namespace " + namespace);
    }
    if (container != null) {
      parts.add("container " + container);
    }
    return String.join(" ", parts);
  }

  /** The {@code recombine} operator, with the given operator ID. */
  Map<String, Object> operator(String id) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("type", "recombine");
    op.put("id", id);
    op.put("if", condition());
    op.put("combine_field", "body");
    op.put("combine_with", "\n");
    op.put("source_identifier", "attributes[\"log.file.path\"]");
    op.put(
        "is_first_entry",
        preset != null
            ? "not (body matches " + literal(preset.continuation()) + ")"
            : "body matches " + literal(startPattern));
    op.put("max_batch_size", maxLines);
    op.put("max_log_size", maxSizeKi * 1024);
    op.put("force_flush_period", flushSeconds + "s");
    return op;
  }

  private String condition() {
    List<String> parts = new ArrayList<>();
    if (namespace != null) {
      parts.add("resource[\"k8s.namespace.name\"] == " + literal(namespace));
    }
    if (container != null) {
      parts.add("resource[\"k8s.container.name\"] == " + literal(container));
    }
    return String.join(" and ", parts);
  }

  /**
   * An expr string literal: backslashes and quotes escaped, and {@code $} doubled, which the
   * collector's configuration expansion reads as one {@code $}.
   */
  private static String literal(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "$$") + "\"";
  }
}
